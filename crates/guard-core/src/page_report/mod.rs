//! The misread-page report (CONTRACT.md section 7): a page the
//! extension read wrong, saved as a file the shopper can send, that keeps the page's structure,
//! the site's words and what the extension read, and holds nothing of the shopper's.
//!
//! It is a whitelist. A text is kept as it is only when it is the site's:
//! - a label, status, control word or phrase of a language table, in any language (`locales`),
//!   or one of the dispute form's own texts (`dispute_form::words`, upload hints);
//! - the status label the reader found on the page;
//! - a date (any shape the date reader reads), a small number (a count, a countdown, a time);
//! - the short label of a control (a button, a tab, a form label) or of an element named for a
//!   status, when it has no personal-data shape.
//!
//! Every other text becomes filler of the same shape (`fake::Faker::fill`): same length, script,
//! case, word boundaries and punctuation, other digits, so that reading by layout stays
//! reproducible; the field labels and dates inside it stay. Every text, kept or not, also goes
//! through the personal-data shapes (`shapes`): e-mail addresses, phone, order, tracking and
//! card numbers, IBANs, amounts of money. Numbers and codes become fakes of the same shape that
//! are the same wherever the real one appears (links and texts still agree).
//!
//! Elements whose markup says they hold personal data (`hooks`: the contact block, store and
//! item titles) have all their text and words-like attributes replaced, dates included.
//! Pictures lose their `src`; scripts and styles never enter a snapshot; our own `data-dg-*`
//! marks are left out (the reading is recorded beside the page).

mod fake;
mod hooks;
mod links;
mod reading;
mod shapes;
mod site_words;

pub use reading::outcome;

use crate::page_guard::plan_page;
use crate::read::dates::{parse_date_exact, DateRules};
use crate::read::locales::{self, Lang};
use crate::read::page_kind::Layout;
use crate::rules::settings::Settings;
use crate::wire::page_tree::PageTree;
use crate::wire::snapshot::{Payload, RawNode, Snapshot};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use fake::Faker;
use hooks::{AttrKind, Evidence, Personal};
use serde::Serialize;
use shapes::Shape;
use std::collections::HashSet;

/// The report's format, for the tool that turns it into a fixture (tools/fixture_from.mjs).
pub const FORMAT: &str = "dispute-guard-page-report";
pub const VERSION: u32 = 1;

/// How many of each kind of the shopper's data were replaced, for the shopper to see.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Replaced {
    /// Names, addresses, phone numbers, e-mail addresses.
    pub contact: usize,
    /// Order, tracking and payment numbers (cards, IBANs) and other long numbers.
    pub numbers: usize,
    pub prices: usize,
    /// Store and item titles.
    pub titles: usize,
    /// Other texts not known to be the site's words.
    pub texts: usize,
    /// Values in links.
    pub links: usize,
    /// Pictures and media left out.
    pub images: usize,
}

/// A date the report kept, where it is, and how it was written, so that a fixture made from
/// the report can write it relative to the day the fixture is read.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KeptDate {
    /// The snapshot node (a text, or the element whose attribute holds it).
    pub node: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attr: Option<String>,
    /// Where in the text it starts, in UTF-16 units (as JavaScript counts).
    pub at: usize,
    pub text: String,
    pub date: NaiveDate,
    /// The text with its date parts named as in tests/fixtures/formats.json: `{YYYY}`, `{MM}`,
    /// `{M}`, `{DD}`, `{D}`, `{MON}` (the month's word, given in `month`).
    pub pattern: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub version: u32,
    /// The shopper's local date when the report was made; the reading is as of noon that day
    /// (as the fixture test reads pages).
    pub made: NaiveDate,
    pub core: &'static str,
    /// The page, anonymised, in the snapshot wire format (snapshot.rs).
    pub snapshot: Snapshot,
    pub dates: Vec<KeptDate>,
    /// What the extension read, in the shape of a fixture's `.expected.json`.
    pub reading: serde_json::Value,
    /// The reader's notes (labels it did not know…), anonymised.
    pub notes: Vec<String>,
    /// Where reading the anonymised page gives another result than the real page did (empty
    /// when anonymising kept the reading).
    pub reading_changed: Vec<String>,
    /// Settings the shopper changed from the defaults (names only); the reading uses the
    /// defaults, as the fixture test does.
    pub settings_changed: Vec<String>,
    pub replaced: Replaced,
    /// The texts kept as the site wrote them, in page order, each once.
    pub kept: Vec<String>,
}

/// Longest list of kept texts shown (a list of thousands of orders repeats the same words).
const MAX_KEPT: usize = 3000;
/// The most nodes (itself and all below it) an element named a title by its class's words holds.
const TITLE_MAX_NODES: usize = 8;

/// The noon of the shopper's day: the time the fixture test reads pages at.
fn noon(now: NaiveDateTime) -> NaiveDateTime {
    now.date().and_hms_opt(12, 0, 0).unwrap_or(now)
}

