use guard_core::read::locales::{families, Lang};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = match args[2].as_str() {
        "es" => Some(Lang::Es),
        "zh" => Some(Lang::Zh),
        "pt" => Some(Lang::Pt),
        "de" => Some(Lang::De),
        "fr" => Some(Lang::Fr),
        "ru" => Some(Lang::Ru),
        "pl" => Some(Lang::Pl),
        "en" => Some(Lang::En),
        _ => None,
    };
    println!(
        "ideas {:?} status {:?} datelabel {:?} action {:?} limit {:?} window {:?}",
        families::ideas(&args[1], lang),
        families::status_of(&args[1], lang),
        families::date_label_of(&args[1], lang),
        families::action_of(&args[1], lang),
        families::protection_limit_of(&args[1], lang),
        families::window_of(&args[1], lang)
    );
}
