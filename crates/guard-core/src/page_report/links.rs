//! Addresses in a report: where a link goes stays (scheme, host, path: the page's structure),
//! what it says about the shopper does not. Query values are replaced (keys kept), numbers in
//! the path and the query consistently with the rest of the report, so a link to an order still
//! names the same (fake) order as the text beside it.

use super::fake::Faker;

/// The address with everything of the shopper's replaced, and how many values were replaced.
pub fn anonymise(url: &str, fake: &mut Faker) -> (String, usize) {
    let trimmed = url.trim();
    let lower = trimmed.to_ascii_lowercase();
    // Script links do nothing a reader needs; inline data may be a picture.
    if lower.starts_with("javascript:") {
        return ("javascript:;".into(), 0);
    }
    if lower.starts_with("data:") || lower.starts_with("blob:") {
        return (String::new(), 1);
    }
    if let Some(rest) = ["mailto:", "tel:", "sms:"].iter().find_map(|p| lower.starts_with(p).then(|| &trimmed[p.len()..])) {
        let scheme = &trimmed[..trimmed.len() - rest.len()];
        return (format!("{scheme}{}", fake.fill(rest)), 1);
    }
    let (before_frag, frag) = trimmed.split_once('#').map_or((trimmed, None), |(a, b)| (a, Some(b)));
    let (base, query) = before_frag.split_once('?').map_or((before_frag, None), |(a, b)| (a, Some(b)));
    let mut replaced = 0;
    // No user name or password in an address we keep.
    let base = match base.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.find('/').map_or((rest, ""), |i| rest.split_at(i));
            let host = authority.rsplit('@').next().unwrap_or(authority);
            if host.len() != authority.len() {
                replaced += 1;
            }
            format!("{scheme}://{host}{}", numbers_in(path, fake, &mut replaced))
        }
        None => numbers_in(base, fake, &mut replaced),
    };
    let mut out = base;
    if let Some(q) = query {
        out.push('?');
        let parts: Vec<String> = q
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) if !v.is_empty() => {
                    replaced += 1;
                    format!("{k}={}", value(v, fake))
                }
                _ => kv.to_string(),
            })
            .collect();
        out.push_str(&parts.join("&"));
    }
    if let Some(f) = frag.filter(|f| !f.is_empty()) {
        out.push('#');
        // "#/order" routes are the site's; anything else in a fragment is replaced.
        if f.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "/-_.".contains(c)) && !f.bytes().any(|b| b.is_ascii_digit()) {
            out.push_str(f);
        } else {
            replaced += 1;
            out.push_str(&value(f, fake));
        }
    }
    (out, replaced)
}

/// Runs of five digits or more in a path ("/order-list/5012…", "/item/1005003001.html").
fn numbers_in(path: &str, fake: &mut Faker, replaced: &mut usize) -> String {
    let mut out = String::with_capacity(path.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String, fake: &mut Faker, replaced: &mut usize| {
        if run.len() >= 5 {
            out.push_str(&fake.fake_digits(run));
            *replaced += 1;
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in path.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out, fake, replaced);
            out.push(c);
        }
    }
    flush(&mut run, &mut out, fake, replaced);
    out
}

/// A query value: numbers and codes become the same fakes as everywhere else in the report
/// (an order id in a link names the same fake order as the text beside it), the rest filler;
/// percent-escapes become plain filler letters.
fn value(v: &str, fake: &mut Faker) -> String {
    let mut plain = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            chars.next();
            chars.next();
            plain.push('x');
        } else {
            plain.push(c);
        }
    }
    let mut out = String::with_capacity(plain.len());
    let mut last = 0;
    for (r, shape) in super::shapes::scan(&plain, None) {
        out.push_str(&fake.fill(&plain[last..r.start]));
        out.push_str(&fake.stand_in(&plain[r.clone()], shape));
        last = r.end;
    }
    out.push_str(&fake.fill(&plain[last..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_where_a_link_goes_and_replaces_what_it_says() {
        let mut f = Faker::new(3);
        let (u, n) = anonymise("https://www.aliexpress.com/p/order/detail.html?orderId=8100000000000001&spm=a2g0o.order_list", &mut f);
        let id = f.fake_digits("8100000000000001");
        assert!(u.starts_with(&format!("https://www.aliexpress.com/p/order/detail.html?orderId={id}&spm=")), "{u}");
        assert!(!u.contains("a2g0o") && !u.contains("order_list"), "{u}");
        assert_eq!(n, 2);
        let (u, _) = anonymise("//aliexpress.ru/order-list/8100000000000001", &mut f);
        assert_eq!(u, format!("//aliexpress.ru/order-list/{id}"));
        let (u, _) = anonymise("mailto:jean.dupont@example.fr", &mut f);
        assert!(u.starts_with("mailto:") && !u.contains("jean") && !u.contains("example"), "{u}");
        let (u, _) = anonymise("https://user:secret@www.aliexpress.com/p/x?q=Jean%20Dupont#name=Jean", &mut f);
        assert!(!u.contains("secret") && !u.contains("Jean") && !u.contains("Dupont"), "{u}");
        assert_eq!(anonymise("javascript:void(0)", &mut f).0, "javascript:;");
        assert_eq!(anonymise("#/orders", &mut f).0, "#/orders");
    }
}
