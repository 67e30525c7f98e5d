//! A window stated in a sentence no table lists ("Masz 30 dni od potwierdzenia odbioru, aby
//! poprosić o zwrot lub otworzyć spór"): its number of days, and what its other words say it is
//! for and counted from (`locales::families::window_of`). The reader takes it for the order; the
//! misread-page report keeps such a sentence as written.

use super::countdown;
use super::locales::{families, is_cjk, Lang};
use crate::wire::order::StatedWindow;

/// The window a text states: the sentence holding its one number of days (and no other number:
/// an amount, a countdown, a date), when its words say a window.
pub fn stated_window(text: &str, lang: Option<Lang>) -> Option<StatedWindow> {
    if text.len() > 300 {
        return None;
    }
    // The sentence holding the number ("Coś jest nie tak z przesyłką? Masz 30 dni …").
    let sentence = text.split_inclusive(['.', '!', '?', '。', '！', '？']).find(|s| s.contains(|c: char| c.is_ascii_digit()))?;
    let mut counts = sentence
        .char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && !sentence[..i].ends_with(|p: char| p.is_alphanumeric() && !is_cjk(p)))
        .filter_map(|(i, _)| countdown::days_prefix(&sentence[i..]).map(|(n, len)| (i, n, len)));
    let (at, days, len) = counts.next()?;
    if counts.next().is_some() || days == 0 {
        return None;
    }
    let words = format!("{} {}", &sentence[..at], &sentence[at + len..]);
    if words.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    families::window_of(&words, lang).map(|(purpose, from)| StatedWindow { days, from, purpose })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::order::{WindowPurpose, WindowStart};

    #[test]
    fn a_window_in_words_in_every_language() {
        let w = |t: &str| stated_window(t, None).map(|w| (w.days, w.purpose, w.from));
        let after_receipt = |days| Some((days, WindowPurpose::Dispute, WindowStart::ConfirmReceipt));
        assert_eq!(w("Coś nie tak? Masz 30 dni od potwierdzenia odbioru, aby otworzyć spór."), after_receipt(30));
        assert_eq!(w("You have 20 days after confirming receipt to open a dispute."), after_receipt(20));
        assert_eq!(w("Открыть спор можно в течение 15 дней после подтверждения получения."), after_receipt(15));
        assert_eq!(w("确认收货后30天内可以发起纠纷"), after_receipt(30));
        assert_eq!(
            w("Puedes pedir un reembolso hasta 20 días después de recibir el pedido."),
            Some((20, WindowPurpose::ReturnRefund, WindowStart::ConfirmReceipt))
        );
        // Not a window: from shipment, a countdown, an amount, nothing to open.
        assert_eq!(w("Free returns within 30 days of shipping."), None);
        assert_eq!(w("Receipt will be confirmed automatically in 9 days."), None);
        assert_eq!(w("Refund of up to 50 within 30 days of receipt."), None);
        assert_eq!(w("Delivered 3 days after the order."), None);
    }
}
