//! What a form takes: its formats, the size of each file and how many files, read from the
//! input's `accept` attribute and the text beside it ("Up to 3 photos, max 5 MB each (JPG,
//! PNG)") in any supported language, else the shopper's editable defaults (settings.rs
//! `EvidenceDefaults`). What the page states always wins over a default.

use super::format::{Format, Kind, FORMATS};
use super::limit_phrases::{with_meaning, Means, Phrase};
use crate::rules::settings::EvidenceDefaults;
pub use crate::wire::forms::{Origin, UploadRules};

impl UploadRules {
    pub fn bytes_for(&self, kind: Kind) -> (u64, Origin) {
        match kind {
            Kind::Photo => (self.photo_bytes, self.photo_bytes_from),
            _ => (self.video_bytes, self.video_bytes_from),
        }
    }

    /// Whether the page says nothing of the formats of this kind it takes.
    pub fn formats_open(&self, kind: Kind) -> bool {
        self.open_kinds.contains(&kind)
    }

    /// Whether the page names no format at all (then content we cannot tell breaks no limit
    /// it states).
    pub fn all_formats_open(&self) -> bool {
        ALL_KINDS.iter().all(|k| self.formats_open(*k))
    }
}

const ALL_KINDS: [Kind; 4] = [Kind::Photo, Kind::Video, Kind::Document, Kind::Archive];

/// The kinds an `accept` attribute takes by wildcard only ("image/*", "video/*", "*/*").
fn wildcard_kinds(accept: &str) -> Vec<Kind> {
    let mut out = vec![];
    for token in accept.split(',').map(|t| t.trim().to_ascii_lowercase()) {
        match token.as_str() {
            "image/*" => out.push(Kind::Photo),
            "video/*" => out.push(Kind::Video),
            "*/*" | "*" => out.extend(ALL_KINDS),
            _ => {}
        }
    }
    ALL_KINDS.into_iter().filter(|k| out.contains(k)).collect()
}

/// Image formats a browser shows, which is what `image/*` on a web form means in practice;
/// HEIC is taken only where a form names it.
const WEB_IMAGES: &[Format] = &[Format::Jpeg, Format::Png, Format::Gif, Format::Bmp, Format::Webp];
const VIDEOS: &[Format] = &[Format::Mp4, Format::Mov, Format::Avi, Format::Webm, Format::Mkv, Format::ThreeGp];

/// The formats an `accept` attribute names; `None` when it names none we know (then it says
/// nothing we could enforce, and the defaults apply).
pub fn read_accept(accept: &str) -> Option<Vec<Format>> {
    let mut out: Vec<Format> = Vec::new();
    for token in accept.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()) {
        let add: Vec<Format> = match token.as_str() {
            "image/*" => WEB_IMAGES.to_vec(),
            "video/*" => VIDEOS.to_vec(),
            "*/*" | "*" => FORMATS.iter().map(|i| i.format).collect(),
            t if t.contains('/') => FORMATS.iter().filter(|i| i.mime.contains(&t)).map(|i| i.format).collect(),
            t => {
                let ext = t.trim_start_matches('.');
                FORMATS.iter().filter(|i| i.extensions.contains(&ext)).map(|i| i.format).collect()
            }
        };
        out.extend(add);
    }
    let out = in_table_order(&out);
    (!out.is_empty()).then_some(out)
}

/// What the text beside an input states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HintLimits {
    pub formats: Vec<Format>,
    pub photo_bytes: Option<u64>,
    pub video_bytes: Option<u64>,
    pub files: Option<u32>,
    pub photos: Option<u32>,
    pub videos: Option<u32>,
}

/// Format names as hints write them ("JPG, PNG", "mp4/mov").
const FORMAT_WORDS: &[(&str, Format)] = &[
    ("jpg", Format::Jpeg),
    ("jpeg", Format::Jpeg),
    ("png", Format::Png),
    ("gif", Format::Gif),
    ("bmp", Format::Bmp),
    ("webp", Format::Webp),
    ("heic", Format::Heic),
    ("heif", Format::Heif),
    ("avif", Format::Avif),
    ("mp4", Format::Mp4),
    ("m4v", Format::Mp4),
    ("mov", Format::Mov),
    ("avi", Format::Avi),
    ("webm", Format::Webm),
    ("mkv", Format::Mkv),
    ("3gp", Format::ThreeGp),
    ("pdf", Format::Pdf),
    ("zip", Format::Zip),
];

