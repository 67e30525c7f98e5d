// One list of the shop's hosts and one order-id rule. The core owns both (read::page_kind's
// SHOP_DOMAINS, wire::order::is_order_id); the page side needs them before the core answers
// (ui.js checks a link's host on the page, page_analysis.js picks the remembered orders a
// snapshot mentions), and the manifest says where the content scripts run. Those copies must
// say the same as the core: this fails, naming the copy, when one of them drifts.
'use strict';
const fs = require('fs');
const path = require('path');
const { test } = require('node:test');

const ROOT = path.join(__dirname, '..', '..');
const read = p => fs.readFileSync(path.join(ROOT, p), 'utf8');
const same = (a, b) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

function coreDomains() {
  const m = /pub const SHOP_DOMAINS: &\[&str\] = &\[([^\]]*)\]/.exec(read('crates/guard-core/src/read/page_kind.rs'));
  if (!m) throw new Error('SHOP_DOMAINS not found in crates/guard-core/src/read/page_kind.rs');
  return [...m[1].matchAll(/"([^"]+)"/g)].map(x => x[1]);
}

test('one rule: the shop\'s hosts in ui.js and in the manifest are the core\'s SHOP_DOMAINS', () => {
  const ours = coreDomains();
  if (ours.length < 3) throw new Error(`only ${ours.length} domains read from the core`);
  const m = /\(\^\|\\\.\)aliexpress\\\.\(([a-z|]+)\)\$/.exec(read('extension/content/ui.js'));
  if (!m) throw new Error('the host check in extension/content/ui.js was not found (its pattern changed: update this test)');
  const ui = m[1].split('|').map(tld => `aliexpress.${tld}`);
  if (!same(ui, ours)) throw new Error(`extension/content/ui.js checks ${ui.join(', ')}; the core's SHOP_DOMAINS are ${ours.join(', ')}`);
  const manifest = JSON.parse(read('extension/manifest.json'));
  for (const cs of manifest.content_scripts) {
    const hosts = cs.matches.map(p => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(p)?.[1] ?? p);
    if (!same(hosts, ours)) throw new Error(`the manifest's content scripts run on ${hosts.join(', ')}; the core's SHOP_DOMAINS are ${ours.join(', ')}`);
  }
});

test('one rule: the order ids page_analysis.js looks for are the core\'s is_order_id', () => {
  const m = /\(([0-9]+)\.\.=([0-9]+)\)\.contains\(&id\.len\(\)\) && id\.bytes\(\)\.all\(\|b\| b\.is_ascii_digit\(\)\)/.exec(read('crates/guard-core/src/wire/order.rs'));
  if (!m) throw new Error('is_order_id\'s rule not found in crates/guard-core/src/wire/order.rs (its shape changed: update this test)');
  const js = /const ID_RUN = \/\\d\{([0-9]+),([0-9]+)\}\/g;/.exec(read('extension/sw/page_analysis.js'));
  if (!js) throw new Error('ID_RUN not found in extension/sw/page_analysis.js');
  if (js[1] !== m[1] || js[2] !== m[2]) throw new Error(`page_analysis.js looks for ${js[1]}–${js[2]} digits; the core's order ids have ${m[1]}–${m[2]}`);
});
