// Evidence uploads (CONTRACT.md section 4). Files picked into an input the core marked
// (data-dg-evidence="watched"), or dropped on its upload area (data-dg-evidence-drop), are
// checked by the core before the site sees them:
// - window capture-phase listeners, installed at document_start, run before any of the site's;
//   they stop the event, read only each file's first bytes, size, name and type, and ask the
//   core (in the service worker);
// - the input is left holding only the files that passed, and input/change (or the drop) are
//   dispatched again so the site's own handlers see exactly those files, each File untouched;
// - each failure gets an alert next to the input (role="alert", data-dg-evidence-error);
// - JPEG photos that carry location data go on as a clean copy (same name and type); a damaged
//   Exif block goes whole, and the note names what went with it (orientation, capture date);
// - an oversized photo can be made smaller here, on a click, and put in place of the original;
// - a file that breaks only one of the extension's own defaults (the page states no such
//   limit) is held back with a warning and an "Upload anyway" button: the site decides;
// - if the site replaced the input while the check ran, the files go to the input now in its
//   place (same parent and position, or the one the core marks for the same place), else the
//   shopper is asked to pick again.
// If the core does not answer in a few seconds, or fails, the original pick goes through as it
// was (the page behaves as without the extension) and a notice says it went unchecked, with its
// location data.
// @uses DG.i18n, DG.ui, DG.state
// @provides DG.evidence
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const ANSWER_MS = 4000;            // then fail open
  const LOCATION_MS = 4000;          // location removal, for a whole pick: then photos go on as they are
  const REPLACED_MS = 3000;          // how long a removed input's replacement is waited for
  const HEAD_BYTES = 64;             // what the core needs to tell a format (evidence/format.rs)
  const JPEG_HEADERS = 256 * 1024;   // read to remove location data; the core asks for more if needed
  const MAX_WHOLE = 64 * 1024 * 1024;// never read more than this of one photo

  let replaying = null;              // the element whose re-dispatched events must pass
  const picks = new WeakMap();       // input -> the pick being checked
  const shown = new WeakMap();       // input -> hosts of the messages about its last pick
  let pickAgain = [];                // "pick again" notices (their input is gone)
  const cleared = new WeakSet();     // Files that passed: a site moving them into its input is no new pick
  const attached = { photos: 0, videos: 0, other: 0 };
  const listeners = new Set();       // told when files went on (the dispute assistant)
  const checking = new Set();        // checks of picks and drops under way (DG.evidence.idle)

  // Firefox gives what a content script builds (DataTransfer, File, events) the extension's
  // principal, and the page then sees no files in them: build those from the page's own
  // constructors there. Chromium has no `wrappedJSObject`: the plain constructors serve.
  const pageWindow = window.wrappedJSObject;
  const exported = o => (pageWindow && typeof cloneInto === 'function' ? cloneInto(o, window, { wrapReflectors: true }) : o);
  const newDataTransfer = () => (pageWindow ? new pageWindow.DataTransfer() : new DataTransfer());
  const newFile = (parts, name, opts) => (pageWindow ? new pageWindow.File(exported(parts), name, exported(opts)) : new File(parts, name, opts));
  const newDragEvent = (type, opts) => (pageWindow ? new pageWindow.DragEvent(type, exported(opts)) : new DragEvent(type, opts));

  // ---- talking to the core -------------------------------------------------------------------

  function ask(msg, ms = ANSWER_MS) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the extension')), ms);
      try {
        chrome.runtime.sendMessage(msg, reply => {
          clearTimeout(timer);
          const err = chrome.runtime.lastError;
          if (err || !reply || reply.error) reject(new Error(err ? err.message : reply ? reply.error : 'empty answer'));
          else resolve(reply);
        });
      } catch (e) { clearTimeout(timer); reject(e); }
    });
  }

  function report(e) {
    try { chrome.runtime.sendMessage({ type: 'log', message: `evidence: ${String(e && e.stack || e)}`.slice(0, 500) }); } catch { /* gone */ }
  }

  const withTimeout = (promise, ms) => Promise.race([promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no answer from the extension')), ms))]);

  function toBase64(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  const fromBase64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));

  // The core's verdict on each file, in order.
  async function checkFiles(rules, files, dropped) {
    const heads = await Promise.all(files.map(f => f.slice(0, HEAD_BYTES).arrayBuffer()));
    const request = JSON.stringify({ rules, dropped, files: files.map((f, i) => ({
      name: f.name, size: f.size, type: f.type, head: Array.from(new Uint8Array(heads[i])),
    })) });
    const reply = await ask({ type: 'evidence-check', request });
    if (!Array.isArray(reply.verdicts) || reply.verdicts.length !== files.length) throw new Error('verdicts do not match the files');
    return reply.verdicts;
  }

  // A copy of a JPEG without its location data, or the same File when it has none; `lost`:
  // what a damaged Exif block dropped whole took with it. Gives up at `deadline`.
  async function withoutLocation(file, deadline) {
    let n = Math.min(file.size, JPEG_HEADERS);
    for (let attempt = 0; attempt < 3; attempt++) {
      // Copied into our own buffer: Firefox denies typed-array methods on the page's.
      const head = Uint8Array.from(new Uint8Array(await file.slice(0, n).arrayBuffer()));
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no time left to remove location data');
      const reply = await ask({ type: 'evidence-location', head: toBase64(head), complete: n >= file.size }, left);
      if (reply.needMore) {
        if (n >= file.size || reply.needMore > MAX_WHOLE) break;
        n = Math.min(file.size, Math.max(reply.needMore, n * 2));
        continue;
      }
      if (!reply.bytes) return { file, removed: false, lost: [] };
      const clean = newFile([fromBase64(reply.bytes), file.slice(n)], file.name, { type: file.type, lastModified: file.lastModified });
      return { file: clean, removed: true, lost: Array.isArray(reply.lost) ? reply.lost.map(String) : [] };
    }
    throw new Error('location data not found within the photo headers');
  }

  // Never throws: the file without its location, or as it is (`kept`) when that failed or the
  // pick's time ran out. One deadline for the whole pick, photos in parallel: a pick of many
  // photos waits no longer than one.
  async function located(file, deadline) {
    try { return await withoutLocation(file, deadline); } catch (e) {
      report(e);
      return { file, removed: false, kept: true, lost: [] };
    }
  }

  // What the shopper is told about a photo's location data.
  const LOST_KEYS = { orientation: 'evidenceLostOrientation', 'capture-date': 'evidenceLostCaptureDate',
    camera: 'evidenceLostCamera', unreadable: 'evidenceLostUnreadable' };
  function locationNote(r) {
    const name = r.file.name;
    if (r.kept) return { notice: 'location-kept', tone: 'warn', role: 'alert', lines: [{ key: 'evidenceLocationKept', args: [name] }] };
    if (!r.removed) return null;
    const lost = r.lost.filter(l => LOST_KEYS[l]);
    if (!lost.length) return { notice: 'location-removed', lines: [{ key: 'evidenceLocationRemoved', args: [name] }] };
    return { notice: 'exif-removed', tone: 'warn', attrs: { 'data-dg-evidence-lost': lost.join(' ') },
      lines: [{ key: 'evidenceExifRemoved', args: [name] }, ...lost.map(l => ({ key: LOST_KEYS[l] }))] };
  }

  // The files that go on, in pick order (clean copies where location was removed), and notes.
  async function goingOn(files, verdicts) {
    const slots = files.map(() => null);
    const notes = [];
    const deadline = Date.now() + LOCATION_MS;
    const passing = verdicts.filter(v => v.pass);
    const results = await Promise.all(passing.map(v => (v.strip_location ? located(files[v.index], deadline) : { file: files[v.index] })));
    passing.forEach((v, k) => {
      const r = results[k];
      const note = r.removed !== undefined && locationNote(r);
      if (note) notes.push(note);
      slots[v.index] = r.file;
      cleared.add(r.file);
      count(v.kind, 1);
    });
    return { slots, notes };
  }

  function count(kind, n) {
    if (kind === 'photo') attached.photos += n;
    else if (kind === 'video') attached.videos += n;
    else attached.other += n;
    for (const l of listeners) { try { l(); } catch (e) { report(e); } }
  }

  // ---- the input ---------------------------------------------------------------------------

  const ruleOf = el => (DG.state && el && el.nodeType === 1 ? DG.state.evidence.get(el) : undefined);
  const watched = input => {
    const r = ruleOf(input);
    return r && !r.drop_for && input.getAttribute('data-dg-evidence') === 'watched' ? r : null;
  };
  const sameFiles = (a, b) => a.length === b.length && a.every((f, i) => f === b[i]);
  const isFileInput = el => el instanceof HTMLInputElement && el.type === 'file';

  // Where an input sits, to find the one a re-rendering site puts in its place.
  function spotOf(input) {
    const parent = input.parentElement;
    const ancestors = [];
    for (let a = parent; a; a = a.parentElement) ancestors.push(a);
    return { parent, index: parent ? [...parent.children].filter(isFileInput).indexOf(input) : -1, ancestors };
  }

  // The input in the page now for one picked into: itself; else the file input at the same
  // position in the same parent; else the one input the core marked for the same place.
  function replacement(old, rules, spot) {
    if (old.isConnected) return old;
    if (spot.parent && spot.parent.isConnected && spot.index >= 0) {
      const same = [...spot.parent.children].filter(isFileInput)[spot.index];
      if (same) return same;
    }
    if (rules.place) {
      const marked = [...document.querySelectorAll('input[type=file][data-dg-evidence="watched"]')]
        .filter(i => i !== old && !i.hasAttribute('data-dg-evidence-drop') && ruleOf(i) && ruleOf(i).place === rules.place);
      if (marked.length === 1) return marked[0];
    }
    return null;
  }

  // …waiting a little for it when the site has not put it there yet (or the page has not
  // been read again); null when none comes.
  function inputNow(old, rules, spot) {
    const now = replacement(old, rules, spot);
    if (now) return Promise.resolve(now);
    return new Promise(resolve => {
      let timer = 0;
      const obs = new MutationObserver(() => {
        const r = replacement(old, rules, spot);
        if (r) done(r);
      });
      const done = r => { obs.disconnect(); clearTimeout(timer); resolve(r); };
      obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-dg-evidence', 'data-dg-read'] });
      timer = setTimeout(() => done(null), REPLACED_MS);
    });
  }

  function setFiles(input, files) {
    const dt = newDataTransfer();
    for (const f of files) dt.items.add(f);
    input.files = dt.files;
  }

  function redispatch(input, types) {
    replaying = input;
    try {
      for (const type of ['input', 'change']) {
        if (types.has(type)) input.dispatchEvent(new Event(type, { bubbles: true, composed: type === 'input' }));
      }
    } finally { replaying = null; }
  }

  function onPick(ev) {
    const input = ev.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || replaying === input) return;
    const rules = watched(input);
    if (!rules || !input.files || input.files.length === 0) return;
    const files = [...input.files];
    if (files.every(f => cleared.has(f))) return;
    ev.stopImmediatePropagation();
    const pending = picks.get(input);
    if (pending && sameFiles(pending.files, files)) { pending.types.add(ev.type); return; }
    const pick = { files, types: new Set([ev.type]), spot: spotOf(input) };
    picks.set(input, pick);
    track(checkPick(input, rules, pick));
  }

  async function checkPick(input, rules, pick) {
    let verdicts;
    try {
      verdicts = await withTimeout(checkFiles(rules, pick.files, false), ANSWER_MS);
    } catch (e) {
      report(e);
      if (picks.get(input) !== pick) return;
      picks.delete(input);
      await failOpen(input, rules, pick, e);
      return;
    }
    if (picks.get(input) !== pick) return;   // a newer pick took its place
    let going;
    try { going = await goingOn(pick.files, verdicts); } catch (e) {
      report(e);
      going = { slots: pick.files.map((f, i) => (verdicts[i].pass ? f : null)), notes: [] };
    }
    if (picks.get(input) !== pick) return;
    picks.delete(input);
    const target = await handOff(input, rules, pick);
    if (!target) return;
    const ctx = { input: target, rules, spot: pick.spot, dropped: false, slots: going.slots, left: going.slots.filter(Boolean), types: pick.types };
    setFiles(target, ctx.left);
    showReport(target, pick.files, verdicts, going.notes, ctx);
    if (ctx.left.length) redispatch(target, pick.types);
  }

  // The input to hand a checked pick to, or null (the shopper was asked to pick again, or
  // picked again meanwhile in the input now in its place: that pick speaks).
  async function handOff(input, rules, pick) {
    const target = await inputNow(input, rules, pick.spot);
    if (target === input) return input;
    clearReport(input);
    if (!target) { tellPickAgain(pick.spot); return null; }
    return picks.has(target) ? null : target;
  }

  // Fail open: the site gets the pick exactly as it was, and the shopper is told that it went
  // unchecked (and with its location data).
  async function failOpen(input, rules, pick, e) {
    const target = await handOff(input, rules, pick);
    if (!target) return;
    if (target !== input) setFiles(target, pick.files);
    for (const f of pick.files) cleared.add(f);
    place(target, [unchecked(rules, e)]);
    redispatch(target, pick.types);
  }

  function unchecked(rules, e) {
    const timedOut = /no answer|no time/.test(String(e && e.message));
    const lines = [{ key: timedOut ? 'evidenceUncheckedTimeout' : 'evidenceUncheckedFailed' }];
    if (rules.strip_location) lines.push({ key: 'evidenceUncheckedLocation' });
    return box({ 'data-dg-ui': 'evidence-alert', role: 'alert', 'data-dg-evidence-notice': 'unchecked' }, 'warn', lines).host;
  }

  function tellPickAgain(spot) {
    const at = spot.ancestors.find(a => a.isConnected && a !== document.body && a !== document.documentElement);
    const { host } = box({ 'data-dg-ui': 'evidence-alert', role: 'alert', 'data-dg-evidence-notice': 'pick-again' }, 'danger', [{ key: 'evidencePickAgain' }]);
    if (at) at.append(host); else document.body.prepend(host);
    pickAgain.push(host);
  }

  // ---- drag and drop on the upload area ------------------------------------------------------

  let replayingDrop = null;

  function dropZone(ev) {
    for (const n of ev.composedPath()) {
      if (n === window || n === document) break;
      const r = ruleOf(n);
      if (r && r.drop_for && n.hasAttribute('data-dg-evidence-drop')) return { zone: n, input: r.drop_for };
    }
    return null;
  }

  function dispatchDrop(target, files, init) {
    const dt = newDataTransfer();
    for (const f of files) dt.items.add(f);
    replayingDrop = target;
    try {
      target.dispatchEvent(newDragEvent('drop', { ...init, bubbles: true, cancelable: true, composed: true, dataTransfer: dt }));
    } finally { replayingDrop = null; }
  }

  function onDrop(ev) {
    if (replayingDrop && ev.composedPath().includes(replayingDrop)) return;
    const z = dropZone(ev);
    const dt = ev.dataTransfer;
    if (!z || !dt || !dt.files || dt.files.length === 0) return;
    const rules = watched(z.input);
    if (!rules) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const init = { clientX: ev.clientX, clientY: ev.clientY, screenX: ev.screenX, screenY: ev.screenY,
      ctrlKey: ev.ctrlKey, shiftKey: ev.shiftKey, altKey: ev.altKey, metaKey: ev.metaKey };
    track(checkDrop(z, rules, [...dt.files], ev.target, init, spotOf(z.input)));
  }

  // The element now where `el` was: itself, or one of the same tag and class at the same
  // position in the same parent (a re-rendered drop zone).
  function twinOf(el, parent, index) {
    if (el.isConnected) return el;
    const now = parent && parent.isConnected ? parent.children[index] : null;
    return now && now.tagName === el.tagName && now.className === el.className ? now : null;
  }

  async function checkDrop(z, rules, files, target, init, spot) {
    const parent = target.parentElement;
    const index = parent ? [...parent.children].indexOf(target) : -1;
    // Where the drop goes on: the element dropped on (or the one the site re-rendered in its
    // place); else the input now in the input's place, inside the site's new zone, so the drop
    // bubbles through it; else the upload area.
    const at = () => {
      const twin = twinOf(target, parent, index);
      if (twin) return twin;
      const input = replacement(z.input, rules, spot);
      if (input && input !== z.input) return input;
      return z.zone.isConnected ? z.zone : input || z.zone;
    };
    // The input the messages go next to; none: the shopper is asked to pick again.
    const ready = async () => {
      const input = await inputNow(z.input, rules, spot);
      if (!input) tellPickAgain(spot);
      return input;
    };
    let verdicts;
    try {
      verdicts = await withTimeout(checkFiles(rules, files, true), ANSWER_MS);
    } catch (e) {
      report(e);
      const input = await ready();
      if (!input) return;
      for (const f of files) cleared.add(f);
      place(input, [unchecked(rules, e)]);
      dispatchDrop(at(), files, init);
      return;
    }
    let going;
    try { going = await goingOn(files, verdicts); } catch (e) {
      report(e);
      going = { slots: files.map((f, i) => (verdicts[i].pass ? f : null)), notes: [] };
    }
    const input = await ready();
    if (!input) return;
    const ctx = { input, rules, dropped: true, slots: going.slots, left: going.slots.filter(Boolean), at, init };
    showReport(input, files, verdicts, going.notes, ctx);
    if (ctx.left.length) dispatchDrop(at(), ctx.left, init);
  }

  // ---- what the shopper is told ------------------------------------------------------------

  // Next to the input: after its upload area when it has one (the input itself is often hidden).
  function anchorOf(input) {
    for (const z of document.querySelectorAll('[data-dg-evidence-drop]')) {
      const r = ruleOf(z);
      if (r && r.drop_for === input) return z;
    }
    return input;
  }

  const EXTRA_STYLE = `
.dg button { font: inherit; margin-top: 4px; padding: 3px 10px; border-radius: 4px; border: 1px solid #0b57d0;
  background: #0b57d0; color: #fff; cursor: pointer; }
.dg button[disabled] { opacity: .6; cursor: default; }
.dg .actions { display: flex; flex-wrap: wrap; gap: 8px; }
.dg button[data-dg-action="upload-anyway"] { background: transparent; color: #0b57d0; }
@media (prefers-color-scheme: dark) { .dg button[data-dg-action="upload-anyway"] { color: #8ab4f8; border-color: #8ab4f8; } }`;

  function box(hostAttrs, tone, lines) {
    const ui = DG.ui;
    const host = ui.el('div', hostAttrs);
    const root = host.attachShadow({ mode: 'open' });
    const b = ui.el('div', { class: `dg ${tone}`, 'data-dg-widget': hostAttrs['data-dg-ui'] });
    lines.forEach((m, i) => b.append(ui.el('p', i === 0 ? { class: 'first' } : {}, DG.i18n.t(m.key, m.args))));
    const style = ui.style();
    style.textContent += EXTRA_STYLE;
    root.append(style, b);
    return { host, box: b };
  }

  function clearReport(input) {
    for (const h of shown.get(input) || []) h.remove();
    shown.delete(input);
    for (const h of pickAgain) h.remove();
    pickAgain = [];
  }

  function place(input, hosts) {
    clearReport(input);
    let last = anchorOf(input);
    for (const h of hosts) { last.after(h); last = h; }
    shown.set(input, hosts);
  }

  // A note (role status, or alert for what the shopper must know): its lines, tone, what it
  // is about (data-dg-evidence-notice) and any further attributes.
  function noteHost(n) {
    const role = n.role || 'status';
    return box({ 'data-dg-ui': role === 'alert' ? 'evidence-alert' : 'evidence-note', role,
      'data-dg-evidence-notice': n.notice, ...(n.attrs || {}) }, n.tone || 'good', n.lines).host;
  }

  function showReport(input, files, verdicts, notes, ctx) {
    const hosts = [];
    for (const v of verdicts) {
      if (v.pass) continue;
      // A file that breaks only a default: held back, a warning, and the shopper's choice.
      const attrs = { 'data-dg-ui': 'evidence-alert', role: 'alert', 'data-dg-evidence-error': v.code, 'data-dg-file': v.name };
      if (v.warning) attrs['data-dg-evidence-warning'] = 'default';
      const { host, box: b } = box(attrs, v.warning ? 'warn' : 'danger', v.lines || []);
      const row = DG.ui.el('p', { class: 'actions' });
      if (v.fix && v.fix.fix === 'shrink') row.append(shrinkButton(files[v.index], v, ctx, host));
      if (v.warning) row.append(anywayButton(files[v.index], v, ctx, host));
      if (row.childNodes.length) b.append(row);
      hosts.push(host);
    }
    for (const n of notes) hosts.push(noteHost(n));
    place(input, hosts);
  }

  // The alert gives way to what was done.
  function replaceHost(ctx, host, next) {
    host.replaceWith(...next);
    const input = ctx.dropped ? ctx.input : currentInput(ctx);
    const list = shown.get(input) || shown.get(ctx.input) || [];
    shown.set(input, list.flatMap(h => (h === host ? next : [h])));
  }

  // ---- "Upload anyway": the shopper's choice where only our defaults spoke ------------------

  function anywayButton(file, verdict, ctx, host) {
    const ui = DG.ui;
    const button = ui.el('button', { type: 'button', 'data-dg-action': 'upload-anyway',
      'aria-label': DG.i18n.t('evidenceUploadAnywayLabel', [verdict.name]) }, DG.i18n.t('evidenceUploadAnyway'));
    button.addEventListener('click', async () => {
      for (const b of host.shadowRoot.querySelectorAll('button')) b.disabled = true;
      // Like any file that goes on: without its location.
      const r = verdict.strip_location ? await located(file, Date.now() + LOCATION_MS) : { file };
      cleared.add(r.file);
      putInPlace(ctx, verdict.index, r.file);
      count(verdict.kind, 1);
      const notes = [{ notice: 'sent-anyway', attrs: { 'data-dg-evidence-fixed': 'sent-anyway', 'data-dg-file': verdict.name },
        lines: [{ key: 'evidenceSentAnyway', args: [verdict.name] }] }];
      const loc = r.removed !== undefined && locationNote(r);
      if (loc) notes.push(loc);
      replaceHost(ctx, host, notes.map(noteHost));
    });
    return button;
  }

  // ---- one click: a smaller JPEG that fits --------------------------------------------------

  function shrinkButton(original, verdict, ctx, host) {
    const ui = DG.ui;
    const button = ui.el('button', { type: 'button', 'data-dg-action': 'shrink' }, DG.i18n.t('evidenceShrinkButton'));
    button.addEventListener('click', async () => {
      for (const b of host.shadowRoot.querySelectorAll('button')) b.disabled = true;
      button.textContent = DG.i18n.t('evidenceShrinking');
      try {
        const blob = await smallerJpeg(original, verdict.fix.max_bytes);
        const copy = newFile([blob], verdict.fix.name, { type: 'image/jpeg', lastModified: Date.now() });
        // The copy goes through the same checks as any file.
        const [v] = await checkFiles(ctx.rules, [copy], ctx.dropped);
        if (!v || !v.pass) throw new Error(`smaller copy refused: ${v && v.code}`);
        cleared.add(copy);
        putInPlace(ctx, verdict.index, copy);
        count(v.kind, 1);
        const note = box({ 'data-dg-ui': 'evidence-note', role: 'status', 'data-dg-evidence-fixed': 'shrunk' }, 'good',
          [{ key: 'evidenceShrunk', args: [original.name, { bytes: original.size }, { bytes: copy.size }] }]).host;
        replaceHost(ctx, host, [note]);
      } catch (e) {
        report(e);
        button.remove();
        for (const b of host.shadowRoot.querySelectorAll('button')) b.disabled = false;
        host.shadowRoot.querySelector('.dg').append(ui.el('p', {}, DG.i18n.t('evidenceShrinkFailed', [original.name])));
      }
    });
    return button;
  }

  // The pick's input, or the one the site has put in its place since.
  function currentInput(ctx) {
    const now = replacement(ctx.input, ctx.rules, ctx.spot);
    if (now && now !== ctx.input) {
      shown.set(now, shown.get(ctx.input) || []);
      shown.delete(ctx.input);
      ctx.input = now;
      ctx.left = null;   // the site took the files the old input held
    }
    return ctx.input;
  }

  // In place of the original: with the files of the same pick the input still holds, in their
  // order; alone when the site already took those and emptied (or replaced) the input.
  function putInPlace(ctx, index, copy) {
    if (ctx.dropped) {
      dispatchDrop(ctx.at(), [copy], ctx.init);
      return;
    }
    const input = currentInput(ctx);
    const stillThere = !!ctx.left && sameFiles([...input.files], ctx.left);
    ctx.slots[index] = copy;
    const next = stillThere ? ctx.slots.filter(Boolean) : [copy];
    setFiles(input, next);
    ctx.left = next;
    redispatch(input, ctx.types.size ? ctx.types : new Set(['input', 'change']));
  }

  async function encode(bitmap, w, h, quality) {
    const draw = g => { g.fillStyle = '#fff'; g.fillRect(0, 0, w, h); g.drawImage(bitmap, 0, 0, w, h); };
    if (typeof OffscreenCanvas === 'function') {
      const c = new OffscreenCanvas(w, h);
      draw(c.getContext('2d'));
      return c.convertToBlob({ type: 'image/jpeg', quality });
    }
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    draw(c.getContext('2d'));
    return new Promise((resolve, reject) => c.toBlob(b => (b ? resolve(b) : reject(new Error('encoding failed'))), 'image/jpeg', quality));
  }

  // Re-encodes in the page (never sent anywhere), lowering quality a little, then the size,
  // until it fits under the limit with a margin.
  async function smallerJpeg(file, maxBytes) {
    const bitmap = await createImageBitmap(file);
    try {
      const target = maxBytes * 0.95;
      let scale = Math.min(1, 4096 / Math.max(bitmap.width, bitmap.height));
      let quality = 0.85;
      for (let attempt = 0; attempt < 8; attempt++) {
        const w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
        const blob = await encode(bitmap, w, h, quality);
        if (blob.size <= target) return blob;
        if (quality > 0.7) quality -= 0.1;
        else scale *= Math.max(0.3, Math.min(0.9, Math.sqrt(target / blob.size) * 0.95));
      }
      throw new Error('no small enough copy');
    } finally { bitmap.close(); }
  }

  function track(check) {
    const done = check.catch(report);
    checking.add(done);
    done.then(() => checking.delete(done));
  }

  window.addEventListener('input', onPick, true);
  window.addEventListener('change', onPick, true);
  window.addEventListener('drop', onDrop, true);

  DG.evidence = {
    ask,
    attached: () => ({ ...attached }),
    onAttached: fn => listeners.add(fn),
    // Resolves once every pick and drop so far is checked and handed on (or refused, or failed
    // open): the tests wait on it before saying what the site did not see.
    idle: async () => { while (checking.size) await Promise.all([...checking]); return true; },
  };
})();
