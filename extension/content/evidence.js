// Evidence uploads (CONTRACT.md section 4). Files picked into an input the core marked
// (data-dg-evidence="watched"), or dropped on its upload area (data-dg-evidence-drop), are
// checked by the core before the site sees them:
// - window capture-phase listeners, installed at document_start, run before any of the site's;
//   they stop the event, read only each file's first bytes, size, name and type, and ask the
//   core (in the service worker);
// - the input is left holding only the files that passed, and input/change (or the drop) are
//   dispatched again so the site's own handlers see exactly those files, each File untouched;
// - each failure gets an alert next to the input (role="alert", data-dg-evidence-error);
// - JPEG photos that carry location data go on as a clean copy (same name and type);
// - an oversized photo can be made smaller here, on a click, and put in place of the original.
// If the core does not answer in a few seconds, or fails, the original pick goes through as it
// was: the page behaves as without the extension.
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const ANSWER_MS = 4000;            // then fail open
  const HEAD_BYTES = 64;             // what the core needs to tell a format (evidence/format.rs)
  const JPEG_HEADERS = 256 * 1024;   // read to remove location data; the core asks for more if needed
  const MAX_WHOLE = 64 * 1024 * 1024;// never read more than this of one photo

  let replaying = null;              // the element whose re-dispatched events must pass
  const picks = new WeakMap();       // input -> the pick being checked
  const shown = new WeakMap();       // input -> hosts of the messages about its last pick
  const cleared = new WeakSet();     // Files that passed: a site moving them into its input is no new pick
  const attached = { photos: 0, videos: 0, other: 0 };
  const listeners = new Set();       // told when files went on (the dispute assistant)

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

  // A copy of a JPEG without its location data, or the same File when it has none.
  async function withoutLocation(file) {
    let n = Math.min(file.size, JPEG_HEADERS);
    for (let attempt = 0; attempt < 3; attempt++) {
      // Copied into our own buffer: Firefox denies typed-array methods on the page's.
      const head = Uint8Array.from(new Uint8Array(await file.slice(0, n).arrayBuffer()));
      const reply = await ask({ type: 'evidence-location', head: toBase64(head), complete: n >= file.size });
      if (reply.needMore) {
        if (n >= file.size || reply.needMore > MAX_WHOLE) break;
        n = Math.min(file.size, Math.max(reply.needMore, n * 2));
        continue;
      }
      if (!reply.bytes) return { file, removed: false };
      const clean = newFile([fromBase64(reply.bytes), file.slice(n)], file.name, { type: file.type, lastModified: file.lastModified });
      return { file: clean, removed: true };
    }
    throw new Error('location data not found within the photo headers');
  }

  // The files that go on, in pick order (clean copies where location was removed), and notes.
  async function goingOn(files, verdicts) {
    const slots = files.map(() => null);
    const notes = [];
    for (const v of verdicts) {
      if (!v.pass) continue;
      let f = files[v.index];
      if (v.strip_location) {
        try {
          const r = await withoutLocation(f);
          f = r.file;
          if (r.removed) notes.push({ key: 'evidenceLocationRemoved', args: [f.name] });
        } catch (e) {
          report(e);
          notes.push({ key: 'evidenceLocationKept', args: [f.name] });
        }
      }
      slots[v.index] = f;
      cleared.add(f);
      count(v.kind, 1);
    }
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
    const pick = { files, types: new Set([ev.type]) };
    picks.set(input, pick);
    checkPick(input, rules, pick);
  }

  async function checkPick(input, rules, pick) {
    let verdicts;
    try {
      verdicts = await withTimeout(checkFiles(rules, pick.files, false), ANSWER_MS);
    } catch (e) {
      // Fail open: the site gets the pick exactly as it was.
      report(e);
      if (picks.get(input) === pick) { picks.delete(input); redispatch(input, pick.types); }
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
    const ctx = { input, rules, dropped: false, slots: going.slots, left: going.slots.filter(Boolean), types: pick.types };
    setFiles(input, ctx.left);
    showReport(input, pick.files, verdicts, going.notes, ctx);
    if (ctx.left.length) redispatch(input, pick.types);
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
    checkDrop(z, rules, [...dt.files], ev.target, init);
  }

  async function checkDrop(z, rules, files, target, init) {
    const at = () => (target.isConnected ? target : z.zone);
    let verdicts;
    try {
      verdicts = await withTimeout(checkFiles(rules, files, true), ANSWER_MS);
    } catch (e) {
      report(e);
      dispatchDrop(at(), files, init);
      return;
    }
    let going;
    try { going = await goingOn(files, verdicts); } catch (e) {
      report(e);
      going = { slots: files.map((f, i) => (verdicts[i].pass ? f : null)), notes: [] };
    }
    const ctx = { input: z.input, rules, dropped: true, slots: going.slots, left: going.slots.filter(Boolean), at, init };
    showReport(z.input, files, verdicts, going.notes, ctx);
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
.dg button[disabled] { opacity: .6; cursor: default; }`;

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
  }

  function place(input, hosts) {
    clearReport(input);
    let last = anchorOf(input);
    for (const h of hosts) { last.after(h); last = h; }
    shown.set(input, hosts);
  }

  function showReport(input, files, verdicts, notes, ctx) {
    const hosts = [];
    for (const v of verdicts) {
      if (v.pass) continue;
      const { host, box: b } = box({ 'data-dg-ui': 'evidence-alert', role: 'alert', 'data-dg-evidence-error': v.code,
        'data-dg-file': v.name }, 'danger', v.lines || []);
      if (v.fix && v.fix.fix === 'shrink') b.append(shrinkButton(files[v.index], v, ctx, host));
      hosts.push(host);
    }
    for (const n of notes) hosts.push(box({ 'data-dg-ui': 'evidence-note', role: 'status' }, 'good', [n]).host);
    place(input, hosts);
  }

  // ---- one click: a smaller JPEG that fits --------------------------------------------------

  function shrinkButton(original, verdict, ctx, host) {
    const ui = DG.ui;
    const button = ui.el('button', { type: 'button', 'data-dg-action': 'shrink' }, DG.i18n.t('evidenceShrinkButton'));
    button.addEventListener('click', async () => {
      button.disabled = true;
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
        host.replaceWith(note);
        const list = shown.get(ctx.input) || [];
        shown.set(ctx.input, list.map(h => (h === host ? note : h)));
      } catch (e) {
        report(e);
        button.remove();
        host.shadowRoot.querySelector('.dg').append(ui.el('p', {}, DG.i18n.t('evidenceShrinkFailed', [original.name])));
      }
    });
    return button;
  }

  // In place of the original: with the files of the same pick the input still holds, in their
  // order; alone when the site already took those and emptied the input.
  function putInPlace(ctx, index, copy) {
    if (ctx.dropped) {
      dispatchDrop(ctx.at(), [copy], ctx.init);
      return;
    }
    const input = ctx.input;
    const stillThere = sameFiles([...input.files], ctx.left);
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

  window.addEventListener('input', onPick, true);
  window.addEventListener('change', onPick, true);
  window.addEventListener('drop', onDrop, true);

  DG.evidence = {
    ask,
    attached: () => ({ ...attached }),
    onAttached: fn => listeners.add(fn),
  };
})();
