// A memory of tracked orders (core order_memory::Memory) with dates relative to today, for the
// toolbar's tests and screenshots: one order in each situation the popup and the reminders
// distinguish, and one with hostile names. Items and stores are the team's inventions.
'use strict';

// Local date `n` days from today, YYYY-MM-DD.
function day(n, today = new Date()) {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + n);
  const p = x => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const ID = n => `81000000000000${String(n).padStart(2, '0')}`;

function tracked(n, order, extra = {}) {
  return { order: { id: ID(n), ...order }, first_seen: day(-60), last_seen: day(0), ...extra };
}

// The popup's expected order (deadline first), with each order's next deadline.
function sampleMemory() {
  const orders = [
    // Received 13 days ago: 2 days left of 15 → closing soon (badge).
    tracked(1, { status: 'completed', placed: day(-40), shipped: day(-30), completed: day(-13), store: 'SoundWave Official Store', items: [{ title: 'Wireless earbuds with charging case' }] }),
    // Shipped 57 days ago, not received: protection (60 days) ends in 3 → ask for an extension (badge).
    tracked(2, { status: 'shipped', placed: day(-60), shipped: day(-57), store: 'Outdoor Pro Store', items: [{ title: 'Hiking backpack 40 L' }] }),
    // Hostile names, received 10 days ago: 5 days left.
    tracked(3, { status: 'completed', placed: day(-30), shipped: day(-25), completed: day(-10), store: '<img src=x onerror="document.title=\'pwned\'"> Outlet', items: [{ title: '<script>alert("item")</script> Phone case' }] }),
    // Received 2 days ago: 13 days left.
    tracked(4, { status: 'completed', placed: day(-25), shipped: day(-20), completed: day(-2), store: 'Home & Garden Official', items: [{ title: 'Silicone baking mat set, 2 pieces; non-stick' }] }),
    // Shipped 4 days ago: too early for a dispute (opens in 6), protection ends in 56.
    tracked(5, { status: 'shipped', placed: day(-6), shipped: day(-4), store: 'Sunny Gadgets Store', items: [{ title: 'USB-C charging cable 2 m braided' }] }),
    // Not shipped: no deadline yet.
    tracked(6, { status: 'awaiting-shipment', placed: day(-2), store: 'Mega Tools Factory Store', items: [{ title: 'Precision screwdriver set 24 in 1' }] }),
    // Resolved by the shopper: listed last, not counted, never reminded.
    tracked(7, { status: 'completed', placed: day(-40), shipped: day(-30), completed: day(-14), store: 'Tiny Things Store', items: [{ title: 'Enamel pin set' }] }, { resolved: true }),
  ];
  return { schema: 1, orders: Object.fromEntries(orders.map(t => [t.order.id, t])) };
}

const SAMPLE_ORDER = [1, 2, 3, 4, 5, 6, 7].map(ID);
// A resolved order keeps its dates (shown, not counted, not reminded).
const SAMPLE_DEADLINES = { [ID(1)]: day(2), [ID(2)]: day(3), [ID(3)]: day(5), [ID(4)]: day(13), [ID(5)]: day(56), [ID(7)]: day(1) };

module.exports = { day, ID, tracked, sampleMemory, SAMPLE_ORDER, SAMPLE_DEADLINES };
