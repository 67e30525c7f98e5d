// A small AliExpress order history for "Check my orders": an order list in the current layout
// (docs/SOURCES.md section 2) and each order's detail page (section 3), with dates relative to
// today. Stores and items are the team's inventions.
// Used by the end-to-end tests, the Firefox test, the benchmark and the demo.
'use strict';
const { formatDate, orderId, addDays } = require('./templates');

const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const on = n => formatDate(addDays(new Date(), n), 'en');

// One order in each state the list shows; `detail` is what its own page says (days from today).
// `read`: whether "Check my orders" must read it (the core's choice, checked by the tests).
const ORDERS = [
  { n: 301, list: 'Awaiting delivery', placed: -25, store: 'Sunny Gadgets Store', item: 'USB-C charging cable 2 m braided',
    detail: { status: 'Awaiting delivery', paid: -25, shipped: -20, protection: 25 }, read: true },
  { n: 302, list: 'Completed', placed: -30, store: 'Home & Garden Official', item: 'Silicone baking mat set',
    detail: { status: 'Completed', paid: -30, shipped: -27, completed: -13 }, read: true },
  { n: 303, list: 'Awaiting shipment', placed: -2, store: 'Mega Tools Factory Store', item: 'Precision screwdriver set 24 in 1',
    detail: { status: 'Awaiting shipment', paid: -2 }, read: true },
  { n: 304, list: 'Awaiting payment', placed: 0, store: 'Tiny Things Store', item: 'Enamel pin set',
    detail: { status: 'Awaiting payment' }, read: false },
  { n: 305, list: 'Closed', placed: -9, store: 'Bright Lights Store', item: 'LED strip 5 m, warm white',
    detail: { status: 'Closed', paid: -9 }, read: false },
  { n: 306, list: 'Awaiting delivery', placed: -60, store: 'Outdoor Pro Store', item: 'Hiking backpack 40 L',
    detail: { status: 'Awaiting delivery', paid: -60, shipped: -55, protection: 3 }, read: true }, // within the 3-day lead: extend now
  { n: 307, list: 'Completed', placed: -200, store: 'Old Times Store', item: 'Desk lamp',
    detail: { status: 'Completed', paid: -200, shipped: -196, completed: -170 }, read: false },
  { n: 308, list: 'Awaiting delivery', placed: -40, store: 'Phone Parts Store', item: 'Phone case, clear',
    detail: { status: 'Awaiting delivery', paid: -40, shipped: -36, dispute: true }, read: true },
];

const idOf = o => orderId(o.n);
const detailUrl = (o, host = 'www.aliexpress.com') => `http://${host}/p/order/detail.html?orderId=${idOf(o)}`;

function card(o) {
  const id = idOf(o);
  return `
<div class="order-item">
  <div class="order-item-header">
    <div class="order-item-header-status"><span class="order-item-header-status-text">${esc(o.list)}</span></div>
    <div class="order-item-header-right">
      <div class="order-item-header-right-info" data-pl="order_item_header_info">
        <div>Order date: ${on(o.placed)}</div>
        <div>Order ID: ${id}<span class="order-item-header-right-info-copy">Copy</span></div>
      </div>
      <a data-pl="order_item_header_detail" href="//www.aliexpress.com/p/order/detail.html?orderId=${id}">Order details</a>
    </div>
  </div>
  <div class="order-item-store"><span class="order-item-store-name">${esc(o.store)}</span></div>
  <div class="order-item-content">
    <div class="order-item-content-info">
      <div class="order-item-content-info-name"><a href="//www.aliexpress.com/item/1005009${o.n}.html"><span title="${esc(o.item)}">${esc(o.item)}</span></a></div>
      <div class="order-item-content-info-number"><span>x1</span></div>
    </div>
  </div>
  <div class="order-item-btns"><button class="comet-btn" data-fx="cart">Add to cart</button></div>
</div>`;
}

