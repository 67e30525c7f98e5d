// Generated order list pages for the benchmark: the current layout (docs/SOURCES.md section
// 2), N orders of mixed statuses in mixed interface languages, dates relative to today.
'use strict';
const { formatDate, orderId, addDays } = require('../harness/templates');

// Per language: the date format, "Order date"/"Order ID" labels and status words as the
// fixtures use them (test data; the extension's own words live in the core's tables).
const LANGS = [
  { lang: 'en', fmt: 'en', date: 'Order date', id: 'Order ID', status: ['Awaiting delivery', 'Completed', 'Awaiting shipment', 'Closed'], confirm: 'Confirm received' },
  { lang: 'fr', fmt: 'fr', date: 'Date de commande', id: 'N° de commande', status: ['En attente de livraison', 'Terminée', "En attente d'expédition", 'Fermée'], confirm: 'Confirmer la réception' },
  { lang: 'ru', fmt: 'ru_long', date: 'Дата заказа', id: 'Номер заказа', status: ['Ожидает получения', 'Завершен', 'Ожидает отправки', 'Закрыт'], confirm: 'Подтвердить получение товара' },
  { lang: 'pt', fmt: 'pt_de', date: 'Data do pedido', id: 'ID do pedido', status: ['Aguardando a entrega', 'Concluído', 'Aguardando envio', 'Cancelado'], confirm: 'Confirmar recebimento' },
];

const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function card(i, today, L) {
  const id = orderId(i);
  const status = L.status[i % L.status.length];
  const shipped = i % 4 === 0;
  return `
<div class="order-item">
  <div class="order-item-header">
    <div class="order-item-header-status"><span class="order-item-header-status-text">${esc(status)}</span></div>
    <div class="order-item-header-right">
      <div class="order-item-header-right-info" data-pl="order_item_header_info">
        <div>${esc(L.date)}: ${esc(formatDate(addDays(today, -(i % 60) - 1), L.fmt))}</div>
        <div>${esc(L.id)}: ${id}<span class="order-item-header-right-info-copy">Copy</span></div>
      </div>
      <a data-pl="order_item_header_detail" href="//www.aliexpress.com/p/order/detail.html?orderId=${id}">Order details</a>
    </div>
  </div>
  <div class="order-item-store"><span class="order-item-store-name">Store number ${i}</span></div>
  <div class="order-item-content">
    <div class="order-item-content-info">
      <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/${1005000000 + i}.html"><span title="Item ${i}">Item ${i}, colourful and useful</span></a></div>
      <div class="order-item-content-info-sku">Colour: ${['Black', 'Red', 'Blue'][i % 3]}</div>
      <div class="order-item-content-info-number"><span>x${1 + (i % 3)}</span></div>
    </div>
    <div class="order-item-content-opt"><div class="order-item-content-opt-price"><span class="order-item-content-opt-price-total">Total:US $${(3 + i % 50).toFixed(2)}</span></div></div>
  </div>
  <div class="order-item-btns">
    <a href="//www.aliexpress.com/p/tracking/index.html?tradeOrderId=${id}"><button class="comet-btn">Track order</button></a>
    ${shipped ? `<button class="comet-btn comet-btn-primary">${esc(L.confirm)}</button>` : '<button class="comet-btn">Add to cart</button>'}
  </div>
</div>`;
}

// A list page of `n` orders; `more` orders wait in a template behind the load-more button.
function listPage(n, { more = 10, today = new Date() } = {}) {
  const cards = [];
  for (let i = 1; i <= n; i++) cards.push(card(i, today, LANGS[i % LANGS.length]));
  const extra = [];
  for (let i = n + 1; i <= n + more; i++) extra.push(card(i, today, LANGS[i % LANGS.length]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orders</title>
<link rel="stylesheet" href="/fixture-site/site.css"><script src="/fixture-site/site.js"></script></head>
<body><div id="root"><div class="order-main"><div class="order-content">${cards.join('')}
</div></div>
<div data-pl="order_more"><button class="comet-btn" data-fx="load-more">View orders</button></div>
<template id="more-orders">${extra.join('')}</template>
</div></body></html>`;
}

module.exports = { listPage };