pub fn make_report(snap: &Snapshot, settings: &Settings, now: NaiveDateTime, seed: u64) -> Report {
    let at = noon(now);
    let defaults = Settings::default();
    let real_plan = plan_page(snap, &defaults, at);
    let real = reading::outcome(snap, &real_plan);
    let mut a = Anonymiser::new(snap, &real_plan, at.date(), seed);
    let anon_snap = a.snapshot();
    let anon_plan = plan_page(&anon_snap, &defaults, at);
    let (reading, reading_changed) = reading::merge(&real, &reading::outcome(&anon_snap, &anon_plan));
    let notes = real_plan.notes.iter().map(|n| a.note(n)).collect();
    Report {
        format: FORMAT,
        version: VERSION,
        made: at.date(),
        core: env!("CARGO_PKG_VERSION"),
        snapshot: anon_snap,
        dates: a.dates,
        reading,
        notes,
        reading_changed,
        settings_changed: settings_changed(settings, &defaults),
        replaced: a.replaced,
        kept: a.kept,
    }
}

fn settings_changed(settings: &Settings, defaults: &Settings) -> Vec<String> {
    let value = |s: &Settings| serde_json::from_str::<serde_json::Value>(&s.to_json()).unwrap_or_default();
    let (a, b) = (value(settings), value(defaults));
    let mut out = vec![];
    for (k, v) in a.as_object().into_iter().flatten() {
        match (v, &b[k]) {
            (serde_json::Value::Object(inner), serde_json::Value::Object(def)) => {
                out.extend(inner.iter().filter(|(ik, iv)| def.get(*ik) != Some(*iv)).map(|(ik, _)| format!("{k}.{ik}")));
            }
            (v, d) if v != d => out.push(k.clone()),
            _ => {}
        }
    }
    out
}

/// What an element's place in the page says about its texts.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    personal: Option<Personal>,
    /// The block is the shopper's by the words of its class names only (not a hook SOURCES.md
    /// names): a text that is exactly a label or status of the tables is still the site's.
    by_words: bool,
    /// Inside a short control (a button, a tab, a form label).
    control: bool,
    /// Inside a control of any length (a dispute form's choice).
    choice: bool,
    /// Inside a short element named for a status.
    status: bool,
    /// Inside a short element whose whole text is a sentence the reader reads by its words (the
    /// end of protection, a countdown), drawn in pieces ("Protection ends in <b>5</b> days"):
    /// each piece is kept, as the reader needs the whole.
    sentence: bool,
    /// Inside a price drawn in pieces ("US $", "2", "3", ".", "1", "0"): digits change, the
    /// currency mark stays.
    money: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Keep,
    Fill,
}

struct Anonymiser<'s> {
    snap: &'s Snapshot,
    fake: Faker,
    rules: DateRules,
    /// Status labels the reader found on the page (also those no table knows: the very words a
    /// misread report is about), and each one's starts up to a space (of four characters or
    /// more): the status element may hold more than the word ("Waiting for Seller to Send Goods
    /// Seller's shipping time left: 4 days").
    reader_texts: HashSet<String>,
    replaced: Replaced,
    dates: Vec<KeptDate>,
    kept: Vec<String>,
    kept_set: HashSet<String>,
}

