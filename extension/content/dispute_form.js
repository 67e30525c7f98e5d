// The dispute form assistant (CONTRACT.md section 9), after the form's description field: the
// evidence checklist for the chosen problem, live checks of the description, a ready English text
// to copy, and the refund amount written the way the site wants it ("5,30" → "5.30"). The core
// decides every word (rules/dispute_form.rs, in the service worker); this file shows and listens.
// It only listens to the site's fields: it never stops their events. The one change it makes
// to the page is the refund amount, and only when the core can read it one way only.
// @uses DG.i18n, DG.ui, DG.evidence, DG.apply
// @provides (none)
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});
  const TYPING_MS = 300;

  const panels = new Map();   // anchor element -> panel state

  const STYLE = `
.dg label { display: block; margin: 4px 0; }
.dg select, .dg button, .dg textarea { font: inherit; }
.dg ul { margin: 2px 0 4px; padding-left: 20px; }
.dg .warn { color: #8a4b00; }
.dg .ok { color: #1e6e34; }
.dg textarea { width: 100%; box-sizing: border-box; min-height: 9em; margin-top: 4px; }
.dg button { margin-top: 4px; padding: 3px 10px; border-radius: 4px; border: 1px solid #0b57d0; background: #0b57d0;
  color: #fff; cursor: pointer; }
.dg h3 { font-size: 13px; margin: 8px 0 2px; }
@media (prefers-color-scheme: dark) { .dg .warn { color: #f6c26b; } .dg .ok { color: #81c995; } }`;

  const t = (key, args) => DG.i18n.t(key, args);

  function report(e) {
    try { chrome.runtime.sendMessage({ type: 'log', message: `dispute form: ${String(e && e.stack || e)}`.slice(0, 500) }); } catch { /* gone */ }
  }

  function build(st) {
    const ui = DG.ui;
    const host = ui.el('div', { 'data-dg-ui': 'dispute-assistant' });
    const root = host.attachShadow({ mode: 'open' });
    const box = ui.el('div', { class: 'dg info', 'data-dg-widget': 'dispute-assistant' });
    box.append(ui.el('p', { class: 'first' }, t('disputeAssistantTitle')));
    const label = ui.el('label', {}, t('disputeProblemLabel') + ' ');
    const select = ui.el('select', { 'data-dg-field': 'problem' });
    select.append(ui.el('option', { value: '' }, t('disputeProblemNone')));
    for (const [problem, key] of st.form.problems) select.append(ui.el('option', { value: problem }, t(key)));
    label.append(select);
    box.append(label);
    const checklist = ui.el('div', { 'data-dg-part': 'checklist' });
    const warnings = ui.el('div', { 'data-dg-part': 'description', role: 'status' });
    const amount = ui.el('div', { 'data-dg-part': 'amount', role: 'status' });
    const textPart = ui.el('div', { 'data-dg-part': 'text' });
    textPart.append(ui.el('h3', {}, t('disputeTextTitle')));
    const text = ui.el('textarea', { readonly: '', 'data-dg-dispute-text': '', rows: '9' });
    const hint = ui.el('p', { 'data-dg-part': 'text-hint' });
    const copy = ui.el('button', { type: 'button', 'data-dg-action': 'copy-text' }, t('disputeCopy'));
    const copied = ui.el('span', { role: 'status', 'data-dg-part': 'copied' });
    textPart.append(hint, text, copy, ui.el('span', {}, ' '), copied);
    box.append(checklist, warnings, amount, textPart);
    const style = ui.style();
    style.textContent += STYLE;
    root.append(style, box);
    select.addEventListener('change', () => { st.problem = select.value || null; refresh(st); });
    copy.addEventListener('click', () => copyText(st));
    Object.assign(st, { host, select, checklist, warnings, amount, text, hint, copy, copied });
    st.anchor.after(host);
  }

  async function copyText(st) {
    const value = st.text.value;
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(value); ok = true; }
    } catch { ok = false; }
    if (!ok) {
      // Pages on plain http have no clipboard API: the classic copy of a selection.
      st.text.focus();
      st.text.select();
      try { ok = document.execCommand('copy'); } catch { ok = false; }
    }
    st.copied.textContent = t(ok ? 'disputeCopied' : 'disputeCopyFailed');
  }

  function facts(st) {
    return {
      facts: st.form.facts,
      description: st.description ? String(st.description.value || '') : '',
      problem: st.problem || null,
      amount: st.amountField ? String(st.amountField.value || '') : null,
      attached: DG.evidence ? DG.evidence.attached() : {},
    };
  }

  async function ask(st) {
    const reply = await DG.evidence.ask({ type: 'dispute-assist', request: JSON.stringify(facts(st)) });
    return reply.answer;
  }

  function lines(container, messages, cls, attr) {
    container.replaceChildren(...messages.map(m => {
      const p = DG.ui.el('p', { class: cls }, t(m.line ? m.line.key : m.key, m.line ? m.line.args : m.args));
      if (attr && m.issue) p.setAttribute(attr, m.issue);
      return p;
    }));
  }

  async function refresh(st) {
    const seq = ++st.seq;
    let a;
    try { a = await ask(st); } catch (e) { report(e); return; }
    if (seq !== st.seq || !st.host.isConnected) return;
    st.select.value = a.problem || '';
    // The checklist.
    st.checklist.replaceChildren();
    if (a.checklist.length) {
      st.checklist.append(DG.ui.el('h3', {}, t('disputeChecklistTitle')));
      const ul = DG.ui.el('ul');
      for (const m of a.checklist) ul.append(DG.ui.el('li', { 'data-dg-evidence-item': m.key }, t(m.key, m.args)));
      st.checklist.append(ul);
    }
    // The description.
    if (a.warnings.length) lines(st.warnings, a.warnings, 'warn', 'data-dg-warning');
    else if (facts(st).description.trim()) st.warnings.replaceChildren(DG.ui.el('p', { class: 'ok' }, t('disputeDescriptionGood')));
    else st.warnings.replaceChildren();
    // The ready text.
    st.text.value = a.text;
    st.text.hidden = st.copy.hidden = !a.text;
    st.hint.textContent = a.text ? '' : t('disputeTextChooseProblem');
    // The amount; what was changed stays said while the field holds the changed value.
    const field = st.amountField ? st.amountField.value : '';
    const amountLines = a.amount && a.amount.changed ? a.amount.lines
      : st.changed && st.changed.value === field ? st.changed.lines : a.amount ? a.amount.lines : [];
    lines(st.amount, amountLines, 'warn');
    if (a.amount) st.amount.setAttribute('data-dg-amount', a.amount.above_paid ? 'above-paid' : a.amount.normalised ? 'ok' : 'unreadable');
    else st.amount.removeAttribute('data-dg-amount');
    return a;
  }

  // Puts the amount as the site wants it into the site's field, the way a shopper's typing
  // would reach the site's framework (the native value setter, then input and change).
  async function normaliseAmount(st) {
    if (st.settingAmount) return;
    const a = await refresh(st);
    if (!a || !a.amount || !a.amount.changed || !a.amount.normalised) return;
    st.changed = { value: a.amount.normalised, lines: a.amount.lines };
    const field = st.amountField;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    st.settingAmount = true;
    try {
      setter.call(field, a.amount.normalised);
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } finally { st.settingAmount = false; }
  }

  function listen(st) {
    const on = (el, type, fn) => {
      if (!el) return;
      let types = st.listening.get(el);
      if (!types) st.listening.set(el, types = new Set());
      if (types.has(type)) return;
      types.add(type);
      el.addEventListener(type, fn);
    };
    on(st.description, 'input', () => {
      clearTimeout(st.typing);
      st.typing = setTimeout(() => refresh(st), TYPING_MS);
    });
    on(st.amountField, 'change', () => normaliseAmount(st));
    const choose = problem => { if (problem && st.problem !== problem) { st.problem = problem; refresh(st); } };
    for (const [el, problem] of st.choices) {
      if (el.tagName === 'OPTION') {
        const select = el.closest('select');
        on(select, 'change', () => {
          const hit = st.choices.find(([o]) => o.tagName === 'OPTION' && o.selected && o.closest('select') === select);
          choose(hit && hit[1]);
        });
      } else if (el.tagName === 'INPUT') {
        on(el, 'change', () => el.checked && choose(problem));
      } else {
        on(el, 'click', () => choose(problem));
      }
    }
  }

  // From the plan: the panel after `anchor`, for the form the core described.
  function plan(anchor, form, live) {
    let st = panels.get(anchor);
    for (const [a, s] of panels) if (!a.isConnected) { s.host && s.host.remove(); panels.delete(a); }
    if (!st) {
      st = { anchor, form, problem: form.problem || null, seq: 0, listening: new WeakMap() };
      panels.set(anchor, st);
      build(st);
      DG.evidence && DG.evidence.onAttached(() => st.host.isConnected && refresh(st));
    }
    st.form = form;
    st.description = form.description != null ? live[form.description] : null;
    st.amountField = form.amount != null ? live[form.amount] : null;
    st.choices = (form.choices || []).map(c => [live[c.node], c.problem]).filter(([el]) => el);
    if (form.problem && !st.problem) st.problem = form.problem;
    listen(st);
    refresh(st);
  }

  // "System busy" from the site: the advice in the page's flow (never over the page), next to
  // what the shopper is looking at: the message itself when it sits in the page, else (a toast
  // that floats and will vanish) the control they just activated, else the assistant.
  let lastActivated = null, lastAt = 0;
  window.addEventListener('click', ev => {
    const target = ev.composedPath()[0];
    if (target && target.nodeType === 1 && !target.closest('[data-dg-ui]')) { lastActivated = target; lastAt = Date.now(); }
  }, true);

  const busyShown = new WeakSet();
  function busy(el, ui) {
    if (busyShown.has(el)) return;
    busyShown.add(el);
    const host = DG.ui.el('div', { 'data-dg-ui': 'dispute-busy', role: 'alert' });
    const root = host.attachShadow({ mode: 'open' });
    DG.ui.render(root, ui);
    const box = root.querySelector('.dg');
    box.removeAttribute('role');
    const close = DG.ui.el('button', { type: 'button', 'data-dg-action': 'close', 'aria-label': t('disputeClose') }, '×');
    close.addEventListener('click', () => host.remove());
    box.prepend(close);
    root.querySelector('style').textContent +=
      '.dg button[data-dg-action=close] { float: right; border: 0; background: none; font: inherit; font-size: 16px; cursor: pointer; color: inherit; }';
    let anchor = el;
    if (['fixed', 'absolute', 'sticky'].includes(getComputedStyle(el).position)) {
      const recent = lastActivated && lastActivated.isConnected && Date.now() - lastAt < 15000
        ? lastActivated.closest('button, a, input, select, textarea, [role=button]') || lastActivated : null;
      const panel = [...panels.values()].map(st => st.host).find(h => h && h.isConnected);
      anchor = recent || panel || el;
    }
    anchor.after(host);
  }

  // After a read of the whole page: the panels its plan no longer asks for go (the assistant
  // switched off in the options, on a page already open). "Busy" advice stays until closed.
  function keepOnly(planned) {
    for (const [anchor, st] of panels) if (!planned.has(anchor)) { st.host && st.host.remove(); panels.delete(anchor); }
  }

  // The plan's ops for the form, handed over by apply.js; after a whole-page read, the panels
  // it did not plan go.
  DG.apply.handle('dispute-form', (el, op, live) => plan(el, op.form, live));
  DG.apply.handle('dispute-busy', (el, op) => busy(el, op.ui));
  DG.apply.afterEach((whole, handled) => { if (whole) keepOnly(handled.get('dispute-form') || new Set()); });

})();
