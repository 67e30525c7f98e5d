// The content script's loop: snapshot the page, ask the core for a plan, apply it; again for
// whatever the page adds or changes later (load-more, tab switches, SPA navigation), re-reading
// only those parts. If anything fails, the page is left exactly as it is.
// @uses DG.snapshot, DG.state, DG.apply, DG.report
// @provides DG.reread, DG.main
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const QUIET_MS = 60;          // let a burst of page mutations settle before reading
  const MAX_WAIT_MS = 400;      // …but never wait longer than this
  const FULL_ABOVE = 300;       // this many changed subtrees: read the whole page instead

  // A full read of a bigger page goes in pieces of about this many elements. An order list's
  // cards are read one by one, so its pieces are small (each a short task: about 10 ms of
  // snapshot for 1,000 elements); other pages are read whole up to the larger size, since what
  // one order's page says is spread over all of it.
  const PIECE_ELEMENTS = 3000;
  const LIST_PIECE_ELEMENTS = 1000;
  // After a read fails (the core cannot start, or failed), the next waits this long, doubling up
  // to the cap, however often the page changes meanwhile; a read that works ends the wait.
  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 60_000;
  let ctx = null;               // what the core said about this page (echoed on partial reads)
  let kind = null;              // the page's kind, from the core; 'other' pages are never read
  let url = location.href;
  let full = true;              // next read covers the whole page
  const dirty = new Set();      // subtrees to re-read
  let timer = 0, firstDirty = 0, running = false, dead = false, reads = 0;
  let underway = null;          // the read under way: { all } (whole page) or { roots }
  let failures = 0;             // reads that failed: what they covered may carry stale marks
  let started = 0, finished = 0;// reads begun and ended (one at a time): each takes every change made before it
  let failedInRow = 0, heldUntil = 0; // reads failed in a row; no read before heldUntil (back off)
  const stats = [];
  let batch = 0;                // reads that belong together (the pieces of one full read share it)
  let rereadAsked = false;      // a plan asked for part of the page again and no read has taken it yet:
                                // the change that plan read is read fully only once that is too

  // The core answers from the service worker, which may always run wasm whatever the page's CSP,
  // over one long-lived port: a message on an open port costs less than sendMessage, which opens
  // a channel (and dispatches its connection in the worker) for every read. A worker stopped
  // while reads wait closes the port: those reads are sent once more on a new one.
  let port = null;
  let lastId = 0;
  const waiting = new Map();    // read id -> { msg, tries, answer, fail }
  function connect() {
    const p = chrome.runtime.connect({ name: 'dg-analyse' });
    p.onMessage.addListener(reply => {
      const w = reply && waiting.get(reply.id);
      if (w) { waiting.delete(reply.id); w.answer(reply); }
    });
    p.onDisconnect.addListener(() => {
      void chrome.runtime.lastError;
      if (port === p) port = null;
      for (const [id, w] of waiting) {
        if (w.tries > 1) { waiting.delete(id); w.answer({ error: 'the extension closed the channel' }); } else post(id, w);
      }
    });
    return p;
  }
  function post(id, w) {
    w.tries++;
    try { (port ||= connect()).postMessage({ ...w.msg, id }); } catch (e) { waiting.delete(id); w.fail(e); }
  }
  function analyse(snapshotJson) {
    return new Promise((resolve, reject) => {
      const id = ++lastId;
      const timeout = setTimeout(() => { waiting.delete(id); reject(new Error('no answer from the extension')); }, 10_000);
      let sentAt = 0;
      const w = {
        msg: { type: 'analyse', snapshot: snapshotJson, now: DG.snapshot.localNow() }, tries: 0,
        answer(reply) {
          clearTimeout(timeout);
          if (!reply || reply.error) reject(new Error(reply ? reply.error : 'empty answer'));
          else resolve({ plan: JSON.parse(reply.plan), coreMs: reply.coreMs, sentAt });
        },
        fail(e) { clearTimeout(timeout); reject(e); },
      };
      waiting.set(id, w);
      post(id, w);
      sentAt = performance.now();   // sending is synchronous work of ours too
    });
  }

  // A failure goes to the extension's console as one line, never to the page's.
  function report(e) {
    try { chrome.runtime.sendMessage({ type: 'log', message: String(e && e.stack || e).slice(0, 500) }); } catch { /* gone */ }
  }

  async function read() {
    timer = 0;
    if (running || dead) { schedule(); return; }
    running = true;
    started++;
    try {
      if (location.href !== url) { url = location.href; full = true; ctx = null; kind = null; }
      if (!kind) {
        // Ask the core what this page is before reading any of it: pages it has nothing to say
        // about (product pages, the home page…) are never walked, and only a URL change wakes
        // the script again.
        const { plan } = await analyse(JSON.stringify(DG.snapshot.empty()));
        kind = plan.ctx.kind;
        failedInRow = 0; heldUntil = 0;
      }
      if (kind === 'other') { full = false; dirty.clear(); return; }
      batch++;
      if (full) {
        full = false; dirty.clear(); rereadAsked = false;
        underway = { all: true };
        // A big page is read in pieces of bounded size, so that no single task of ours blocks
        // the page for long; a small one in one go.
        await nextTask();
        const pieces = DG.snapshot.pieces(kind === 'order-list' ? LIST_PIECE_ELEMENTS : PIECE_ELEMENTS);
        const first = pieces.next().value;
        if (!first) return;
        if (first[0] === document.body) await readOnce(null);
        else {
          // The first piece tells the page's language; the others then go out one after the
          // other (each worked out and sent in its own short task) and are applied as their
          // plans come back, so the service worker works while the page takes the next snapshot.
          await readOnce(first);
          await nextTask();
          const sent = [];
          for (const piece of pieces) {
            if (location.href !== url) break;
            sent.push(readOnce(piece));
            await nextTask();
          }
          await Promise.all(sent);
        }
      } else {
        const roots = [...dirty].filter(e => e.isConnected);
        dirty.clear(); rereadAsked = false;
        underway = { roots };
        if (roots.length) await readOnce(roots);
      }
    } catch (e) {
      failures++;
      // Extension reloaded or removed: stop quietly; the page goes on without us.
      if (/context invalidated/i.test(String(e && e.message))) { dead = true; observer && observer.disconnect(); }
      else {
        report(e);
        // Not read: the whole page is read again once the wait is over, changed or not.
        full = true;
        failedInRow++;
        heldUntil = performance.now() + Math.min(RETRY_FIRST_MS * 2 ** (failedInRow - 1), RETRY_MAX_MS);
        schedule();
      }
    } finally { running = false; underway = null; finished++; wake(); }
  }

  // Whether a read that could change `node`'s marks is still to come: the whole page, a changed
  // subtree holding it, or a read under way that covers it (node null: any read at all). Changes
  // the observer has not delivered yet are taken first, so a change made just now counts.
  function pending(node) {
    if (observer) handle(observer.takeRecords());
    if (full || (underway && (underway.all || !node))) return true;
    if (!node) return dirty.size > 0;
    const holds = r => r === node || r.contains(node);
    for (const r of dirty) if (holds(r)) return true;
    return !!underway && underway.roots.some(holds);
  }

  // Resolves true once no read is pending for `node`, or, node null, once every change made
  // before the call has been read and applied (later changes elsewhere, a ticking clock, are not
  // waited for); false after `ms`, when a read failed, or when the extension is gone: the marks
  // then cannot be trusted. Woken by the reads themselves, not by polling.
  const waiters = new Set();
  function settled(node, ms) {
    return new Promise(resolve => {
      // The read that takes what is dirty now is the next one to begin (or the one under way).
      let need = node ? 0 : pending(null) && (full || dirty.size) ? started + 1 : running ? started : finished;
      const w = { failuresAt: failures, check() {
        if (dead || failures !== w.failuresAt) return end(false);
        if (node) { if (!pending(node)) end(true); return; }
        // A read whose plan asked for more (the whole order, the whole page) is done with the
        // read that takes it.
        if (finished >= need) { if (rereadAsked) need = started + 1; else end(true); }
      } };
      const timeout = setTimeout(() => end(false), ms);
      function end(ok) { clearTimeout(timeout); waiters.delete(w); resolve(ok); }
      waiters.add(w);
      w.check();
    });
  }
  function wake() { for (const w of [...waiters]) w.check(); }

  // The elements of a partial snapshot's subtrees (not their ancestors, sent as context only).
  function scopeOf(snap, live) {
    const inside = new Uint8Array(snap.nodes.length);
    for (const r of snap.roots) inside[r] = 1;
    const out = [];
    for (let i = 0; i < snap.nodes.length; i++) {
      const p = snap.nodes[i][0];
      if (p >= 0 && inside[p]) inside[i] = 1;
      if (inside[i] && live[i].nodeType === 1) out.push(live[i]);
    }
    return out;
  }

  const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));

  // One snapshot → plan → apply round: the whole page (roots null) or the given subtrees.
  async function readOnce(roots) {
    const t0 = performance.now();
    const { snap, live } = roots ? DG.snapshot.partial(roots) : DG.snapshot.full();
    if (roots) snap.ctx = ctx;
    const json = JSON.stringify(snap);
    const t1 = performance.now();
    const { plan, coreMs, sentAt } = await analyse(json);
    // Applying gets a task of its own: replies to several pieces can arrive together.
    await nextTask();
    const t2 = performance.now();
    ctx = plan.ctx;
    failedInRow = 0; heldUntil = 0;
    observer && handle(observer.takeRecords());
    DG.apply.plan(plan, live, roots ? scopeOf(snap, live) : null);
    DG.report?.offer(plan.ctx.kind, plan.report_widget);
    observer && handle(observer.takeRecords());
    const t3 = performance.now();
    // Timings of the last reads, kept in the content script's own world (the benchmark reads
    // them through the DevTools protocol; the page cannot see them).
    // Our synchronous work is [startedAt, sentAt] and [resumedAt, doneAt]; the rest is waiting.
    stats.push({ batch, full: !roots, nodes: snap.nodes.length, bytes: json.length, startedAt: t0, sentAt, resumedAt: t2, doneAt: t3,
      snapshotMs: t1 - t0, roundTripMs: t2 - t1, coreMs, applyMs: t3 - t2, totalMs: t3 - t0 });
    if (stats.length > 200) stats.shift();
    // How many reads were applied: lets tests (and power users) know the page was processed.
    document.documentElement.setAttribute('data-dg-read', String(++reads));
  }

  function schedule() {
    if (dead) return;
    const now = performance.now();
    if (!timer) firstDirty = now;
    clearTimeout(timer);
    timer = setTimeout(read, Math.max(now - firstDirty > MAX_WAIT_MS ? 0 : QUIET_MS, heldUntil - now));
  }

  const ours = n => n.nodeType === 1 && (n.hasAttribute('data-dg-ui') || !!n.closest?.('[data-dg-ui]'));

  // The order root (unit) holding `node`, if the core named one.
  function unitOf(node) {
    for (let a = node.nodeType === 1 ? node : node.parentElement; a; a = a.parentElement) if (DG.state.units.has(a)) return a;
    return null;
  }

  // Whitespace between elements changes nothing a reader sees.
  const relevant = n => (n.nodeType === 1 && !ours(n)) || (n.nodeType === 3 && /\S/.test(n.data));

  function handle(records) {
    // A page the core has nothing to say about: only a change of address matters.
    if (kind === 'other') { if (location.href !== url) { full = true; schedule(); } return; }
    let any = false;
    const mark = el => { if (el && !ours(el)) { dirty.add(el); any = true; } };
    for (const r of records) {
      if (r.type === 'characterData') { const p = r.target.parentElement; mark(p && (unitOf(p) || p)); continue; }
      if (r.type !== 'childList' || ours(r.target)) continue;
      const added = [...r.addedNodes].filter(relevant);
      if (added.length === 0 && ![...r.removedNodes].some(relevant)) continue;
      const unit = unitOf(r.target);
      // Inside an order: re-read the order. Elsewhere: read what was added (removals take their marks along).
      if (unit) mark(unit);
      else for (const n of added) mark(n.nodeType === 1 ? n : r.target);
    }
    if (dirty.has(document.body) || dirty.size > FULL_ABOVE) { full = true; dirty.clear(); }
    if (location.href !== url) full = true;
    if (any || full) schedule();
  }

  // Read this element again (the core saw only part of an order and wants all of it; the
  // "Check my orders" bar after a run read the order's page).
  const reread = el => { dirty.add(el); rereadAsked = true; schedule(); };
  DG.reread = reread;
  DG.apply.handle('reread', reread);

  let observer = null;
  function start() {
    if (!document.body) return;
    observer = new MutationObserver(handle);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    schedule();
  }

  // Settings changed in the options (guard switched off, other numbers): when the tab comes back
  // into view, read the page again if they did. Not chrome.storage.onChanged: that would copy
  // every write of the stored orders into the page.
  let settingsSeen;
  function checkSettings() {
    try {
      chrome.storage.local.get('settings', r => {
        const now = JSON.stringify((r && r.settings) || {});
        if (settingsSeen !== undefined && now !== settingsSeen) { full = true; schedule(); }
        settingsSeen = now;
      });
    } catch { /* extension gone: nothing to apply */ }
  }
  checkSettings();
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') checkSettings(); });

  // Back/forward navigation within a single-page app changes the URL without a load.
  window.addEventListener('popstate', () => { full = true; schedule(); });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();

  DG.main = { stats, startedAt: performance.now(), pending, settled };
})();
