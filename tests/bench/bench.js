// ./build.sh bench: what the extension costs a page, against the bare minimum measured in the
// same run. Writes dist/bench/report.json and dist/bench/report.md. Every figure is the median
// of repeated runs with its spread; nothing here passes or fails on absolute times.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const server = require('../harness/server');
const { launch, inWorld, ROOT } = require('../harness/browser');
const { listPage } = require('./pages');

const RUNS = Number(process.env.DG_BENCH_RUNS || 7);
const SIZES = [10, 100, 1000];
const OUT = path.join(ROOT, 'dist', 'bench');
const EXT = path.join(ROOT, 'dist', 'extension');
const FLOOR = path.join(__dirname, 'floor-extension');

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
function summary(xs) {
  return { median: round(median(xs)), min: round(Math.min(...xs)), p25: round(quantile(xs, 0.25)), p75: round(quantile(xs, 0.75)), max: round(Math.max(...xs)), n: xs.length };
}
const round = x => Math.round(x * 1000) / 1000;

function dirSize(dir, filter = () => true) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirSize(p, filter) : filter(p) ? fs.statSync(p).size : 0;
  }
  return total;
}

async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const m = Object.fromEntries(metrics.map(x => [x.name, x.value]));
  return { heap: m.JSHeapUsedSize, nodes: m.Nodes };
}

// The reads of one batch (a full read's pieces, or one re-read) as one: wall time from the first
// piece's start to the last one's end, the sum of each stage, the nodes read.
function batchOf(stats, batch) {
  const xs = stats.filter(s => s.batch === batch);
  const sum = k => xs.reduce((a, x) => a + x[k], 0);
  return {
    pieces: xs.length, nodes: sum('nodes'), bytes: sum('bytes'),
    totalMs: xs[xs.length - 1].doneAt - xs[0].startedAt,
    snapshotMs: sum('snapshotMs'), roundTripMs: sum('roundTripMs'), coreMs: sum('coreMs'), applyMs: sum('applyMs'),
    longestSyncMs: Math.max(...xs.flatMap(x => [x.sentAt - x.startedAt, x.doneAt - x.resumedAt])),
  };
}

const waitReads = (page, n) => page.waitForFunction(k => Number(document.documentElement.getAttribute('data-dg-read') || 0) >= k, n, { timeout: 60000 });

async function measureFloor(port) {
  const b = await launch({ port, extensionDir: FLOOR });
  const out = {};
  try {
    for (const n of SIZES) {
      const walks = [];
      for (let r = 0; r < RUNS; r++) {
        const page = await b.context.newPage();
        await page.goto(`http://www.aliexpress.com/p/order/index.html?dgfx=bench-${n}`);
        await page.waitForLoadState('domcontentloaded');
        let s = null;
        for (let i = 0; i < 100 && !s; i++) { s = await inWorld(page, 'Dispute Guard bench floor', 'globalThis.floorStats && floorStats[0]'); if (!s) await page.waitForTimeout(20); }
        walks.push(s.walkMs);
        out[n] = { nodes: s.nodes };
        await page.close();
      }
      out[n].walkMs = summary(walks);
    }
    // Memory of the 1,000-order page with no extension code at all beyond the floor's walk.
    const page = await b.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html?dgfx=bench-1000');
    await page.waitForTimeout(300);
    out.memory1000 = await heapAfterGc(page);
  } finally { await b.close(); }
  return out;
}

