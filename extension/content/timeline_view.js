// The order's timeline as the notice on its page and the popup draw it, from the core's
// `Timeline` (crates/guard-core/src/rules/order_timeline.rs): every date, where it sits on the row, the
// dispute window's band, the next date and the sentence all come from there; this only draws.
// A row of CSS boxes placed with logical properties (right to left on a right-to-left page),
// with the dates and the sentence as text for screen readers. Built with textContent only.
// A classic script for the content scripts; the popup imports it too.
// @uses (none)
// @provides DG.timelineView
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  // Filled dots: dates the page states; hollow dashed ones: estimated by the usual rules. The
  // band is the dispute window (dashed at its end when that end is estimated); today is a bar.
  const STYLE = `
.dg-tl { margin: 6px 0 2px; --tl-line: #9aa6bf; --tl-dot: #46506a; --tl-band: rgba(30, 142, 62, .28); --tl-band-edge: #1e8e3e;
  --tl-today: #0b57d0; --tl-next: #e37400; --tl-bg: #fff; }
.dg-tl-row { position: relative; height: 18px; margin: 6px 8px; }
.dg-tl-axis { position: absolute; inset-inline: 0; top: 8px; height: 2px; background: var(--tl-line); border-radius: 1px; }
.dg-tl-band { position: absolute; top: 4px; height: 10px; min-inline-size: 3px; background: var(--tl-band);
  border: 1px solid var(--tl-band-edge); border-radius: 5px; box-sizing: border-box; }
.dg-tl-band.estimated { border-inline-end-style: dashed; border-inline-end-width: 2px; }
.dg-tl-dot { position: absolute; top: 4px; width: 10px; height: 10px; margin-inline-start: -5px; border-radius: 50%;
  box-sizing: border-box; background: var(--tl-dot); border: 2px solid var(--tl-dot); }
.dg-tl-dot.estimated { background: var(--tl-bg); border-style: dashed; }
.dg-tl-dot.next { box-shadow: 0 0 0 2px var(--tl-bg), 0 0 0 4px var(--tl-next); z-index: 2; }
.dg-tl-today { position: absolute; top: -2px; width: 3px; height: 22px; margin-inline-start: -1.5px; background: var(--tl-today);
  border-radius: 2px; box-shadow: 0 0 0 1px var(--tl-bg); z-index: 1; }
.dg-tl-next { margin: 0; font-weight: 600; }
.dg-tl-legend { margin: 0; font-size: 11px; opacity: .85; }
.dg-tl-legend .dg-tl-key { position: relative; display: inline-block; width: 10px; height: 10px; vertical-align: -1px;
  margin-inline: 0 4px; border-radius: 50%; box-sizing: border-box; background: var(--tl-dot); border: 2px solid var(--tl-dot); }
.dg-tl-legend .dg-tl-key.estimated { background: var(--tl-bg); border-style: dashed; margin-inline-start: 10px; }
.dg-tl-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  .dg-tl { --tl-line: #56607a; --tl-dot: #c3c9d6; --tl-band: rgba(129, 201, 149, .3); --tl-band-edge: #81c995;
    --tl-today: #8ab4f8; --tl-next: #ffb74d; --tl-bg: #1f2430; }
}`;

  // A place on the row: thousandths of its length from its start, as the core gives them.
  const at = (e, v) => e.style.setProperty('inset-inline-start', `${Math.min(1000, Math.max(0, Number(v) || 0)) / 10}%`);

  // timeline: the core's Timeline; ui: { t, message, el, legend }.
  function build(timeline, ui) {
    const { t, message } = ui;
    // Attributes without a value are left out (the content script's el() would write "null").
    const el = (tag, attrs, text) => ui.el(tag, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v != null)), text);
    const box = el('div', { class: 'dg-tl', 'data-dg-timeline': timeline.order });
    const dated = p => message(p.label) + (p.source === 'estimated' ? ` ${t('timelineEstimated')}` : '');
    // The picture itself: seen, not read (the text below says it all).
    const row = el('div', { class: 'dg-tl-row', 'aria-hidden': 'true', title: message(timeline.says) });
    row.append(el('div', { class: 'dg-tl-axis' }));
    const b = timeline.band;
    if (b) {
      const band = el('div', { class: `dg-tl-band${b.estimated ? ' estimated' : ''}`, 'data-dg-band': 'dispute',
        'data-dg-from': b.from, 'data-dg-to': b.to, 'data-dg-source': b.estimated ? 'estimated' : 'stated' });
      at(band, b.start);
      band.style.setProperty('inline-size', `${Math.max(0, b.end - b.start) / 10}%`);
      row.append(band);
    }
    for (const p of timeline.points) {
      const today = p.kind === 'today';
      const dot = el('span', {
        class: today ? 'dg-tl-today' : `dg-tl-dot ${p.source}${p.next ? ' next' : ''}`,
        'data-dg-point': p.kind, 'data-dg-date': p.date, 'data-dg-source': p.source,
        'data-dg-next': p.next ? 'true' : null, title: dated(p),
      });
      at(dot, p.at);
      row.append(dot);
    }
    box.append(row);
    if (timeline.next) box.append(el('p', { class: 'dg-tl-next', 'data-dg-part': 'timeline-next' }, message(timeline.next)));
    if (ui.legend && timeline.points.some(p => p.source === 'estimated')) {
      const legend = el('p', { class: 'dg-tl-legend', 'aria-hidden': 'true' });
      legend.append(el('span', { class: 'dg-tl-key' }), t('timelineLegendStated'), el('span', { class: 'dg-tl-key estimated' }), t('timelineLegendEstimated'));
      box.append(legend);
    }
    // For screen readers: the whole in one sentence, then every date with where it comes from.
    const text = el('div', { class: 'dg-tl-sr', 'data-dg-part': 'timeline-text' });
    text.append(el('p', { 'data-dg-part': 'timeline-says' }, message(timeline.says)));
    const list = el('ul', { 'data-dg-part': 'timeline-dates', 'aria-label': t('timelineTitle') });
    for (const p of timeline.points) list.append(el('li', { 'data-dg-date': p.date }, dated(p)));
    text.append(list);
    box.append(text);
    return box;
  }

  DG.timelineView = { build, STYLE };
})();
