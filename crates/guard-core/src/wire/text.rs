//! Text rules the page side and the core share: whitespace as JavaScript's `\s` sees it. A
//! leaf: every layer may use it.

/// Collapses runs of whitespace to one space and trims, exactly as the content script does
/// (JavaScript's `\s` set, so both sides agree on every page).
pub fn collapse_ws(s: &str) -> String {
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