// The test build (the shipped extension plus its test hooks): the core-only timing below reads
// the snapshots its hooks keep.
async function measureOurs(port) {
  const b = await launch({ port });
  const out = { pages: {}, append: {}, memory: {} };
  try {
    const sw = b.sw();
    for (const n of SIZES) {
      const rows = [];
      let nodes = 0;
      for (let r = 0; r < RUNS; r++) {
        await sw.evaluate(() => chrome.storage.local.clear());
        const page = await b.context.newPage();
        const url = `http://www.aliexpress.com/p/order/index.html?dgfx=bench-${n}`;
        await page.goto(url);
        await page.waitForFunction(k => document.querySelectorAll('[data-dg-order]').length >= k, n, { timeout: 60000 });
        const s = batchOf(await inWorld(page, 'Dispute Guard', 'DG.main.stats'), 1);
        rows.push(s);
        nodes = s.nodes;
        await page.close();
      }
      // The core alone (wasm analyse in the service worker) on the same snapshots: the pieces of
      // the last page of this size still held by the service worker (its last 20 messages),
      // analysed again and scaled to the whole page by node count.
      const analyseMs = await sw.evaluate(async ({ runs, url, nodes }) => {
        const core = await globalThis.dgTest.getCore();
        const pieces = globalThis.dgTest.recentSnapshots.filter(s => s.includes(url) && !s.includes('"nodes":[]'));
        const held = pieces.reduce((a, s) => a + JSON.parse(s).nodes.length, 0);
        const times = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          for (const snap of pieces) core.analyse(snap, '{}', '2026-01-01T12:00:00');
          times.push((performance.now() - t) * nodes / held);
        }
        return times;
      }, { runs: RUNS, url: `dgfx=bench-${n}"`, nodes });
      const pick = k => summary(rows.map(x => x[k]));
      out.pages[n] = {
        nodes, bytes: rows[0].bytes, pieces: rows[0].pieces, longestSyncMs: pick('longestSyncMs'),
        totalMs: pick('totalMs'), snapshotMs: pick('snapshotMs'), roundTripMs: pick('roundTripMs'),
        serviceWorkerMs: pick('coreMs'), applyMs: pick('applyMs'), analyseMs: summary(analyseMs),
        messagingMs: summary(rows.map(x => x.roundTripMs - x.coreMs)),
      };
    }

    // Load-more on the 100-order page: 10 orders appended, re-read alone.
    const appends = [];
    let appendNodes = 0;
    for (let r = 0; r < RUNS; r++) {
      const page = await b.context.newPage();
      await page.goto('http://www.aliexpress.com/p/order/index.html?dgfx=bench-100');
      await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length >= 100, null, { timeout: 60000 });
      await page.click('[data-fx="load-more"]');
      await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length >= 110, null, { timeout: 60000 });
      const stats = await inWorld(page, 'Dispute Guard', 'DG.main.stats');
      const s = batchOf(stats, stats[stats.length - 1].batch);
      appends.push(s.totalMs);
      appendNodes = s.nodes;
      await page.close();
    }
    out.append = { totalMs: summary(appends), nodesReRead: appendNodes };

    // Memory: the 1,000-order page read once, then 100 re-reads of one changed card, then 100
    // more: the first hundred include warm-up (compiled code, the per-read stats that are kept
    // up to 200), the second shows whether anything keeps growing.
    const page = await b.context.newPage();
    await page.goto('http://www.aliexpress.com/p/order/index.html?dgfx=bench-1000');
    await page.waitForFunction(() => document.querySelectorAll('[data-dg-order]').length >= 1000, null, { timeout: 60000 });
    out.memory.afterFirstRead = await heapAfterGc(page);
    const firstReads = Number(await page.getAttribute('html', 'data-dg-read'));
    for (let i = 0; i < 200; i++) {
      await page.evaluate(k => { document.querySelector('.order-item-store-name').textContent = `Store renamed ${k}`; }, i);
      await waitReads(page, firstReads + i + 1);
      if (i === 99) out.memory.after100ReReads = await heapAfterGc(page);
    }
    out.memory.after200ReReads = await heapAfterGc(page);
    await page.close();

    // Popup: open to first paint, and to the list drawn.
    const popupRuns = [];
    for (let r = 0; r < RUNS; r++) {
      const p = await b.context.newPage();
      await p.goto(`chrome-extension://${b.extensionId}/popup/popup.html`);
      await p.waitForSelector('body[data-ready]');
      popupRuns.push(await p.evaluate(() => ({
        fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
        ready: performance.now(),
      })));
      await p.close();
    }
    out.popup = { firstPaintMs: summary(popupRuns.map(x => x.fcp).filter(x => x != null)), readyMs: summary(popupRuns.map(x => x.ready)) };
  } finally { await b.close({ keepProfile: false }); }
  return out;
}

// Service-worker cold start to badge set: a browser start with one order needing action stored.
async function measureColdStart(port) {
  const { RUN_DIR } = require('../harness/browser');
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const profile = fs.mkdtempSync(path.join(RUN_DIR, 'bench-profile-'));
  const times = [];
  try {
    const first = await launch({ port, profile, extensionDir: EXT });
    await first.sw().evaluate(() => {
      const day = n => { const d = new Date(); d.setDate(d.getDate() + n); return d.toLocaleDateString('sv'); };
      return chrome.storage.local.set({ orders: { schema: 1, orders: { '8100000000000009': {
        order: { id: '8100000000000009', status: 'completed', shipped: day(-30), completed: day(-13) }, first_seen: day(0), last_seen: day(0) } } } });
    });
    await first.close({ keepProfile: true });
    for (let r = 0; r < RUNS; r++) {
      const b = await launch({ port, profile, extensionDir: EXT });
      const t = await b.sw().evaluate(async () => {
        for (;;) { if (await chrome.action.getBadgeText({})) return performance.now(); await new Promise(r => setTimeout(r, 1)); }
      });
      times.push(t);
      await b.close({ keepProfile: true });
    }
  } finally { fs.rmSync(profile, { recursive: true, force: true }); }
  return { badgeSetMs: summary(times), note: 'milliseconds from the service worker\'s start (its performance.timeOrigin) to the badge being set, on browser start' };
}