impl<'s> Anonymiser<'s> {
    fn new(snap: &'s Snapshot, plan: &crate::wire::page_plan::Plan, today: NaiveDate, seed: u64) -> Anonymiser<'s> {
        let lang: Option<Lang> = plan.ctx.lang;
        Anonymiser {
            snap,
            fake: Faker::new(seed),
            rules: DateRules {
                lang,
                today,
                year_optional: plan.ctx.layout == Layout::Ru,
                day_first: crate::read::dates::day_first_for(lang, &snap.lang),
                deadline: false,
            },
            reader_texts: plan
                .orders
                .iter()
                .filter_map(|o| o.status_text.as_deref())
                .flat_map(|r| r.match_indices(' ').map(|(i, _)| &r[..i]).filter(|p| p.chars().count() >= 4).chain([r]))
                .map(str::to_string)
                .collect(),
            replaced: Replaced::default(),
            dates: vec![],
            kept: vec![],
            kept_set: HashSet::new(),
        }
    }

    fn keep_text(&mut self, text: &str) {
        let t = text.trim();
        if t.chars().any(char::is_alphanumeric) && self.kept.len() < MAX_KEPT && self.kept_set.insert(t.to_string()) {
            self.kept.push(t.to_string());
        }
    }

    /// The whole snapshot, anonymised.
    fn snapshot(&mut self) -> Snapshot {
        let tree = PageTree::new(self.snap);
        let n = self.snap.nodes.len();
        let mut size = vec![1usize; n];
        for i in (0..n).rev() {
            if let Some(p) = tree.parent(i) {
                size[p] += size[i];
            }
        }
        let mut ctx = vec![Ctx::default(); n];
        let mut nodes = Vec::with_capacity(n);
        let mut split = self.split_ids(&tree);
        for i in 0..n {
            let RawNode(parent, tag, payload) = &self.snap.nodes[i];
            let up = tree.parent(i).map(|p| ctx[p]).unwrap_or_default();
            let out = match payload {
                Payload::Text(t) => {
                    ctx[i] = up;
                    Payload::Text(match split.remove(&i) {
                        Some(pieces) => pieces,
                        None => self.text(t, up, i, None),
                    })
                }
                Payload::Attrs(attrs) => {
                    let c = self.element_ctx(&tree, i, tag, attrs, up, size[i]);
                    ctx[i] = c;
                    Payload::Attrs(self.attrs(tag, attrs, c, i))
                }
            };
            nodes.push(RawNode(*parent, tag.clone(), out));
        }
        let (url, n_links) = links::anonymise(&self.snap.url, &mut self.fake);
        self.replaced.links += usize::from(n_links > 0);
        let title = self.text(&self.snap.title.clone(), Ctx::default(), usize::MAX, None);
        Snapshot { v: self.snap.v, url, lang: self.snap.lang.clone(), title, roots: self.snap.roots.clone(), nodes, ctx: None }
    }

    /// An order number drawn in pieces, a few digits to an element ("<span>8176</span><span>5432
    /// </span>…", one digit each; blind round twenty-four): its texts with the digits of the
    /// number's fake, piece by piece, so that the report's pages name the same order as its
    /// links. By text node.
    fn split_ids(&mut self, tree: &PageTree<'_>) -> std::collections::HashMap<usize, String> {
        let mut out = std::collections::HashMap::new();
        let number_only = |k: usize| {
            let t = tree.text(k);
            t.bytes().any(|b| b.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '·' | '.'))
        };
        for e in 0..self.snap.nodes.len() {
            if tree.is_text(e) {
                continue;
            }
            // Runs of children that hold only digits (blank texts between them aside).
            let kids: Vec<usize> = tree.children(e).iter().copied().filter(|&k| !(tree.is_text(k) && tree.own_text(k).trim().is_empty())).collect();
            for run in kids.split(|&k| !number_only(k)).filter(|r| r.len() >= 2) {
                let digits: String = run.iter().flat_map(|&k| tree.text(k).chars().filter(char::is_ascii_digit).collect::<Vec<_>>()).collect();
                if !crate::wire::order::is_order_id(&digits) {
                    continue;
                }
                let fake = self.fake.fake_digits(&digits);
                let mut next = fake.chars();
                for &k in run {
                    for p in std::iter::once(k).chain(tree.descendants(k)).filter(|&p| tree.is_text(p)) {
                        let t: String = tree.own_text(p).chars().map(|c| if c.is_ascii_digit() { next.next().unwrap_or('0') } else { c }).collect();
                        out.insert(p, t);
                    }
                }
                self.replaced.numbers += 1;
            }
        }
        out
    }

    fn element_ctx(&mut self, tree: &PageTree<'_>, i: usize, tag: &str, attrs: &[String], up: Ctx, size: usize) -> Ctx {
        let mut c = up;
        // A class's words name a title ("store", "name"); a block holding more than a title
        // ("od--store--7J" around the whole item, its dates and promises) is not one itself.
        let found = hooks::personal(attrs).filter(|(_, e)| *e != Evidence::Words || size <= TITLE_MAX_NODES).or_else(|| {
            // An item's title in a span's tooltip (SOURCES.md section 2: `span[title]`).
            let title = hooks::attr(attrs, "title").filter(|_| tag == "span")?;
            (self.judge(title, Ctx::default()) == Mode::Fill).then_some((Personal::Title, Evidence::Hook))
        });
        if let Some((p, e)) = found {
            match c.personal {
                None => {
                    c.personal = Some(p);
                    c.by_words = e == Evidence::Words;
                }
                // Inside a block already: contact data or a hook SOURCES.md names make it surer.
                Some(_) => {
                    if p == Personal::Contact {
                        c.personal = Some(p);
                    }
                    if e == Evidence::Hook {
                        c.by_words = false;
                    }
                }
            }
        }
        // A control or status element counts only when short: a card made into one big
        // button holds titles, not a label.
        let short = || size <= 30 && site_words::is_short(&tree.text(i));
        if hooks::is_control(tag, attrs) && size <= 30 {
            c.choice = true;
            c.control |= short();
            // A control in a store's block ("Подтвердить получение" in a seller block's menu) is
            // the site's, when its label says what it does.
            if c.personal == Some(Personal::Title) && short() && locales::families::action_of(&tree.text(i), self.rules.lang).is_some() {
                c.personal = None;
            }
        }
        if !c.status && hooks::is_status(attrs) && short() {
            c.status = true;
        }
        if !c.sentence && size <= 20 && c.personal.is_none() {
            // (A countdown's words read by their last eight only in one run of text: an element
            // of blocks, a title's over a countdown's, is no sentence.)
            c.sentence = self.is_protection_sentence(&tree.text(i), tree.descendants(i).all(|d| tree.is_inline(d)));
        }
        if !c.money && size <= 40 && c.personal.is_none() {
            let texts: Vec<&str> = tree.text_nodes(i).map(|t| tree.own_text(t)).collect();
            if texts.len() >= 2 {
                let joined: String = texts.concat().chars().filter(|c| !c.is_whitespace()).collect();
                if joined.len() <= 40 && joined.bytes().any(|b| b.is_ascii_digit()) && crate::read::money::parse_money(&joined).is_some() {
                    c.money = true;
                    self.replaced.prices += 1;
                }
            }
        }
        c
    }

