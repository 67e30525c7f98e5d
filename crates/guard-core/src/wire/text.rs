//! Text rules the page side and the core share: whitespace as JavaScript's `\s` sees it. A
//! leaf: every layer may use it.

/// Collapses runs of whitespace to one space and trims, exactly as the content script does
/// (JavaScript's `\s` set, so both sides agree on every page).
pub fn collapse_ws(s: &str) -> String {
    // Texts from the content script come collapsed already, and a subtree's text is such texts
    // joined by single spaces: a scan of the bytes finds that out and copies them whole.
    if is_collapsed(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    // (Whole runs copied at once: a character at a time is the core's most frequent loop.)
    for run in s.split(is_js_space).filter(|r| !r.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
    }
    out
}

/// True when `collapse_ws(s)` is `s`: no whitespace at either end, none but single spaces
/// between words. Bytes, not characters: a character is decoded only where its first byte can
/// start one of the non-ASCII spaces (U+00A0 0xC2, U+1680 0xE1, U+2000–U+205F 0xE2, U+3000 0xE3,
/// U+FEFF 0xEF).
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut space_before = false;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if space_before => return false,
            b' ' => {
                space_before = true;
                continue;
            }
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef if s[i..].chars().next().is_some_and(is_js_space) => return false,
            _ => {}
        }
        space_before = false;
    }
    true
}

/// `hay.contains(part)`, quick where it is false: the reader asks it of every short text for
/// each of many words, and most of them are not there. A part longer than the text, or whose
/// first byte the text lacks (one byte search), is not in it; only then is the text searched.
pub fn holds(hay: &str, part: &str) -> bool {
    match part.as_bytes().first() {
        None => true,
        Some(b) => part.len() <= hay.len() && hay.as_bytes().contains(b) && hay.contains(part),
    }
}

/// JavaScript's `\s`: ECMAScript WhiteSpace and LineTerminator.
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// `s` in lower case, copied only when it has an upper-case ASCII letter (class names and test
/// ids, looked at on every element, mostly have none).
pub fn ascii_lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_is_contains() {
        for hay in ["", "a", "abc", "спор открыт", "订单已发货", "x\u{2009}y"] {
            for part in ["", "a", "bc", "abcd", "c", "открыт", "спор", "откр ", "发货", "订", "\u{2009}", "y", "z"] {
                assert_eq!(holds(hay, part), hay.contains(part), "{hay:?} {part:?}");
            }
        }
    }

    // The scan that skips the work must agree with the work on every text: spaces of each kind
    // at the ends, doubled, alone, beside characters whose first bytes they share.
    #[test]
    fn the_quick_scan_agrees_with_collapsing() {
        let parts = [
            "a", "é", " ", "  ", "\u{a0}", "\u{a9}", "\u{1680}", "\u{1681}", "\u{2009}", "\u{2010}", "\u{202f}", "\u{205f}", "\u{3000}", "\u{3001}",
            "\u{feff}", "\u{fe0f}", "\n", "\t", "\u{85}", "漢",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            texts = texts.iter().flat_map(|t| parts.iter().map(move |p| format!("{t}{p}"))).collect();
        }
        for t in &texts {
            let words: Vec<&str> = t.split(is_js_space).filter(|r| !r.is_empty()).collect();
            assert_eq!(collapse_ws(t), words.join(" "), "{t:?}");
            assert_eq!(is_collapsed(t), words.join(" ") == *t, "{t:?}");
        }
    }
}
