// The hands: applies a plan from the core to the live page. Idempotent: for every element a
// plan touches, the data-dg-* attributes it lists become the element's complete set, and
// widgets are only rebuilt when what they show changed.
// @uses DG.ui
// @provides DG.state, DG.apply
'use strict';
(() => {
  const DG = (globalThis.DG ||= {});

  const state = DG.state ||= {
    marked: new Map(),      // element -> Set of data-dg-* names we set
    units: new WeakSet(),   // order roots: re-read whole when anything inside changes
    guards: new WeakMap(),  // element -> guard spec (see wire/page_plan.rs Guard)
    evidence: new WeakMap(),// file input -> upload rules; upload area -> { drop_for: its input }
    mounts: new Map(),      // target element -> Map(component -> { host, json })
  };

  // Ops that scripts loaded after this one act on (main.js: 'reread'; dispute_form.js: its
  // form's ops), through what they register here: this script names none of them.
  const handlers = new Map();   // op name -> fn(element, op, live)
  const afterEach = [];         // fn(whole, handled): after each plan is applied (whole: the page was read
                                // whole; handled: op name -> the elements its ops were on)

  const PLACE = {
    before: (t, h) => t.before(h),
    after: (t, h) => t.after(h),
    prepend: (t, h) => t.prepend(h),
    append: (t, h) => t.append(h),
  };

  function mount(target, place, ui) {
    const host = document.createElement('div');
    host.setAttribute('data-dg-ui', ui.component);
    const root = host.attachShadow({ mode: 'open' });
    DG.ui.render(root, ui);
    (PLACE[place] || PLACE.after)(target, host);
    return host;
  }

  // live: the snapshot's nodes; scope: the elements re-read (null = the whole page). Only marks
  // and widgets inside the scope can be stale, so only those are looked at: reading a big page
  // in pieces stays linear.
  function apply(plan, live, scope) {
    const want = new Map();   // element -> Map(name -> value)
    const widgets = new Map();// target element -> Map(component -> { place, ui, json })
    const handled = new Map();// op name -> elements handed to its handler
    const set = (el, name, value) => {
      if (!el || el.nodeType !== 1 || !name.startsWith('data-dg-')) return;
      if (!want.has(el)) want.set(el, new Map());
      want.get(el).set(name, String(value));
    };
    for (const op of plan.ops) {
      const el = live[op.node];
      if (!el) continue;
      switch (op.op) {
        case 'mark': for (const [k, v] of Object.entries(op.attrs)) set(el, k, v); break;
        case 'unit': state.units.add(el); break;
        case 'guard': set(el, 'data-dg-guard', op.guard.kind); state.guards.set(el, op.guard); break;
        case 'evidence': set(el, 'data-dg-evidence', 'watched'); state.evidence.set(el, op.rules); break;
        case 'evidence-drop': if (live[op.input]) { set(el, 'data-dg-evidence-drop', 'watched'); state.evidence.set(el, { drop_for: live[op.input] }); } break;
        case 'mount': {
          if (!widgets.has(el)) widgets.set(el, new Map());
          widgets.get(el).set(op.ui.component, { place: op.place, ui: op.ui, json: JSON.stringify(op.ui) });
          break;
        }
        default: {
          const handler = handlers.get(op.op);
          if (!handler) break;
          if (!handled.has(op.op)) handled.set(op.op, new Set());
          handled.get(op.op).add(el);
          handler(el, op, live);
        }
      }
    }
    // Attributes and widgets from an earlier read of the same part of the page that no longer hold.
    const candidates = scope || [...state.marked.keys(), ...state.mounts.keys()];
    for (const el of candidates) {
      const names = state.marked.get(el);
      if (names) {
        const keep = want.get(el);
        for (const n of names) if (!keep || !keep.has(n)) el.removeAttribute(n);
        if (!keep) { state.marked.delete(el); state.guards.delete(el); state.evidence.delete(el); }
        else if (!keep.has('data-dg-guard')) state.guards.delete(el);   // no longer a guarded control
      }
      const mounted = state.mounts.get(el);
      if (mounted) {
        for (const [component, m] of mounted) {
          const w = widgets.get(el)?.get(component);
          if (w && w.json === m.json && m.host.isConnected) { w.done = true; continue; }
          m.host.remove();
          mounted.delete(component);
        }
        if (mounted.size === 0) state.mounts.delete(el);
      }
    }
    for (const [el, attrs] of want) {
      for (const [k, v] of attrs) if (el.getAttribute(k) !== v) el.setAttribute(k, v);
      state.marked.set(el, new Set(attrs.keys()));
    }
    for (const [target, byComponent] of widgets) {
      for (const [component, w] of byComponent) {
        if (w.done) continue;
        // Planned again on an element outside the part re-read (the list bar sits above the
        // cards): the same widget is already there.
        const had = state.mounts.get(target)?.get(component);
        if (had && had.host.isConnected && had.json === w.json) continue;
        if (had) had.host.remove();
        if (!state.mounts.has(target)) state.mounts.set(target, new Map());
        state.mounts.get(target).set(component, { host: mount(target, w.place, w.ui), json: w.json });
      }
    }
    if (!scope) forgetDetached();
    for (const fn of afterEach) fn(!scope, handled);
  }

  // Elements the page removed: forget them (on whole-page reads, so the maps stay small).
  function forgetDetached() {
    for (const el of state.marked.keys()) if (!el.isConnected) state.marked.delete(el);
    for (const [el, mounted] of state.mounts) {
      if (el.isConnected) continue;
      for (const m of mounted.values()) m.host.remove();
      state.mounts.delete(el);
    }
  }

  DG.apply = {
    plan: apply,
    handle: (op, fn) => { handlers.set(op, fn); },
    afterEach: fn => { afterEach.push(fn); },
  };
})();