    /// Whether a text is a sentence stating the end of protection or counting it down, a window
    /// in days or a decided dispute, in the site's words (it is then kept whole: the reader reads it so).
    fn is_protection_sentence(&self, text: &str, one_run: bool) -> bool {
        let lang = self.rules.lang;
        let cjk = text.chars().any(locales::is_cjk);
        text.chars().count() <= 240
            && (locales::families::protection_limit_of(text, lang).is_some()
                || crate::read::stated_window::stated_window(text, lang).is_some()
                // A dispute decided ("Streitfall abgeschlossen: Die Entscheidung fiel zu Ihren Gunsten").
                || locales::families::says_dispute_decided(text, lang)
                // A countdown: the words around a number (the first few: a date may come
                // before it, "Спор закрыт 2 декабря … Автоподтверждение через 6 дн.").
                || text.char_indices().filter(|&(k, c)| c.is_ascii_digit() && !text[..k].ends_with(|p: char| p.is_ascii_digit())).map(|(k, _)| k).take(8).any(|d| {
                    let before = &text[..d];
                    let label = before.trim_end().rsplit_terminator(['.', '!', '?', '。']).next().unwrap_or(before);
                    // (Its last eight words, as the reader takes them, in one run of text.)
                    let words: Vec<&str> = label.split_whitespace().collect();
                    let label = if one_run { words[words.len().saturating_sub(8)..].join(" ") } else { label.to_string() };
                    // After the countdown, as the reader takes it (`order_reader::countdown_by_its_words`).
                    let after = crate::read::countdown::parse_countdown_prefix(&text[d..]).map_or("", |(_, len)| &text[d + len..]);
                    locales::families::is_protection_countdown(&label, after, lang)
                }))
            && !shapes::has_personal_shape(text)
            && if cjk {
                site_words::all_cjk_known(text, lang) && site_words::reads_like_label(&text.replace(locales::is_cjk, " "))
            } else {
                site_words::reads_like_site_sentence(text, lang)
            }
    }

    /// Whether a text is a sentence that ends at its date and names the day by its words, as the
    /// reader takes it (`families::date_ending_sentence`).
    fn is_date_sentence(&self, text: &str) -> bool {
        let Some((_, start, end)) = crate::read::dates::find_date(text, &self.rules) else { return false };
        locales::families::date_ending_sentence(&text[..start], &text[end..], self.rules.lang).is_some()
    }

    /// Whether a text is the start of a sentence that runs into its date in the next element
    /// and names the day by its words ("… confirmé la réception de ce colis le" before
    /// "<span>samedi </span>21 novembre 2026"), as the reader takes it: a sentence, longer than
    /// any label (a name is no sentence however its words read).
    fn leads_to_date(&self, text: &str) -> bool {
        let last = text.rsplit(['.', '!', '?', '。', '！']).next().unwrap_or_default();
        last.split_whitespace().count() > 5
            && !text.bytes().any(|b| b.is_ascii_digit())
            && locales::families::date_ending_sentence(last, "", self.rules.lang).is_some()
    }

