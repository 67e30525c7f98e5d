//! Reading pages: which page this is, what its orders say, in which language, with which dates,
//! countdowns and amounts. Uses `wire` only.

pub mod countdown;
pub mod dates;
pub mod form_words;
pub mod locales;
pub mod money;
pub mod page_kind;
pub mod reading;
pub mod site_answer;
pub mod stated_window;
