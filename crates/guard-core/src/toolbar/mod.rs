//! The toolbar's world: the memory of orders and its storage, the badge and the popup's list of
//! deadlines, notifications, the calendar, links to orders, the options form and "Check my orders".
//! Uses `rules`, `read` and `wire`.

pub mod calendar;
pub mod deadlines;
pub mod notifications;
pub mod order_check;
pub mod order_links;
pub mod order_memory;
pub mod settings_form;
pub mod stored_data;