    /// Whether a text (outside the shopper's blocks) is kept as the site wrote it.
    fn judge(&self, text: &str, ctx: Ctx) -> Mode {
        let t = text.trim();
        let keep = !t.chars().any(char::is_alphanumeric)
            || !locales::lookup(t).is_empty()
            || (self.reader_texts.contains(t) && site_words::reads_like_status(t, self.rules.lang))
            || (site_words::reads_like_date_label(t, self.rules.lang) && !shapes::has_personal_shape(t))
            // The word that labels a status ("Status", "Estado del pedido").
            || locales::families::is_status_label(t.trim_end_matches([':', '：']), self.rules.lang)
            || site_words::is_small_number(t)
            || parse_date_exact(t, &self.rules).is_some()
            // A countdown ("2d 11:05:08", "9 дн. 04:11:32") says nothing of the shopper.
            || crate::read::countdown::parse_countdown(t).is_some()
            || site_words::has_phrase(t)
            || site_words::is_form_text(t)
            // A sentence that ends at its date and says which day it is, in one text ("The
            // seller confirmed that your parcel was handed to the courier on …").
            || ((self.is_date_sentence(t) || self.leads_to_date(t)) && site_words::reads_like_site_sentence(t, self.rules.lang) && !shapes::has_personal_shape(t))
            || ctx.sentence
            // (Numbers and codes in it are replaced all the same, by `rewrite`.)
            || site_words::made_of_order_words(t, self.rules.lang)
            || ((ctx.control || ctx.status) && site_words::is_short(t) && site_words::reads_like_label(t) && !shapes::has_personal_shape(t))
            // A control's longer label that says what it does, as the reader reads it ("Demander
            // une prolongation de la protection de l'acheteur").
            || (ctx.choice && t.chars().count() <= 80 && locales::families::action_of(t, self.rules.lang).is_some() && site_words::reads_like_label(t) && !shapes::has_personal_shape(t))
            // A dispute form's choice ("Article non conforme à la description").
            || (ctx.choice && t.chars().count() <= 80 && crate::rules::dispute_form::words::problem_in(t).is_some() && site_words::reads_like_label(t) && !shapes::has_personal_shape(t));
        if keep {
            Mode::Keep
        } else {
            Mode::Fill
        }
    }

    /// A text of the page (`node`; `attr` when it is an attribute's value), anonymised.
    fn text(&mut self, text: &str, ctx: Ctx, node: usize, attr: Option<&str>) -> String {
        // A sentence is judged by its visible text: an attribute inside it is not part of it.
        let ctx = Ctx { sentence: ctx.sentence && attr.is_none(), ..ctx };
        let lang = self.rules.lang;
        let site_label = |t: &str| {
            !locales::lookup(t.trim()).is_empty()
                || (self.reader_texts.contains(t.trim()) && site_words::reads_like_status(t, lang))
                || (site_words::is_short(t) && site_words::made_of_order_words(t, lang))
        };
        let ctx = if ctx.by_words && ctx.personal == Some(Personal::Title) && site_label(text) { Ctx { personal: None, ..ctx } } else { ctx };
        if let Some(p) = ctx.personal {
            if text.chars().any(char::is_alphanumeric) {
                match p {
                    Personal::Contact => self.replaced.contact += 1,
                    Personal::Title => self.replaced.titles += 1,
                }
            }
            return self.replace_all(text);
        }
        if ctx.money {
            return self.fake.other_digits(text);
        }
        let mode = self.judge(text, ctx);
        // Several sentences: each judged alone, a countdown's kept whole ("Спор закрыт …:
        // решение в пользу продавца. Автоподтверждение через 6 дн.").
        // (A sentence ends after a word of four letters or more, before a capital: not "7. Dez.",
        // "30. Nov. 2026".)
        let ends: Vec<usize> = text
            .match_indices(['.', '!', '?', '。'])
            .filter(|(k, _)| text[..*k].chars().rev().take_while(|c| c.is_alphabetic()).count() >= 4)
            .map(|(k, m)| k + m.len())
            .filter(|&e| e < text.len() && text[e..].starts_with(char::is_whitespace) && text[e..].trim_start().starts_with(char::is_uppercase))
            .collect();
        if mode == Mode::Fill && attr.is_none() && !ends.is_empty() {
            let mut out = String::with_capacity(text.len());
            let mut last = 0;
            for end in ends.into_iter().chain(std::iter::once(text.len())) {
                let sentence = &text[last..end];
                let keep = self.is_protection_sentence(sentence.trim(), true);
                let sub = Ctx { sentence: keep, ..ctx };
                out.push_str(&self.text(sentence, sub, node, attr));
                last = end;
            }
            return out;
        }
        // A status and what it means, past a break ("Cancelled — US $7.99 is back on your
        // card"): each part judged alone, so the status stays as the reader reads it.
        const BREAKS: [char; 5] = ['—', '–', '·', '|', '•'];
        if mode == Mode::Fill && attr.is_none() && text.contains(BREAKS) {
            let mut out = String::with_capacity(text.len());
            let mut last = 0;
            for (k, sep) in text.match_indices(BREAKS).chain(std::iter::once((text.len(), ""))) {
                let part = &text[last..k];
                let mode = self.judge(part, ctx);
                out.push_str(&self.rewrite(part, mode, node, attr));
                out.push_str(sep);
                last = k + sep.len();
            }
            return out;
        }
        // A decided dispute, then why, past a colon ("Streitfall abgeschlossen: Die Entscheidung
        // fiel zu Ihren Gunsten"): the head stays as the reader reads it, the rest is judged alone.
        if let Some(k) = text.find([':', '：']).filter(|_| mode == Mode::Fill && attr.is_none()) {
            let head = &text[..k];
            if locales::families::says_dispute_decided(head, lang) && site_words::made_of_order_words(head.trim(), lang) {
                let sep = text[k..].chars().next().map_or(1, char::len_utf8);
                let rest = self.text(&text[k + sep..], ctx, node, attr);
                return format!("{}{rest}", &text[..k + sep]);
            }
        }
        // A step, then its details in brackets ("The seller has shipped your order (China Post
        // Ordinary Small Packet Plus)"): the step stays as the reader reads it, the brackets are
        // judged alone.
        if let Some(k) = text.find(['(', '（']).filter(|&k| mode == Mode::Fill && attr.is_none() && k > 0) {
            let head = &text[..k];
            if locales::families::sentence_date_label(head, lang).is_some()
                && site_words::reads_like_site_sentence(head, lang)
                && !shapes::has_personal_shape(head)
            {
                let rest = self.text(&text[k..], ctx, node, attr);
                return format!("{head}{rest}");
            }
        }
        self.rewrite(text, mode, node, attr)
    }

