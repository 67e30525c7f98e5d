//! What the dispute forms say, in the eight interface languages: the problem choices, the
//! refund amount field, "system busy". One row per phrase with its source: SOURCES.md where the
//! facts quote the site, "team" for the team's best knowledge (SOURCES.md has no sample of the
//! dispute form's own words beyond "Have you received your package?" and "system busy").
//! Matching is case-insensitive, on substrings of the label.

use crate::read::locales::{Lang, Source};
use crate::wire::forms::Problem;

pub struct ProblemLabel {
    pub lang: Lang,
    pub text: &'static str,
    pub problem: Problem,
    pub source: Source,
}

const TEAM: &str = "team";
const PUBLIC_RULES: &str = "SOURCES.md section 6";
const PUBLIC_PAGES: &str = "SOURCES.md section 1 (start a return/refund)";

macro_rules! labels {
    ($($lang:ident $problem:ident => [$($text:expr),* $(,)?];)*) => {
        &[$($(ProblemLabel { lang: Lang::$lang, text: $text, problem: Problem::$problem, source: Source::new(TEAM) },)*)*]
    };
}

/// Longer, more specific phrases first: "not as described" before "described".
pub const PROBLEM_LABELS: &[ProblemLabel] = labels! {
    En NotAsDescribed => ["not as described", "different from description", "does not match the description", "doesn't match the description", "quality"];
    En WrongItem => ["wrong item", "wrong product", "different item", "wrong color", "wrong size"];
    En MissingParts => ["missing parts", "missing part", "parts missing", "missing item", "incomplete", "quantity"];
    En Fake => ["counterfeit", "fake", "not original", "not genuine", "replica"];
    En Damaged => ["damaged", "broken", "defective", "doesn't work", "does not work"];
    En NotReceived => ["not received", "didn't receive", "did not receive", "haven't received", "have not received", "never arrived", "not delivered"];
    Fr NotAsDescribed => ["non conforme", "pas conforme", "différent de la description", "qualité"];
    Fr WrongItem => ["mauvais article", "mauvais produit", "article différent", "mauvaise couleur", "mauvaise taille"];
    Fr MissingParts => ["pièces manquantes", "manquant", "incomplet", "quantité"];
    Fr Fake => ["contrefaçon", "faux", "pas authentique", "pas original"];
    Fr Damaged => ["endommagé", "cassé", "défectueux", "abîmé", "ne fonctionne pas"];
    Fr NotReceived => ["non reçu", "pas reçu", "jamais reçu", "pas été livré", "non livré"];
    Ru NotAsDescribed => ["не соответствует описанию", "не соответствует", "качество"];
    Ru WrongItem => ["не тот товар", "другой товар", "не тот цвет", "не тот размер"];
    Ru MissingParts => ["некомплект", "не хватает", "неполная комплектация", "количество"];
    Ru Fake => ["подделка", "контрафакт", "не оригинал"];
    Ru Damaged => ["поврежден", "повреждён", "сломан", "брак", "не работает"];
    Ru NotReceived => ["не получил", "не получен", "не доставлен", "посылка не пришла", "не пришел", "не пришёл"];
    Es NotAsDescribed => ["no coincide con la descripción", "no es como se describe", "diferente a la descripción", "calidad"];
    Es WrongItem => ["artículo equivocado", "producto equivocado", "artículo incorrecto", "producto incorrecto", "color equivocado"];
    Es MissingParts => ["faltan piezas", "faltan partes", "incompleto", "cantidad"];
    Es Fake => ["falsificado", "falso", "no original", "imitación"];
    Es Damaged => ["dañado", "roto", "defectuoso", "no funciona"];
    Es NotReceived => ["no recibido", "no he recibido", "no recibí", "no llegó", "no entregado"];
    Pt NotAsDescribed => ["não corresponde à descrição", "diferente da descrição", "não é como descrito", "qualidade"];
    Pt WrongItem => ["item errado", "produto errado", "item diferente", "cor errada", "tamanho errado"];
    Pt MissingParts => ["faltando peças", "peças faltando", "incompleto", "quantidade"];
    Pt Fake => ["falsificado", "falso", "não original", "réplica"];
    Pt Damaged => ["danificado", "quebrado", "defeituoso", "não funciona"];
    Pt NotReceived => ["não recebido", "não recebi", "não chegou", "não entregue"];
    De NotAsDescribed => ["nicht wie beschrieben", "entspricht nicht der beschreibung", "qualität"];
    De WrongItem => ["falscher artikel", "falsches produkt", "anderer artikel", "falsche farbe", "falsche größe"];
    De MissingParts => ["fehlende teile", "teile fehlen", "unvollständig", "menge"];
    De Fake => ["fälschung", "gefälscht", "nicht original", "plagiat"];
    De Damaged => ["beschädigt", "kaputt", "defekt", "funktioniert nicht"];
    De NotReceived => ["nicht erhalten", "nicht angekommen", "nicht geliefert", "nie angekommen"];
    Pl NotAsDescribed => ["niezgodny z opisem", "niezgodne z opisem", "jakość"];
    Pl WrongItem => ["zły produkt", "niewłaściwy produkt", "inny produkt", "zły kolor", "zły rozmiar"];
    Pl MissingParts => ["brakujące części", "brak części", "niekompletn", "ilość"];
    Pl Fake => ["podróbka", "podrobiony", "nieoryginalny", "nie oryginalny"];
    Pl Damaged => ["uszkodzony", "uszkodzone", "zepsuty", "wadliwy", "nie działa"];
    Pl NotReceived => ["nie otrzymałem", "nie otrzymałam", "nie dotarła", "nie dotarł", "nie doręczono", "nieotrzymany"];
    Zh NotAsDescribed => ["与描述不符", "描述不符", "质量问题"];
    Zh WrongItem => ["发错货", "错误的商品", "商品不对", "颜色不对", "尺寸不对"];
    Zh MissingParts => ["缺少配件", "少件", "漏发", "数量不足"];
    Zh Fake => ["假货", "仿冒", "非正品"];
    Zh Damaged => ["损坏", "破损", "无法使用", "不工作"];
    Zh NotReceived => ["未收到", "没有收到", "没收到"];
};

