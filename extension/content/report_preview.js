// "What this file contains": the misread-page report shown in plain words before it is saved,
// in the page (content/report.js) and in the popup. The core made the file and counted what it
// replaced; this draws that with textContent only (kept texts are the page's own words).
// A classic script for the content scripts; the popup imports the same file (it only sets
// globalThis.DG.reportPreview).
// @uses (none)
// @provides DG.reportPreview
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  const COUNTS = [
    ['contact', 'reportCountContact'], ['numbers', 'reportCountNumbers'], ['prices', 'reportCountPrices'],
    ['titles', 'reportCountTitles'], ['texts', 'reportCountTexts'], ['links', 'reportCountLinks'], ['images', 'reportCountImages'],
  ];

  // The name the file is saved under: the day the core made it.
  const fileName = report => `dispute-guard-page-${report.made}.json`;

  // Builds the preview into `box` (an element of `doc`): what is kept, what was replaced and
  // how many of each, the kept words in a scrolling list, and the save and close controls.
  function render(box, report, { t, onSave, onClose, doc = document }) {
    const el = (tag, attrs = {}, text) => {
      const e = doc.createElement(tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text != null) e.textContent = text;
      return e;
    };
    const id = `dg-report-${Math.random().toString(36).slice(2)}`;
    const section = el('section', { class: 'dg-report', 'data-dg-report': 'preview', 'aria-labelledby': `${id}-title` });
    section.append(el('h2', { id: `${id}-title` }, t('reportTitle')));
    section.append(el('p', {}, t('reportKeeps')));
    const counts = COUNTS.filter(([k]) => Number(report.replaced?.[k]) > 0);
    if (counts.length) {
      section.append(el('p', {}, t('reportReplaced')));
      const ul = el('ul', { class: 'counts' });
      for (const [k, key] of counts) ul.append(el('li', { 'data-dg-replaced': k }, t(key, [String(report.replaced[k])])));
      section.append(ul);
    }
    if (Array.isArray(report.reading_changed) && report.reading_changed.length) section.append(el('p', { class: 'note' }, t('reportReadingChanged')));
    const kept = Array.isArray(report.kept) ? report.kept : [];
    section.append(el('p', { id: `${id}-kept` }, t('reportKeptTitle', [String(kept.length)])));
    // Focusable, so that the keyboard can scroll it.
    const list = el('ul', { class: 'kept', tabindex: '0', 'aria-labelledby': `${id}-kept`, 'data-dg-report': 'kept' });
    for (const k of kept) list.append(el('li', {}, k));
    section.append(list);
    section.append(el('p', { class: 'note' }, t('reportLocal')));
    const actions = el('p', { class: 'actions' });
    const save = el('button', { type: 'button', 'data-dg-action': 'report-save' }, t('reportSave'));
    const close = el('button', { type: 'button', 'data-dg-action': 'report-close' }, t('reportClose'));
    save.addEventListener('click', () => onSave(fileName(report)));
    close.addEventListener('click', () => onClose());
    actions.append(save, close);
    section.append(actions);
    box.replaceChildren(section);
    return { section, save };
  }

  const STYLE = `
.dg-report h2 { font-size: 14px; margin: 2px 0 4px; }
.dg-report ul { margin: 2px 0 6px; padding-left: 1.4em; }
.dg-report ul.kept { max-height: 12em; overflow: auto; border: 1px solid #c9d2e3; border-radius: 4px; padding: 4px 8px 4px 1.6em;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.dg-report .note { font-size: 12px; opacity: .85; }
.dg-report .actions { display: flex; flex-wrap: wrap; gap: 6px; }`;

  DG.reportPreview = { render, fileName, STYLE };
})();