    /// Every word and number replaced (the shopper's blocks): numbers and codes by their
    /// consistent fakes, the rest by filler.
    fn replace_all(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for (r, shape) in shapes::scan(text, None) {
            out.push_str(&self.fake.fill(&text[last..r.start]));
            out.push_str(&self.shape(&text[r.clone()], shape, false));
            last = r.end;
        }
        out.push_str(&self.fake.fill(&text[last..]));
        out
    }

    /// A personal-data shape's stand-in; counted when `count`.
    fn shape(&mut self, s: &str, shape: Shape, count: bool) -> String {
        let r = &mut self.replaced;
        match shape {
            Shape::Email | Shape::Number { phone: true } if count => r.contact += 1,
            Shape::Code | Shape::Number { phone: false } if count => r.numbers += 1,
            Shape::Money if count => r.prices += 1,
            _ => {}
        }
        self.fake.stand_in(s, shape)
    }

    fn rewrite(&mut self, text: &str, mode: Mode, node: usize, attr: Option<&str>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut filled = false;
        let mut pieces: Vec<String> = vec![];
        let found = shapes::scan(text, Some(&self.rules));
        for (r, shape) in found {
            let gap = &text[last..r.start];
            // The words labelling a date stay ("Отправлена 13 ноября"): the date is read by them
            // (unless a label of the tables reaches into them: that one stays whole, as always).
            // So do those labelling a long number ("Трек-номер: 4300…"): they say it is none of
            // the order's.
            let label = match shape {
                Shape::Date(_) | Shape::Number { phone: false } if mode == Mode::Fill => {
                    site_words::date_label_before(gap, self.rules.lang).filter(|&at| site_words::labels_in(gap).iter().all(|r| r.end <= at))
                }
                _ => None,
            };
            match label {
                Some(at) => {
                    filled |= self.plain(&gap[..at], mode, &mut out, &mut pieces);
                    out.push_str(&gap[at..]);
                    pieces.push(gap[at..].trim().to_string());
                }
                None => filled |= self.plain(gap, mode, &mut out, &mut pieces),
            }
            let s = &text[r.clone()];
            if let Shape::Date(date) = shape {
                if node != usize::MAX {
                    let at = out.encode_utf16().count();
                    let (pattern, month) = date_pattern(s, date, self.rules.lang);
                    self.dates.push(KeptDate { node, attr: attr.map(str::to_string), at, text: s.to_string(), date, pattern, month });
                }
                pieces.push(s.to_string());
            }
            let stand_in = self.shape(s, shape, true);
            out.push_str(&stand_in);
            last = r.end;
        }
        filled |= self.plain(&text[last..], mode, &mut out, &mut pieces);
        match mode {
            Mode::Keep => self.keep_text(&out),
            Mode::Fill => {
                for p in pieces {
                    self.keep_text(&p);
                }
                if filled {
                    self.replaced.texts += 1;
                }
            }
        }
        out
    }

    /// Text between shapes: as it is (kept texts: only a card's last four digits change), or
    /// filler with the site's labels left in place. Whether letters were replaced.
    fn plain(&mut self, gap: &str, mode: Mode, out: &mut String, pieces: &mut Vec<String>) -> bool {
        if mode == Mode::Keep {
            out.push_str(&self.keep_digits(gap));
            return false;
        }
        let mut filled = false;
        let mut last = 0;
        for r in site_words::labels_in(gap) {
            let before = &gap[last..r.start];
            filled |= before.chars().any(char::is_alphabetic);
            out.push_str(&self.fake.fill(before));
            out.push_str(&gap[r.clone()]);
            pieces.push(gap[r.clone()].trim().to_string());
            last = r.end;
        }
        let rest = &gap[last..];
        filled |= rest.chars().any(char::is_alphabetic);
        out.push_str(&self.fake.fill(rest));
        filled
    }