/// "Have you received your package?", the start page's first question: its "No" means the
/// package has not arrived.
pub const RECEIVED_QUESTION: &[(Lang, &str, &str)] = &[
    (Lang::En, "have you received", PUBLIC_PAGES),
    (Lang::En, "did you receive", TEAM),
    (Lang::Fr, "avez-vous reçu", TEAM),
    (Lang::Ru, "вы получили", TEAM),
    (Lang::Es, "has recibido", TEAM),
    (Lang::Es, "ha recibido", TEAM),
    (Lang::Pt, "você recebeu", TEAM),
    (Lang::De, "paket erhalten", TEAM),
    (Lang::De, "sendung erhalten", TEAM),
    (Lang::Pl, "czy otrzymałeś", TEAM),
    (Lang::Pl, "czy otrzymałaś", TEAM),
    (Lang::Zh, "收到包裹", TEAM),
    (Lang::Zh, "收到货", TEAM),
];

/// The answer "No" to that question.
pub const NO: &[(Lang, &str)] = &[
    (Lang::En, "no"),
    (Lang::Fr, "non"),
    (Lang::Ru, "нет"),
    (Lang::Es, "no"),
    (Lang::Pt, "não"),
    (Lang::De, "nein"),
    (Lang::Pl, "nie"),
    (Lang::Zh, "否"),
    (Lang::Zh, "没有"),
];

/// Labels of the refund amount field. Source: team.
pub const AMOUNT_LABELS: &[(Lang, &str)] = &[
    (Lang::En, "refund amount"),
    (Lang::En, "amount"),
    (Lang::Fr, "montant"),
    (Lang::Ru, "сумма"),
    (Lang::Ru, "сумму"),
    (Lang::Es, "importe"),
    (Lang::Es, "monto"),
    (Lang::Pt, "valor"),
    (Lang::De, "betrag"),
    (Lang::Pl, "kwota"),
    (Lang::Pl, "kwotę"),
    (Lang::Zh, "金额"),
];

/// "System busy, try again later". English from SOURCES.md section 6 ("system busy" errors); the
/// others: team.
pub const BUSY: &[(Lang, &str, &str)] = &[
    (Lang::En, "system busy", PUBLIC_RULES),
    (Lang::En, "system is busy", PUBLIC_RULES),
    (Lang::En, "server is busy", TEAM),
    (Lang::En, "system is currently busy", TEAM),
    (Lang::Fr, "système est occupé", TEAM),
    (Lang::Fr, "système occupé", TEAM),
    (Lang::Fr, "système est surchargé", TEAM),
    (Lang::Ru, "система занята", TEAM),
    (Lang::Ru, "система перегружена", TEAM),
    (Lang::Ru, "сервер занят", TEAM),
    (Lang::Es, "sistema está ocupado", TEAM),
    (Lang::Es, "sistema ocupado", TEAM),
    (Lang::Pt, "sistema está ocupado", TEAM),
    (Lang::Pt, "sistema ocupado", TEAM),
    (Lang::De, "system ist ausgelastet", TEAM),
    (Lang::De, "system ist beschäftigt", TEAM),
    (Lang::De, "system überlastet", TEAM),
    (Lang::Pl, "system jest zajęty", TEAM),
    (Lang::Pl, "system jest przeciążony", TEAM),
    (Lang::Zh, "系统繁忙", TEAM),
    (Lang::Zh, "系统忙", TEAM),
    (Lang::Zh, "服务器繁忙", TEAM),
];