function sizes() {
  const wasm = path.join(EXT, 'pkg', 'guard_web_bg.wasm');
  const zips = fs.readdirSync(path.join(ROOT, 'dist')).filter(f => f.endsWith('.zip'));
  return {
    wasmRaw: fs.statSync(wasm).size,
    wasmGzip: zlib.gzipSync(fs.readFileSync(wasm), { level: 9 }).length,
    js: dirSize(EXT, p => p.endsWith('.js')),
    package: dirSize(EXT),
    zips: Object.fromEntries(zips.map(z => [z, fs.statSync(path.join(ROOT, 'dist', z)).size])),
  };
}

function markdown(r) {
  const ms = s => `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
  const lines = [
    '# Dispute Guard benchmark', '',
    `${r.date}, Chromium ${r.browser}, ${r.runs} runs per figure; median (min–max), milliseconds unless said.`, '',
    '## Size', '',
    `| wasm raw | wasm gzip | JS | unpacked package |`, `|---|---|---|---|`,
    `| ${r.sizes.wasmRaw} B | ${r.sizes.wasmGzip} B | ${r.sizes.js} B | ${r.sizes.package} B |`, '',
    '## Order list pages (current layout, mixed statuses and languages)', '',
    'Ours: from the first piece\'s start to the last piece\'s plan applied (wall time; the page is free between pieces). Stages are summed over the pieces. "Longest" is our longest synchronous stretch on the page\'s thread.', '',
    '| orders | nodes | pieces | floor walk | ours total | × floor | snapshot | round trip | in the service worker | core only | apply | longest |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const n of SIZES) {
    const p = r.ours.pages[n], f = r.floor[n];
    lines.push(`| ${n} | ${p.nodes} | ${p.pieces} | ${ms(f.walkMs)} | ${ms(p.totalMs)} | ${(p.totalMs.median / f.walkMs.median).toFixed(1)} | ${ms(p.snapshotMs)} | ${ms(p.roundTripMs)} | ${ms(p.serviceWorkerMs)} | ${ms(p.analyseMs)} | ${ms(p.applyMs)} | ${ms(p.longestSyncMs)} |`);
  }
  lines.push('', `Growth 100 → 1,000 orders: ours ×${(r.ours.pages[1000].totalMs.median / r.ours.pages[100].totalMs.median).toFixed(1)}, floor ×${(r.floor[1000].walkMs.median / r.floor[100].walkMs.median).toFixed(1)} (linear would be ×10).`);
  lines.push('', '## Load-more (10 orders appended to the 100-order page)', '',
    `Re-read: ${ms(r.ours.append.totalMs)} ms, ${r.ours.append.nodesReRead} nodes re-read.`, '',
    '## Service worker and popup', '',
    `Cold start to badge set: ${ms(r.coldStart.badgeSetMs)} ms. Popup first paint: ${ms(r.ours.popup.firstPaintMs)} ms; list drawn: ${ms(r.ours.popup.readyMs)} ms.`, '',
    '## Memory (1,000-order page, JS heap after GC)', '',
    `| without Dispute Guard (floor only) | with, after first read | with, after 100 re-reads | growth over the first 100 (warm-up) | growth over the next 100 |`, '|---|---|---|---|---|',
    `| ${(r.floor.memory1000.heap / 1e6).toFixed(2)} MB | ${(r.ours.memory.afterFirstRead.heap / 1e6).toFixed(2)} MB | ${(r.ours.memory.after100ReReads.heap / 1e6).toFixed(2)} MB | ${((r.ours.memory.after100ReReads.heap - r.ours.memory.afterFirstRead.heap) / 1e3).toFixed(1)} KB | ${((r.ours.memory.after200ReReads.heap - r.ours.memory.after100ReReads.heap) / 1e3).toFixed(1)} KB |`, '');
  return lines.join('\n');
}

async function main() {
  const extra = {};
  for (const n of SIZES) extra[`bench-${n}`] = () => listPage(n);
  const { server: srv, port } = await server.start(0, extra);
  const report = { date: new Date().toISOString(), runs: RUNS, sizes: sizes() };
  try {
    report.floor = await measureFloor(port);
    report.ours = await measureOurs(port);
    report.coldStart = await measureColdStart(port);
    const b = await launch({ port, extensionDir: FLOOR });
    report.browser = b.context.browser() ? b.context.browser().version() : 'persistent';
    await b.close();
  } finally { srv.close(); }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(OUT, 'report.md'), markdown(report));
  console.log(markdown(report));
  console.log(`\nWritten: ${path.relative(process.cwd(), path.join(OUT, 'report.json'))}, ${path.relative(process.cwd(), path.join(OUT, 'report.md'))}`);
}

main().catch(e => { console.error(e); process.exit(1); });
