//! The rules of a dispute: the shopper's settings and the site's policy, the dispute window, the
//! confirm guard, the way to "Open dispute", evidence checks and the dispute form assistant.
//! Uses `read` and `wire`.

pub mod confirm_guard;
pub mod dispute_form;
pub mod dispute_path;
pub mod dispute_window;
pub mod evidence;
pub mod order_timeline;
pub mod policy;
pub mod settings;