/// Words that say what the shopper wants, in the languages written in Latin script (a text in
/// another script is flagged anyway). Source: team.
pub const OUTCOMES: &[(Lang, &str)] = &[
    (Lang::En, "refund"),
    (Lang::En, "money back"),
    (Lang::En, "return"),
    (Lang::En, "replacement"),
    (Lang::En, "replace"),
    (Lang::En, "resend"),
    (Lang::En, "reship"),
    (Lang::En, "compensation"),
    (Lang::Fr, "rembourse"),
    (Lang::Fr, "remplacement"),
    (Lang::Fr, "renvoi"),
    (Lang::Es, "reembolso"),
    (Lang::Es, "devolución"),
    (Lang::Es, "reemplazo"),
    (Lang::Pt, "reembolso"),
    (Lang::Pt, "devolução"),
    (Lang::Pt, "substituição"),
    (Lang::De, "rückerstattung"),
    (Lang::De, "erstattung"),
    (Lang::De, "rückgabe"),
    (Lang::De, "ersatz"),
    (Lang::Pl, "zwrot"),
    (Lang::Pl, "wymian"),
    (Lang::Ru, "возврат"),
    (Lang::Zh, "退款"),
    (Lang::Zh, "退货"),
];

/// The problem a label names, if any.
pub fn problem_in(label: &str) -> Option<Problem> {
    let l = label.to_lowercase();
    PROBLEM_LABELS.iter().find(|p| l.contains(p.text)).map(|p| p.problem)
}

pub fn is_busy(text: &str) -> bool {
    let l = text.to_lowercase();
    BUSY.iter().any(|(_, p, _)| l.contains(p))
}

pub fn asks_if_received(text: &str) -> bool {
    let l = text.to_lowercase();
    RECEIVED_QUESTION.iter().any(|(_, p, _)| l.contains(p))
}

pub fn is_no(label: &str) -> bool {
    let l = crate::read::locales::normalise(label);
    let l = l.trim_end_matches(['.', '!']);
    NO.iter().any(|(_, w)| l == *w)
}

pub fn is_amount_label(text: &str) -> bool {
    let l = text.to_lowercase();
    AMOUNT_LABELS.iter().any(|(_, p)| l.contains(p))
}

pub fn names_outcome(text: &str) -> bool {
    let l = text.to_lowercase();
    OUTCOMES.iter().any(|(_, p)| l.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_every_problem_and_busy() {
        for lang in [Lang::En, Lang::Fr, Lang::Ru, Lang::Es, Lang::Pt, Lang::De, Lang::Pl, Lang::Zh] {
            for p in crate::wire::forms::PROBLEMS {
                assert!(PROBLEM_LABELS.iter().any(|l| l.lang == lang && l.problem == p), "{lang:?} {p:?}");
            }
            assert!(BUSY.iter().any(|(l, _, _)| *l == lang), "{lang:?} busy");
            assert!(AMOUNT_LABELS.iter().any(|(l, _)| *l == lang), "{lang:?} amount");
        }
        for l in PROBLEM_LABELS {
            assert!(l.text == l.text.to_lowercase() && !l.source.0.is_empty());
        }
    }

    #[test]
    fn labels_are_recognised() {
        assert_eq!(problem_in("Item not as described"), Some(Problem::NotAsDescribed));
        assert_eq!(problem_in("Товар не соответствует описанию"), Some(Problem::NotAsDescribed));
        assert_eq!(problem_in("Article endommagé"), Some(Problem::Damaged));
        assert_eq!(problem_in("收到的商品是假货"), Some(Problem::Fake));
        assert_eq!(problem_in("Describe your problem"), None);
        assert!(is_busy("System busy, please try again later."));
        assert!(is_busy("Система занята, повторите попытку позже"));
        assert!(!is_busy("Your dispute was submitted"));
        assert!(is_no(" No ") && is_no("Nein") && !is_no("Nothing"));
    }
}
