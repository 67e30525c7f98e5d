//! Stand-ins for what a report must not carry: filler of the same shape (same length, script,
//! case, word boundaries and punctuation, other digits) and fake ids that stay consistent within
//! one report (the same real order number always becomes the same fake one, so a link and the
//! text beside it still agree).
//!
//! The randomness is seeded by the caller (the extension draws the seed from
//! `crypto.getRandomValues` for each report; tests fix it). The seed is not written into the
//! report, so nothing in the file leads back to the real values.

use super::shapes::Shape;
use crate::read::locales::{self, families};
use std::collections::{HashMap, HashSet};

/// Whether the reader would take `word` for one of the site's: a word of a family (a status, a
/// label, an action), a table's term, a month or a unit of a countdown.
fn is_site_word(word: &str) -> bool {
    let folded = families::fold(word);
    let folded = folded.trim();
    !folded.is_empty()
        && (families::is_family_word(folded, None)
            || locales::term(word, None).is_some()
            || locales::month(word, None).is_some()
            || locales::time_unit(word).is_some())
}

/// SplitMix64: small, fast and good enough to pick letters; no cryptographic claim is needed
/// because the fillers carry no information about the originals at all.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n.max(1))) as u32
    }

    fn pick(&mut self, from: u32, to_inclusive: u32) -> char {
        let c = from + self.below(to_inclusive - from + 1);
        char::from_u32(c).unwrap_or('x')
    }
}

pub struct Faker {
    rng: Rng,
    /// Real digit strings → fake ones (order, tracking, phone and card numbers).
    digits: HashMap<String, String>,
    /// Real letter-and-digit codes → fake ones (tracking codes, IBANs).
    codes: HashMap<String, String>,
    /// Fakes handed out, so that two real values never share one.
    used: HashSet<String>,
}

impl Faker {
    pub fn new(seed: u64) -> Faker {
        Faker { rng: Rng::new(seed), digits: HashMap::new(), codes: HashMap::new(), used: HashSet::new() }
    }

    fn digit(&mut self, non_zero: bool) -> char {
        let d = if non_zero { 1 + self.rng.below(9) } else { self.rng.below(10) };
        char::from_digit(d, 10).unwrap_or('1')
    }

    /// The fake for a run of digits, the same for the same real digits throughout the report.
    /// Order-id-long runs keep their first digit (every current order id starts alike, so the
    /// shape a reader may look for survives); shorter runs keep only "no leading zero".
    pub fn fake_digits(&mut self, real: &str) -> String {
        if let Some(f) = self.digits.get(real) {
            return f.clone();
        }
        let n = real.chars().count();
        let first = real.chars().next().unwrap_or('1');
        let fake = loop {
            let mut s = String::with_capacity(n);
            for (i, c) in real.chars().enumerate() {
                s.push(match i {
                    0 if n >= 12 => first,
                    0 => self.digit(c != '0'),
                    _ => self.digit(false),
                });
            }
            if s != real && !self.used.contains(&s) {
                break s;
            }
        };
        self.used.insert(fake.clone());
        self.digits.insert(real.to_string(), fake.clone());
        fake
    }