    /// Digits in a kept text: counts, days and years stay; four digits that are not a year (a
    /// card's last four) and longer runs (five and more with a letter after them) do not.
    fn keep_digits(&mut self, s: &str) -> String {
        if !s.bytes().any(|b| b.is_ascii_digit()) {
            return s.to_string();
        }
        let mut out = String::with_capacity(s.len());
        let mut run = String::new();
        let mut before = String::new();
        for c in s.chars().chain(std::iter::once('\0')) {
            if c.is_ascii_digit() {
                run.push(c);
                continue;
            }
            if !run.is_empty() {
                let masked = masked_before(&before);
                let year = run.len() == 4 && run.parse::<u32>().is_ok_and(|y| (2000..=2099).contains(&y));
                let stand_in = match run.len() {
                    0..=3 if !masked => run.clone(),
                    4 if year && !masked => run.clone(),
                    0..=4 => {
                        self.replaced.numbers += 1;
                        self.fake.other_digits(&run)
                    }
                    _ => {
                        self.replaced.numbers += 1;
                        self.fake.fake_digits(&run)
                    }
                };
                out.push_str(&stand_in);
                before.push_str(&run);
                run.clear();
            }
            if c != '\0' {
                out.push(c);
                before.push(c);
            }
        }
        out
    }

    fn attrs(&mut self, tag: &str, attrs: &[String], ctx: Ctx, node: usize) -> Vec<String> {
        let mut out = Vec::with_capacity(attrs.len());
        // (A price drawn in pieces is in its texts, not in attributes.)
        let attr_ctx = Ctx { control: ctx.control || hooks::is_control(tag, attrs), money: false, ..ctx };
        for kv in attrs.chunks_exact(2) {
            let (name, value) = (kv[0].as_str(), kv[1].as_str());
            let v = match hooks::attr_kind(tag, attrs, name) {
                AttrKind::Drop => {
                    if !name.starts_with("data-dg-") && !value.is_empty() {
                        self.replaced.images += 1;
                    }
                    continue;
                }
                AttrKind::Verbatim => value.to_string(),
                AttrKind::Url => {
                    let (u, n) = links::anonymise(value, &mut self.fake);
                    self.replaced.links += usize::from(n > 0);
                    u
                }
                AttrKind::Text => self.text(value, attr_ctx, node, Some(name)),
                AttrKind::Hook => self.hook(name, value, attr_ctx, node),
            };
            out.push(name.to_string());
            out.push(v);
        }
        out
    }

    /// A hook or code: kept, its long numbers replaced consistently; a value that reads like
    /// words (a capitalised name, quoted data) is judged like a text.
    fn hook(&mut self, name: &str, value: &str, ctx: Ctx, node: usize) -> String {
        if name == "class" || name == "id" {
            return self.class_names(value);
        }
        if !token_like(value) {
            return self.text(value, ctx, node, Some(name));
        }
        let mut out = String::with_capacity(value.len());
        let mut last = 0;
        for (r, shape) in shapes::scan(value, None) {
            out.push_str(&value[last..r.start]);
            out.push_str(&self.shape(&value[r.clone()], shape, true));
            last = r.end;
        }
        out.push_str(&value[last..]);
        out
    }

    /// Class names and ids: as they are (the page's structure), except what has a personal
    /// shape (an order id in an element's id: replaced consistently) and names that read like
    /// words rather than code ("Marguerite", "Дюпон": filler).
    fn class_names(&mut self, value: &str) -> String {
        let mut out = String::with_capacity(value.len());
        let mut last = 0;
        let gap = |this: &mut Self, g: &str, out: &mut String| {
            for (i, part) in g.split(' ').enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let code = part.is_ascii() && (part.contains(['-', '_']) || part.bytes().any(|b| b.is_ascii_digit()) || token_like(part));
                out.push_str(&if code { this.keep_digits_long(part) } else { this.fake.fill(part) });
            }
        };
        for (r, shape) in shapes::scan(value, None) {
            gap(self, &value[last..r.start], &mut out);
            out.push_str(&self.shape(&value[r.clone()], shape, true));
            last = r.end;
        }
        gap(self, &value[last..], &mut out);
        out
    }

    /// Runs of five digits or more replaced consistently (an order id inside a class name).
    fn keep_digits_long(&mut self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut run = String::new();
        for c in s.chars().chain(std::iter::once('\0')) {
            if c.is_ascii_digit() {
                run.push(c);
                continue;
            }
            if run.len() >= 5 {
                out.push_str(&self.fake.fake_digits(&run));
            } else {
                out.push_str(&run);
            }
            run.clear();
            if c != '\0' {
                out.push(c);
            }
        }
        out
    }

    /// A note of the reader's, with its ids replaced and the page texts it quotes kept only
    /// when the page's copy was kept.
    fn note(&mut self, note: &str) -> String {
        let mut out = String::new();
        for (i, part) in note.split('"').enumerate() {
            if i > 0 {
                out.push('"');
            }
            if i % 2 == 1 && !self.kept_set.contains(part.trim()) {
                out.push_str(&self.fake.fill(part));
                continue;
            }
            let mut last = 0;
            for (r, shape) in shapes::scan(part, None) {
                out.push_str(&part[last..r.start]);
                out.push_str(&self.shape(&part[r.clone()], shape, false));
                last = r.end;
            }
            out.push_str(&part[last..]);
        }
        out
    }
}