/// Whether a word is a file format's name as hints write it ("MP4", "jpeg").
pub fn is_format_word(word: &str) -> bool {
    FORMAT_WORDS.iter().any(|(w, _)| w.eq_ignore_ascii_case(word))
}

/// Sentence ends: a size in one sentence is not about the kind named in the next.
fn ends_sentence(orig: &[char], i: usize) -> bool {
    match orig[i] {
        '\n' | ';' | '!' | '?' | '。' | '；' | '！' | '？' | '|' | '•' => true,
        // "max. 5 MB" and "2.5 MB" go on; ". Videos" starts a new sentence.
        '.' => {
            let next = orig[i + 1..].iter().find(|c| !c.is_whitespace());
            // (Upper case told by lower-casing, which the readers need anyway.)
            orig.get(i + 1).is_none_or(|c| c.is_whitespace()) && next.is_none_or(|c| c.to_lowercase().next() != Some(*c))
        }
        _ => false,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

fn word_char(c: char) -> bool {
    (c.is_alphabetic() || c.is_ascii_digit()) && !is_cjk(c)
}

/// Whether `phrase` occurs at `at` in `text`, as whole words (for alphabetic scripts).
fn phrase_at(text: &[char], at: usize, phrase: &str) -> Option<usize> {
    let mut i = at;
    for pc in phrase.chars() {
        if text.get(i) != Some(&pc) {
            return None;
        }
        i += 1;
    }
    let first = phrase.chars().next()?;
    let last = phrase.chars().last()?;
    // Digits may touch a word ("5MB"); letters may not ("dodaj" holds no "do").
    if word_char(first) && at > 0 && word_char(text[at - 1]) && !text[at - 1].is_ascii_digit() {
        return None;
    }
    if word_char(last) && text.get(i).is_some_and(|c| word_char(*c)) {
        return None;
    }
    Some(i)
}

/// The longest of `phrases` occurring at `at`.
fn match_at(text: &[char], at: usize, phrases: &[&'static Phrase]) -> Option<(&'static Phrase, usize)> {
    phrases.iter().filter_map(|p| phrase_at(text, at, p.text).map(|end| (*p, end))).max_by_key(|(_, end)| *end)
}

/// The formats of `set`, in the table's order (no sorting code in the wasm).
fn in_table_order(set: &[Format]) -> Vec<Format> {
    FORMATS.iter().map(|i| i.format).filter(|f| set.contains(f)).collect()
}

/// Every occurrence of any of `phrases` in `text[from..to]`: (start, end, phrase).
fn occurrences(text: &[char], from: usize, to: usize, phrases: &[&'static Phrase]) -> Vec<(usize, usize, &'static Phrase)> {
    let mut out = vec![];
    let mut i = from;
    while i < to {
        match match_at(text, i, phrases).filter(|(_, end)| *end <= to) {
            Some((p, end)) => {
                out.push((i, end, p));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn skip_spaces(text: &[char], mut i: usize) -> usize {
    while text.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

/// A number as hints write it ("5", "2.5", "2,5"), in thousandths, so that no floating point
/// is needed. Not glued to letters before it ("mp4").
fn number_at(text: &[char], i: usize) -> Option<(u64, bool, usize)> {
    if !text[i].is_ascii_digit() || (i > 0 && (word_char(text[i - 1]) || text[i - 1].is_ascii_digit())) {
        return None;
    }
    let digits = |from: usize| {
        let mut end = from;
        while text.get(end).is_some_and(|c| c.is_ascii_digit()) {
            end += 1;
        }
        end
    };
    let value_of = |a: usize, b: usize| text[a..b].iter().try_fold(0u64, |v, c| v.checked_mul(10)?.checked_add(c.to_digit(10)? as u64));
    let end = digits(i);
    if end - i > 9 {
        return None; // an order id or a phone number, not a limit
    }
    let whole = value_of(i, end)? * 1000;
    if matches!(text.get(end), Some('.') | Some(',')) && text.get(end + 1).is_some_and(|c| c.is_ascii_digit()) {
        let frac_end = digits(end + 1);
        // Thousandths: "2.5" → 2500; more digits than that say nothing a limit needs.
        let frac: u64 = text[end + 1..frac_end.min(end + 4)].iter().enumerate().map(|(k, c)| c.to_digit(10).unwrap_or(0) as u64 * [100, 10, 1][k]).sum();
        return Some((whole + frac, false, frac_end));
    }
    Some((whole, true, end))
}

/// The total of a counter ("0/6"): `number_at` refuses a number glued to the slash before it.
fn counter_total(text: &[char], i: usize) -> Option<(u64, bool, usize)> {
    let mut end = i;
    while text.get(end).is_some_and(|c| c.is_ascii_digit()) {
        end += 1;
    }
    let n: u64 = text[i..end].iter().collect::<String>().parse().ok().filter(|_| end - i <= 3)?;
    Some((n * 1000, true, end))
}

enum Mention {
    Size { bytes: u64, kind: Means },
    Count { n: u32, kind: Means },
}

/// The text with each "only one" phrase (`ONLY_ONE`, whole words) written "max 1", and each
/// count in words (`NUMBER_WORDS`) in digits.
/// (Matched in lower case, replaced in the text as written: the case tells sentences apart.)
fn counts_as_numbers(text: &str) -> String {
    let mut out = text.to_string();
    let mut low = text.to_lowercase();
    if low.len() != out.len() {
        return out;
    }
    let phrases = super::limit_phrases::ONLY_ONE.iter().map(|p| (*p, " max 1 ".to_string()));
    let words = super::limit_phrases::NUMBER_WORDS.iter().map(|(w, n)| (*w, format!(" {n} ")));
    for (phrase, number) in phrases.chain(words) {
        let mut from = 0;
        while let Some(k) = low[from..].find(phrase).map(|k| k + from) {
            let end = k + phrase.len();
            let cjk = phrase.chars().all(crate::read::locales::is_cjk);
            let edge = |c: Option<char>| cjk || c.is_none_or(|c| !c.is_alphanumeric());
            if edge(low[..k].chars().next_back()) && edge(low[end..].chars().next()) && out.is_char_boundary(k) && out.is_char_boundary(end) {
                out.replace_range(k..end, &number);
                low.replace_range(k..end, &number);
                from = k + number.len();
            } else {
                from = end;
            }
        }
    }
    out
}

/// Reads the limits a hint states. Unsure readings are dropped, never guessed.
pub fn read_hint(text: &str) -> HintLimits {
    // "Only one" in words is a count: "at most 1"; "four photos" is "4 photos".
    let text = &counts_as_numbers(text);
    let orig: Vec<char> = text.chars().map(|c| if c == '’' || c == 'ʼ' { '\'' } else { c }).collect();
    let low: Vec<char> = orig.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
    let units = with_meaning(|m| m.unit_bytes().is_some());
    let kinds = with_meaning(|m| matches!(m, Means::Photo | Means::Video | Means::AnyFile));
    let specific = with_meaning(|m| matches!(m, Means::Photo | Means::Video));
    let at_most = with_meaning(|m| m == Means::AtMost);
    let at_least = with_meaning(|m| m == Means::AtLeast);
    let total = with_meaning(|m| m == Means::Total);

    let mut out = HintLimits::default();
    let mut sentence_start = 0;
    let mut prev_end = 0;
    let mut mentions: Vec<Mention> = vec![];
    // Files of any kind in a sentence about one kind only are files of that kind ("Vidéo : 1
    // fichier MP4, 50 Mo maximum"; "Photos: up to 3 files, 5 MB each").
    let of_sentence = |kind: Means, from: usize, to: usize| {
        if kind != Means::AnyFile {
            return kind;
        }
        let named: Vec<Means> = occurrences(&low, from, to, &specific).into_iter().map(|(_, _, p)| p.means).collect();
        match named.first() {
            Some(&first) if named.iter().all(|&m| m == first) => first,
            _ => kind,
        }
    };
    let mut i = 0;
    while i < low.len() {
        if ends_sentence(&orig, i) {
            sentence_start = i + 1;
            prev_end = prev_end.max(i + 1);
            i += 1;
            continue;
        }
        let Some((value, whole, num_end)) = number_at(&low, i) else {
            i += 1;
            continue;
        };
        let after = skip_spaces(&low, num_end);
        let lead_from = sentence_start.max(prev_end);
        let before = &occurrences(&low, lead_from, i, &at_least);
        let in_total = !occurrences(&low, lead_from, i, &total).is_empty();
        // "5M" glued to its number is megabytes; a spaced "m" could be metres.
        let unit = match_at(&low, after, &units).map(|(p, e)| (p.means, e)).or_else(|| {
            (after == num_end && low.get(after) == Some(&'m') && !low.get(after + 1).is_some_and(|c| c.is_alphabetic()))
                .then_some((Means::Megabytes, after + 1))
        });
        if let Some((mult, unit_end)) = unit.and_then(|(m, e)| Some((m.unit_bytes()?, e))) {
            let window_end = (unit_end..low.len().min(unit_end + 20))
                .find(|&k| matches!(low[k], ',' | ';' | '.' | '(' | ')' | '，' | '、') || ends_sentence(&orig, k))
                .unwrap_or(low.len().min(unit_end + 20));
            let trailing_total = !occurrences(&low, unit_end, window_end, &total).is_empty();
            let kind = occurrences(&low, unit_end, window_end, &specific)
                .first()
                .map(|(_, _, p)| p.means)
                .or_else(|| occurrences(&low, sentence_start, i, &kinds).last().map(|(_, _, p)| p.means))
                .map(|k| of_sentence(k, sentence_start, i))
                .unwrap_or(Means::AnyFile);
            let bytes = value.saturating_mul(mult) / 1000;
            if before.is_empty() && !in_total && !trailing_total && bytes >= 1 {
                mentions.push(Mention::Size { bytes, kind });
            }
            prev_end = unit_end;
            i = unit_end;
            continue;
        }
        // "Photos 0/6": the site's own counter of a kind, its total the limit.
        if whole && low.get(num_end) == Some(&'/') {
            if let Some((total, true, total_end)) =
                low.get(num_end + 1).filter(|c| c.is_ascii_digit()).and_then(|_| number_at(&low, num_end + 1).or_else(|| counter_total(&low, num_end + 1)))
            {
                let ends = low.get(total_end).is_none_or(|c| !c.is_ascii_digit() && *c != '/' && *c != '.');
                // Only a counter of something named ("photos 0/6"): "delivered 3/4" is a date.
                let named = occurrences(&low, sentence_start, i, &kinds).last().map(|(_, _, p)| p.means);
                if let Some(kind) = named.filter(|_| ends && value <= total && (1000..=20_000).contains(&total)) {
                    mentions.push(Mention::Count { n: (total / 1000) as u32, kind });
                }
                prev_end = total_end;
                i = total_end;
                continue;
            }
        }
        if let Some((kind_phrase, kind_end)) = match_at(&low, after, &kinds) {
            let lead_max = !occurrences(&low, lead_from, i, &at_most).is_empty();
            let trail = skip_spaces(&low, kind_end);
            let trail = if matches!(low.get(trail), Some(',') | Some('.') | Some('(')) { skip_spaces(&low, trail + 1) } else { trail };
            let trail_max = match_at(&low, trail, &at_most).is_some();
            // "1 vidéo au format MP4, 20 Mo max.": a count opening its sentence is its limit too.
            // (Its field's own name before it, "Vidéo 1 vidéo …", still opens it.)
            let named = occurrences(&low, lead_from, i, &kinds);
            let opens = (lead_from..i).all(|k| !low[k].is_alphanumeric() || named.iter().any(|(s, e, _)| (*s..*e).contains(&k)));
            if whole && (lead_max || trail_max || opens) && before.is_empty() && (1000..=100_000).contains(&value) {
                mentions.push(Mention::Count { n: (value / 1000) as u32, kind: of_sentence(kind_phrase.means, sentence_start, i) });
            }
            prev_end = kind_end;
            i = kind_end;
            continue;
        }
        // "Photos (max 3)", "Upload up to 3": a bare maximum counts the files of the kind named
        // before it in the sentence, else files of any kind.
        let bare = low.get(after).is_none_or(|c| matches!(c, ')' | '.' | ',' | ';' | '）' | '，' | '。' | '；'));
        if whole && bare && before.is_empty() && (1000..=20_000).contains(&value) && !occurrences(&low, lead_from, i, &at_most).is_empty() {
            let kind = occurrences(&low, sentence_start, i, &kinds).last().map(|(_, _, p)| p.means).unwrap_or(Means::AnyFile);
            mentions.push(Mention::Count { n: (value / 1000) as u32, kind });
            prev_end = num_end;
        }
        i = num_end;
    }
    let min_opt = |a: Option<u64>, b: u64| Some(a.map_or(b, |a| a.min(b)));
    let min_u32 = |a: Option<u32>, b: u32| Some(a.map_or(b, |a| a.min(b)));
    let mut any_bytes = None;
    for m in mentions {
        match m {
            Mention::Size { bytes, kind: Means::Photo } => out.photo_bytes = min_opt(out.photo_bytes, bytes),
            Mention::Size { bytes, kind: Means::Video } => out.video_bytes = min_opt(out.video_bytes, bytes),
            Mention::Size { bytes, .. } => any_bytes = min_opt(any_bytes, bytes),
            Mention::Count { n, kind: Means::Photo } => out.photos = min_u32(out.photos, n),
            Mention::Count { n, kind: Means::Video } => out.videos = min_u32(out.videos, n),
            Mention::Count { n, .. } => out.files = min_u32(out.files, n),
        }
    }
    // A size for "each file" holds for the kinds the hint gives no size of their own.
    out.photo_bytes = out.photo_bytes.or(any_bytes);
    out.video_bytes = out.video_bytes.or(any_bytes);
    out.formats = formats_named(&low);
    out
}

/// Format names in the hint, as whole words.
fn formats_named(low: &[char]) -> Vec<Format> {
    let mut out = vec![];
    let mut i = 0;
    while i < low.len() {
        if !low[i].is_ascii_alphanumeric() || (i > 0 && low[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut end = i;
        while low.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            end += 1;
        }
        let word: String = low[i..end].iter().collect();
        if let Some((_, f)) = FORMAT_WORDS.iter().find(|(w, _)| *w == word) {
            out.push(*f);
        }
        i = end;
    }
    in_table_order(&out)
}

/// The rules of one input: the page's statements where it makes them, the defaults elsewhere.
pub fn rules_for(accept: Option<&str>, multiple: bool, hint: &str, defaults: &EvidenceDefaults) -> UploadRules {
    let h = read_hint(hint);
    let accepted = accept.and_then(read_accept);
    let (base, base_from) = match accepted {
        Some(a) => (a, Origin::Accept),
        None => (defaults.formats.clone(), Origin::Default),
    };
    // Formats the text names narrow the formats of their kind ("JPG or PNG" for the photos),
    // and leave the other kinds as they were: refusing a video the form takes would be worse
    // than letting the site refuse it.
    let mut formats: Vec<Format> = vec![];
    let mut narrowed = false;
    for f in &base {
        let named_of_kind: Vec<Format> = h.formats.iter().copied().filter(|n| n.kind() == f.kind()).collect();
        let keep_kind = named_of_kind.iter().any(|n| base.contains(n));
        if named_of_kind.is_empty() || !keep_kind || named_of_kind.contains(f) {
            formats.push(*f);
        } else {
            narrowed = true;
        }
    }
    if base_from == Origin::Default && !h.formats.is_empty() {
        // No accept: the formats the text names are what the form takes, for their kinds.
        for n in &h.formats {
            if !formats.contains(n) {
                formats.push(*n);
                narrowed = true;
            }
        }
        formats = in_table_order(&formats);
    }
    let formats_from = if narrowed || (base_from == Origin::Default && !h.formats.is_empty()) { Origin::PageText } else { base_from };
    let stated = |v: Option<u64>, d: u64| v.map_or((d, Origin::Default), |v| (v, Origin::PageText));
    let (photo_bytes, photo_bytes_from) = stated(h.photo_bytes, defaults.max_photo_bytes);
    let (video_bytes, video_bytes_from) = stated(h.video_bytes, defaults.max_video_bytes);
    // The default count applies only where the page states no count at all.
    let (files, files_from) = match (h.files, h.photos.is_some() || h.videos.is_some()) {
        (Some(n), _) => (Some(n), Origin::PageText),
        (None, true) => (None, Origin::PageText),
        (None, false) => (Some(defaults.max_files), Origin::Default),
    };
    // Open: every kind when the page names no format; else the kinds its accept takes by
    // wildcard. A kind the text names formats of is stated either way.
    let open_base = if base_from == Origin::Default { ALL_KINDS.to_vec() } else { wildcard_kinds(accept.unwrap_or("")) };
    let open_kinds = open_base.into_iter().filter(|k| !h.formats.iter().any(|f| f.kind() == *k)).collect();
    UploadRules {
        formats,
        formats_from,
        photo_bytes,
        photo_bytes_from,
        video_bytes,
        video_bytes_from,
        files,
        files_from,
        photos: h.photos,
        videos: h.videos,
        multiple,
        strip_location: defaults.strip_location,
        open_kinds,
        place: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    const MB: u64 = 1 << 20;

    fn hint(text: &str) -> HintLimits {
        read_hint(text)
    }

    #[test]
    fn photographs_are_photos_in_every_language() {
        // (Blind round sixteen: "Até 3 fotografias" had left the count at the default.)
        for (text, n) in [("Até 3 fotografias · JPG, PNG ou WEBP", 3), ("Hasta 4 fotografías", 4), ("Up to 5 photographs", 5), ("Bis zu 2 Aufnahmen", 2)] {
            assert_eq!(hint(text).photos, Some(n), "{text}");
        }
    }

    #[test]
    fn accept_attributes_name_formats() {
        use Format::*;
        assert_eq!(read_accept("image/jpeg,image/png,video/mp4"), Some(vec![Jpeg, Png, Mp4]));
        assert_eq!(read_accept(".jpg, .JPEG ,.png"), Some(vec![Jpeg, Png]));
        assert_eq!(read_accept("image/*"), Some(vec![Jpeg, Png, Gif, Bmp, Webp]));
        assert_eq!(read_accept("image/*,.heic"), Some(vec![Jpeg, Png, Gif, Bmp, Webp, Heic]));
        assert_eq!(read_accept("video/*").map(|v| v.len()), Some(6));
        assert_eq!(read_accept(".txt,.docx"), None);
        assert_eq!(read_accept(""), None);
        assert_eq!(read_accept("*/*").map(|v| v.len()), Some(FORMATS.len()));
    }

    #[test]
    fn a_count_opening_its_hint_is_its_limit() {
        // (Blind contract page r6-evidence-dispute-detail-fr-photo-and-video-inputs.)
        assert_eq!(hint("1 vidéo au format MP4, 20 Mo max.").videos, Some(1));
        assert_eq!(hint("Vidéo 1 vidéo au format MP4, 20 Mo max.").videos, Some(1));
        assert_eq!(hint("Envoyez-nous 2 vidéos").videos, None);
    }

    #[test]
    fn english_hints() {
        let h = hint("Up to 3 photos, max 5 MB each (JPG, PNG). Videos up to 50 MB, MP4 only.");
        assert_eq!((h.photos, h.photo_bytes, h.video_bytes, h.files), (Some(3), Some(5 * MB), Some(50 * MB), None));
        assert_eq!(h.formats, vec![Format::Jpeg, Format::Png, Format::Mp4]);
        let h = hint("You can upload up to 5 pictures. Each picture should be less than 2MB.");
        assert_eq!((h.photos, h.photo_bytes), (Some(5), Some(2 * MB)));
        let h = hint("Max 5 MB per photo and 50 MB per video");
        assert_eq!((h.photo_bytes, h.video_bytes), (Some(5 * MB), Some(50 * MB)));
        let h = hint("Maximum 6 files, 10MB each");
        assert_eq!((h.files, h.photo_bytes, h.video_bytes), (Some(6), Some(10 * MB), Some(10 * MB)));
        let h = hint("Attach 2.5 MB or smaller images, no more than 4 images");
        assert_eq!((h.photo_bytes, h.photos), (Some(5 * MB / 2), Some(4)));
        let h = hint("Video (max 20M, MP4/AVI)");
        assert_eq!((h.video_bytes, h.formats.clone()), (Some(20 * MB), vec![Format::Mp4, Format::Avi]));
    }

    #[test]
    fn hints_in_the_other_languages() {
        let h = hint("Jusqu'à 3 photos, 5 Mo maximum chacune.");
        assert_eq!((h.photos, h.photo_bytes), (Some(3), Some(5 * MB)));
        let h = hint("Не более 6 фото, до 5 МБ каждое. Видео до 100 Мб.");
        assert_eq!((h.photos, h.photo_bytes, h.video_bytes), (Some(6), Some(5 * MB), Some(100 * MB)));
        let h = hint("Hasta 4 imágenes de máximo 3 MB cada una (JPG o PNG)");
        assert_eq!((h.photos, h.photo_bytes, h.formats.len()), (Some(4), Some(3 * MB), 2));
        let h = hint("Até 5 fotos, no máximo 8 MB cada. Vídeo: até 30 MB");
        assert_eq!((h.photos, h.photo_bytes, h.video_bytes), (Some(5), Some(8 * MB), Some(30 * MB)));
        let h = hint("Bis zu 3 Fotos, max. 5 MB pro Datei");
        assert_eq!((h.photos, h.photo_bytes), (Some(3), Some(5 * MB)));
        let h = hint("Dodaj do 4 zdjęć, maksymalnie 6 MB każde");
        assert_eq!((h.photos, h.photo_bytes), (Some(4), Some(6 * MB)));
        let h = hint("最多上传3张图片，每张不超过5MB，支持JPG、PNG格式");
        assert_eq!((h.photos, h.photo_bytes, h.formats.clone()), (Some(3), Some(5 * MB), vec![Format::Jpeg, Format::Png]));
        let h = hint("视频不超过50MB");
        assert_eq!(h.video_bytes, Some(50 * MB));
        // "Only one" in words (blind round twelve).
        let h = hint("Nur ein Video im MP4-Format, bis 20 MB.");
        assert_eq!((h.videos, h.video_bytes), (Some(1), Some(20 * MB)));
        let h = hint("Ajoutez un fichier, 5 Mo max.");
        assert_eq!(h.files, None);
        // Counts in words (blind round thirteen); not a word that is another language's word.
        let h = hint("Puedes subir hasta cuatro fotos, de no más de 3 MB cada una (JPG o PNG).");
        assert_eq!((h.photos, h.photo_bytes), (Some(4), Some(3 * MB)));
        assert_eq!(hint("Bis zu drei Fotos, je 5 MB.").photos, Some(3));
        assert_eq!(hint("Wybierz ten plik, maks. 5 MB.").files, None);
        // A measure word between the count and the kind (blind round eleven).
        let h = hint("最多2个视频，每个不超过20MB，仅支持MP4");
        assert_eq!((h.videos, h.video_bytes), (Some(2), Some(20 * MB)));
    }

    #[test]
    fn files_in_a_sentence_about_one_kind_are_of_that_kind() {
        // (Blind contract page dispute-current-fr-picks-script-built-form.)
        let h = hint("Photos : jusqu\u{2019}à 3 fichiers JPG, PNG ou WEBP, 5 Mo maximum chacun. Vidéo : 1 fichier MP4, 50 Mo maximum.");
        assert_eq!((h.photos, h.videos, h.files), (Some(3), Some(1), None));
        assert_eq!((h.photo_bytes, h.video_bytes), (Some(5 * MB), Some(50 * MB)));
        let h = hint("Photos: up to 3 files, 5 MB each");
        assert_eq!((h.photos, h.photo_bytes, h.video_bytes), (Some(3), Some(5 * MB), None));
        // Both kinds named: the files are of any kind.
        let h = hint("Photos and videos: up to 6 files, 10 MB each");
        assert_eq!((h.files, h.photo_bytes, h.video_bytes), (Some(6), Some(10 * MB), Some(10 * MB)));
    }

    #[test]
    fn bare_maximums_and_counters() {
        assert_eq!(hint("Upload evidence (up to 3)").files, Some(3));
        assert_eq!(hint("Photos (max 4), videos (max 1)"), HintLimits { photos: Some(4), videos: Some(1), ..Default::default() });
        assert_eq!(hint("Upload photos 0/6").photos, Some(6));
        assert_eq!(hint("Files 2/5").files, Some(5));
        // Dates and big counters are not limits.
        assert_eq!(hint("Photos taken 03/04/2024"), HintLimits::default());
        assert_eq!(hint("Description 0/500"), HintLimits::default());
        assert_eq!(hint("Delivered 3/4"), HintLimits::default());
    }

    #[test]
    fn what_is_not_a_limit_is_not_read_as_one() {
        // Minimums, totals, order ids, resolutions and prose are no limits.
        assert_eq!(hint("Upload at least 2 photos"), HintLimits::default());
        assert_eq!(hint("20 MB in total"), HintLimits::default());
        assert_eq!(hint("Order 8100000000007919 was placed on Mar 3"), HintLimits::default());
        assert_eq!(hint("Show 3 photos of the item"), HintLimits::default());
        assert_eq!(hint("Describe the problem in 500 characters"), HintLimits::default());
        assert_eq!(hint("Dodaj zdjęcia"), HintLimits::default());
        assert_eq!(hint(""), HintLimits::default());
    }

    #[test]
    fn the_page_wins_over_defaults_and_defaults_fill_the_rest() {
        let d = EvidenceDefaults::default();
        let r = rules_for(Some("image/*"), true, "Up to 3 photos, max 2 MB each (JPG, PNG)", &d);
        assert_eq!((r.formats.clone(), r.formats_from), (vec![Format::Jpeg, Format::Png], Origin::PageText));
        assert_eq!((r.photo_bytes, r.photo_bytes_from), (2 * MB, Origin::PageText));
        assert_eq!((r.video_bytes, r.video_bytes_from), (d.max_video_bytes, Origin::Default));
        assert_eq!((r.files, r.photos), (None, Some(3)));
        let r = rules_for(None, false, "", &d);
        assert_eq!((r.formats, r.formats_from), (d.formats.clone(), Origin::Default));
        assert_eq!((r.files, r.files_from), (Some(d.max_files), Origin::Default));
        let r = rules_for(Some("image/png"), true, "JPG only", &d);
        assert_eq!((r.formats, r.formats_from), (vec![Format::Png], Origin::Accept));
        // The text names photo formats: videos the form accepts stay accepted.
        let r = rules_for(Some("image/*,video/mp4"), true, "Photos: JPG or PNG", &d);
        assert_eq!((r.formats, r.formats_from), (vec![Format::Jpeg, Format::Png, Format::Mp4], Origin::PageText));
        let r = rules_for(None, true, "MP4 or MOV, 50 MB", &d);
        assert_eq!(r.formats.iter().filter(|f| f.kind() == Kind::Video).count(), 2);
        assert!(r.formats.contains(&Format::Jpeg));
    }

    #[test]
    fn open_kinds_are_the_ones_the_page_names_no_format_of() {
        let d = EvidenceDefaults::default();
        use Kind::*;
        // Nothing stated: every kind's formats are our guess.
        let r = rules_for(None, true, "", &d);
        assert_eq!(r.open_kinds, vec![Photo, Video, Document, Archive]);
        assert!(r.all_formats_open());
        // The text names photo formats: photos are stated, the rest still guessed.
        assert_eq!(rules_for(None, true, "JPG or PNG", &d).open_kinds, vec![Video, Document, Archive]);
        // A wildcard leaves its kind open; listed types close everything.
        assert_eq!(rules_for(Some("image/*"), true, "", &d).open_kinds, vec![Photo]);
        assert_eq!(rules_for(Some("image/*,video/mp4"), true, "", &d).open_kinds, vec![Photo]);
        assert_eq!(rules_for(Some("image/*"), true, "Photos: JPG or PNG", &d).open_kinds, Vec::<Kind>::new());
        assert_eq!(rules_for(Some("image/jpeg,image/png,video/mp4"), true, "", &d).open_kinds, Vec::<Kind>::new());
        assert!(rules_for(Some("*/*"), true, "", &d).all_formats_open());
        assert!(!rules_for(Some("image/*"), true, "", &d).all_formats_open());
    }
}