function listPage(orders = ORDERS) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orders - AliExpress</title>
<link rel="stylesheet" href="/fixture-site/site.css"><script src="/fixture-site/site.js"></script></head>
<body><div id="root"><div class="order-main"><div class="order-content">${orders.map(card).join('')}
</div></div></div></body></html>`;
}

function row(label, value) {
  return `<div class="info-row"><span class="info-row-label">${label}</span><span class="info-row-value">${value}</span></div>`;
}

// The order's own page. `appearAfterMs`: the order is drawn by the page's script that much later
// (a slow page); `never`: the page never shows the order (an empty shell).
function detailPage(o, { appearAfterMs = 0, never = false } = {}) {
  const d = o.detail;
  const id = idOf(o);
  const order = `
  <div class="order-wrap">
    <div class="order-block order-status">
      <div class="order-block-title">${esc(d.status)}</div>
      ${d.dispute ? '<div class="order-status-desc">Dispute in progress</div>' : ''}
    </div>
    <div class="order-block order-detail-info"><div class="order-detail-info-content">
      ${row('Order ID:', id)}
      ${row('Order placed on:', on(o.placed))}
      ${d.paid !== undefined ? row('Paid on:', on(d.paid)) : ''}
      ${d.shipped !== undefined ? row('Shipment completed on:', on(d.shipped)) : ''}
      ${d.completed !== undefined ? row('Order completed on:', on(d.completed)) : ''}
    </div></div>
    <div class="order-block order-detail-item">
      <div class="order-detail-item-store"><a class="order-detail-item-store-name" href="//www.aliexpress.com/store/1${o.n}">${esc(o.store)}</a></div>
      <div class="order-detail-item-content"><div class="order-detail-item-content-info">
        <a class="order-detail-item-content-info-name" href="//www.aliexpress.com/item/1005009${o.n}.html" title="${esc(o.item)}">${esc(o.item)}</a>
        <span class="order-detail-item-content-info-number">x1</span>
      </div></div>
      ${d.protection !== undefined ? `<div class="order-detail-item-promise">Refund if no delivery before ${on(d.protection)}</div>` : ''}
    </div>
  </div>`;
  const body = never ? '<div id="root"><div class="es--detail--Ab3Cd9x"><p>Loading…</p></div></div>'
    : appearAfterMs ? `<div id="root"><p>Loading…</p></div><template id="later">${order}</template>
<script>setTimeout(() => { const r = document.getElementById('root'); r.replaceChildren(document.getElementById('later').content.cloneNode(true)); }, ${appearAfterMs}); // timer: the site's own slow page</script>`
      : `<div id="root"><div class="es--detail--Ab3Cd9x">${order}</div></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order details - AliExpress</title>
<link rel="stylesheet" href="/fixture-site/site.css"></head>
<body>${body}</body></html>`;
}

// The site's sign-in page (a session that expired sends the shopper there).
function signInPage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - AliExpress</title></head>
<body><form class="login-form" action="#" onsubmit="return false">
<h1>Sign in</h1>
<input id="fm-login-id" name="fm-login-id" type="text" placeholder="Email or phone number">
<input id="fm-login-password" name="fm-login-password" type="password" placeholder="Password">
<button type="submit">Sign in</button></form></body></html>`;
}

// Every order's detail page on `server` (its `route`), each with the options in `special`
// ({ [n]: {appearAfterMs, never, delayMs, redirect} }).
function serveOrders(route, { orders = ORDERS, special = {} } = {}) {
  for (const o of orders) {
    const sp = special[o.n] || {};
    route(detailUrl(o), sp.redirect ? { redirect: sp.redirect } : { html: () => detailPage(o, sp), delayMs: sp.delayMs });
  }
  route('http://login.aliexpress.com/', { html: signInPage });
}

module.exports = { ORDERS, idOf, detailUrl, listPage, detailPage, signInPage, serveOrders };