/// Whether digits follow a mask ("•••• 4929", "****1881", "xx 1234"): a card's last four.
fn masked_before(before: &str) -> bool {
    let run: Vec<char> = before.trim_end().chars().rev().take_while(|c| "*•·●xX×".contains(*c)).collect();
    run.len() >= 2 || run.first().is_some_and(|c| "*•●".contains(*c))
}

/// A hook's value that reads as code, not words: ASCII, no quotes or markup, and no
/// capitalised word ("WAIT_BUYER_CONFIRM_GOODS", "sellerInfoV2Block", "refund" are codes;
/// "Jean", "Smith-Jones" are not).
fn token_like(v: &str) -> bool {
    v.split_whitespace().all(|p| {
        p.is_ascii()
            && !p.contains(['"', '\'', '{', '}', '<', '>'])
            && !p.split(|c: char| !c.is_ascii_alphanumeric()).any(|seg| {
                let mut cs = seg.chars();
                matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_ascii_uppercase() && b.is_ascii_lowercase())
            })
    })
}

/// A kept date's text with its parts named as in tests/fixtures/formats.json, and the month's
/// word when it is written as one. Numbers next to ':' belong to a time of day and stay.
fn date_pattern(text: &str, date: NaiveDate, lang: Option<Lang>) -> (String, Option<String>) {
    #[derive(PartialEq)]
    enum Tok<'a> {
        Num(&'a str),
        Word(&'a str),
        Other(&'a str),
    }
    let mut toks = vec![];
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_ascii_digit() {
            rest.len() - rest.trim_start_matches(|x: char| x.is_ascii_digit()).len()
        } else if c.is_alphabetic() && !locales::is_cjk(c) {
            rest.len() - rest.trim_start_matches(|x: char| x.is_alphabetic() && !locales::is_cjk(x)).len()
        } else {
            c.len_utf8()
        };
        let (t, r) = rest.split_at(len);
        toks.push(if c.is_ascii_digit() {
            Tok::Num(t)
        } else if c.is_alphabetic() && !locales::is_cjk(c) {
            Tok::Word(t)
        } else {
            Tok::Other(t)
        });
        rest = r;
    }
    let is_time = |i: usize| {
        let colon = |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(|t| *t == Tok::Other(":"));
        colon(i.checked_sub(1)) || colon(Some(i + 1))
    };
    let numeric = !toks.iter().any(|t| matches!(t, Tok::Word(_))) && !text.chars().any(locales::is_cjk);
    // (A time's zeros say nothing of the date's: "09:02 1 déc. 2026".)
    let padded = numeric || toks.iter().enumerate().any(|(i, t)| matches!(t, Tok::Num(n) if n.len() == 2 && n.starts_with('0')) && !is_time(i));
    let year_first = toks
        .iter()
        .position(|t| matches!(t, Tok::Num(n) if n.len() == 4))
        .is_some_and(|p| !toks[..p].iter().enumerate().any(|(i, t)| matches!(t, Tok::Num(_)) && !is_time(i)));
    let (mut seen_year, mut seen_month, mut seen_day) = (false, false, false);
    let mut month_word = None;
    let mut out = String::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Num(n) if !is_time(i) => {
                let v: u32 = n.parse().unwrap_or(0);
                let month_first = year_first || text.contains('年');
                let token = if !seen_year && n.len() == 4 && v == date.year() as u32 {
                    seen_year = true;
                    "YYYY"
                } else if month_word.is_none() && !seen_month && v == date.month() && (month_first || seen_day || v != date.day()) {
                    seen_month = true;
                    if padded {
                        "MM"
                    } else {
                        "M"
                    }
                } else if !seen_day && v == date.day() {
                    seen_day = true;
                    if padded {
                        "DD"
                    } else {
                        "D"
                    }
                } else {
                    out.push_str(n);
                    continue;
                };
                out.push_str(&format!("{{{token}}}"));
            }
            Tok::Word(w) if month_word.is_none() && locales::month(&w.to_lowercase(), lang) == Some(date.month()) => {
                month_word = Some(w.to_string());
                out.push_str("{MON}");
            }
            Tok::Num(s) | Tok::Word(s) | Tok::Other(s) => out.push_str(s),
        }
    }
    (out, month_word)
}

#[cfg(test)]
mod tests;