    /// The fake for a code of letters and digits (a tracking code, an IBAN): the same for the
    /// same real code, letters for letters and digits for digits.
    pub fn fake_code(&mut self, real: &str) -> String {
        if let Some(f) = self.codes.get(real) {
            return f.clone();
        }
        let fake = loop {
            let s: String = real
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        self.digit(false)
                    } else if c.is_alphabetic() {
                        self.letter_like(c)
                    } else {
                        c
                    }
                })
                .collect();
            if s != real && !self.used.contains(&s) {
                break s;
            }
        };
        self.used.insert(fake.clone());
        self.codes.insert(real.to_string(), fake.clone());
        fake
    }

    /// The stand-in for a personal-data shape: numbers and codes by their consistent fakes
    /// (groups kept), amounts with other digits, e-mail addresses by filler; dates stay.
    pub fn stand_in(&mut self, s: &str, shape: Shape) -> String {
        match shape {
            Shape::Date(_) => s.to_string(),
            Shape::Email => self.fill(s),
            Shape::Money => self.other_digits(s),
            Shape::Code => {
                // The groups of an IBAN stay groups: the code is faked without its spaces.
                let plain: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                let fake = self.fake_code(&plain);
                let mut f = fake.chars();
                s.chars().map(|c| if c.is_whitespace() { c } else { f.next().unwrap_or('0') }).collect()
            }
            Shape::Number { .. } => {
                let digits: String = s.chars().filter(char::is_ascii_digit).collect();
                let fake = self.fake_digits(&digits);
                let mut f = fake.chars();
                s.chars().map(|c| if c.is_ascii_digit() { f.next().unwrap_or('0') } else { c }).collect()
            }
        }
    }

    /// Every digit of `text` changed (a price: its shape and currency mark kept), leading digits
    /// never zero where the real one was not.
    pub fn other_digits(&mut self, text: &str) -> String {
        for _ in 0..8 {
            let out = self.draw_digits(text);
            if out != text || !text.bytes().any(|b| b.is_ascii_digit()) {
                return out;
            }
        }
        // Eight identical draws (a one-digit price): change its first digit by hand.
        let mut done = false;
        text.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if !done => {
                    done = true;
                    char::from_digit(if d == 9 { 1 } else { d + 1 }, 10).unwrap_or('1')
                }
                _ => c,
            })
            .collect()
    }

    fn draw_digits(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut prev_digit = false;
        for c in text.chars() {
            if c.is_ascii_digit() {
                out.push(self.digit(!prev_digit && c != '0'));
                prev_digit = true;
            } else {
                out.push(c);
                prev_digit = false;
            }
        }
        out
    }

    /// Filler of the same shape: letters become random letters of the same script and case,
    /// digits random digits; spaces, punctuation and symbols stay, so words keep their lengths
    /// and the layout its line breaks. No word comes out as it went in.
    pub fn fill(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out: Vec<char> = Vec::with_capacity(chars.len());
        for (k, &c) in chars.iter().enumerate() {
            let f = self.fill_char(c, k > 0 && chars[k - 1].is_ascii_digit());
            out.push(f);
        }
        // A word drawn identical to the real one (a one-letter word, bad luck) is drawn again.
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            let mut tries = 0;
            while out[start..i] == chars[start..i] && tries < 8 {
                let c = chars[start];
                out[start] = if c.is_alphabetic() { self.letter_like(c) } else { self.digit(c != '0') };
                tries += 1;
            }
            if out[start..i] == chars[start..i] {
                out[start] = if chars[start] == 'x' { 'q' } else { 'x' };
            }
            // Nor a word the reader takes for the site's ("pay", "mar", "Closed"): the rebuilt page
            // would read otherwise than the shopper's. Drawn again whole, a few times at most.
            let mut tries = 0;
            while tries < 16 && is_site_word(&out[start..i].iter().collect::<String>()) {
                for k in start..i {
                    out[k] = self.fill_char(chars[k], k > 0 && chars[k - 1].is_ascii_digit());
                }
                tries += 1;
            }
        }
        out.into_iter().collect()
    }

    /// One character's filler: a letter of its script and case, a digit (not zero where the real
    /// one opens a number and is not zero), anything else as it is.
    fn fill_char(&mut self, c: char, prev_digit: bool) -> char {
        if c.is_ascii_digit() {
            self.digit(!prev_digit && c != '0')
        } else if c.is_alphabetic() {
            self.letter_like(c)
        } else if c.is_numeric() {
            self.digit(false)
        } else {
            c
        }
    }

    /// A random letter of `c`'s script and case.
    fn letter_like(&mut self, c: char) -> char {
        let upper = c.is_uppercase();
        let u = c as u32;
        let r = &mut self.rng;
        let l = match u {
            0x0041..=0x024F | 0x1E00..=0x1EFF => {
                if upper {
                    r.pick(0x41, 0x5A)
                } else {
                    r.pick(0x61, 0x7A)
                }
            }
            0x0400..=0x04FF => {
                if upper {
                    r.pick(0x410, 0x42F)
                } else {
                    r.pick(0x430, 0x44F)
                }
            }
            0x0370..=0x03FF => {
                if upper {
                    r.pick(0x391, 0x3A1)
                } else {
                    r.pick(0x3B1, 0x3C9)
                }
            }
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF => r.pick(0x4E00, 0x9FA5),
            0xAC00..=0xD7A3 => r.pick(0xAC00, 0xD7A3),
            0x3041..=0x309F => r.pick(0x3041, 0x3096),
            0x30A0..=0x30FF => r.pick(0x30A1, 0x30FA),
            0x0600..=0x06FF => r.pick(0x0628, 0x064A),
            0x0590..=0x05FF => r.pick(0x05D0, 0x05EA),
            0x0E00..=0x0E7F => r.pick(0x0E01, 0x0E2E),
            0x0900..=0x097F => r.pick(0x0915, 0x0939),
            _ => {
                // Another script: a letter from the same block of the code chart.
                let base = u & !0xFF;
                (0..16).map(|_| r.pick(base, base + 0xFF)).find(|x| x.is_alphabetic() && *x != c && x.is_uppercase() == upper).unwrap_or(if upper {
                    'X'
                } else {
                    'x'
                })
            }
        };
        if l == c {
            // Same letter drawn: take its neighbour in the alphabet (still the same script).
            char::from_u32(u + 1).filter(|n| n.is_alphabetic() && n.is_uppercase() == upper).unwrap_or(if upper { 'X' } else { 'x' })
        } else {
            l
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn filler_never_makes_a_word_of_the_site() {
        // Product titles and store names of every script the tables know, over many seeds
        // (seed 6 once turned a title's last word into "pay", and the card read as unpaid).
        let texts = [
            "Wireless earbuds with charging case, two pairs",
            "Boutique Officielle Beauté du Sud",
            "Наушники беспроводные с кейсом",
            "Zestaw do pieczenia dla dzieci",
            "Kopfhörer mit Ladeetui und Kabel",
            "无线耳机 充电盒",
        ];
        for seed in 0..400 {
            let mut f = Faker::new(seed);
            for text in texts {
                let out = f.fill(text);
                for word in out.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    assert!(!is_site_word(word), "seed {seed}: {text:?} → {out:?}: {word:?} is a word of the site");
                }
            }
        }
    }

    use super::*;

    #[test]
    fn filler_keeps_the_shape_and_changes_every_word() {
        let mut f = Faker::new(7);
        let real = "Jean-Pierre Dupont, 12 rue de l'Église — Москва 北京 a I";
        let fake = f.fill(real);
        assert_eq!(fake.chars().count(), real.chars().count());
        for (a, b) in real.chars().zip(fake.chars()) {
            assert_eq!(a.is_alphabetic(), b.is_alphabetic(), "{real} → {fake}");
            assert_eq!(a.is_ascii_digit(), b.is_ascii_digit());
            assert_eq!(a.is_uppercase(), b.is_uppercase(), "{a} → {b}");
            if !a.is_alphanumeric() {
                assert_eq!(a, b);
            }
            if ('а'..='я').contains(&a.to_lowercase().next().unwrap()) {
                assert!(('а'..='я').contains(&b.to_lowercase().next().unwrap()), "Cyrillic stays Cyrillic: {b}");
            }
            if crate::read::locales::is_cjk(a) {
                assert!(crate::read::locales::is_cjk(b));
            }
        }
        for (a, b) in real.split(|c: char| !c.is_alphanumeric()).zip(fake.split(|c: char| !c.is_alphanumeric())) {
            if !a.is_empty() {
                assert_ne!(a, b, "{real} → {fake}");
            }
        }
    }

    #[test]
    fn ids_are_consistent_distinct_and_of_the_same_shape() {
        let mut f = Faker::new(1);
        let a = f.fake_digits("8100000000000001");
        assert_eq!(a, f.fake_digits("8100000000000001"));
        assert_eq!(a.len(), 16);
        assert!(a.starts_with('8') && a != "8100000000000001");
        let b = f.fake_digits("8100000000000002");
        assert_ne!(a, b);
        let short = f.fake_digits("01234");
        assert_eq!(short.len(), 5);
        assert_ne!(short, "01234");
        let code = f.fake_code("LP00123456789012");
        assert_eq!(code, f.fake_code("LP00123456789012"));
        assert!(code[..2].chars().all(|c| c.is_ascii_uppercase()) && code[2..].chars().all(|c| c.is_ascii_digit()));
        let price = f.other_digits("US $23.10");
        assert!(price.starts_with("US $") && price.len() == 9 && &price[6..7] == ".");
        assert!(!price[4..5].starts_with('0'));
    }
}
