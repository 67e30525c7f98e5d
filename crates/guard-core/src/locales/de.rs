//! German. FACTS.md found no public sample of the German interface: every row is the team's
//! best knowledge ("team"), to be confirmed on live pages.

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const TEAM: &str = "team";

const fn w(term: Term, text: &'static str) -> Word {
    Word { term, text, source: TEAM }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::De,
    words: &[
        w(Term::Status(S::AwaitingPayment), "Zahlung ausstehend"),
        w(Term::Status(S::AwaitingShipment), "Versand ausstehend"),
        w(Term::Status(S::Shipped), "Lieferung ausstehend"),
        w(Term::Status(S::Shipped), "Versandt"),
        w(Term::Status(S::Completed), "Abgeschlossen"),
        w(Term::Status(S::Closed), "Geschlossen"),
        w(Term::Status(S::Closed), "Storniert"),
        w(Term::Dispute(D::InProgress), "Streitfall läuft"),
        w(Term::Dispute(D::Cancelled), "Streitfall zurückgezogen"),
        w(Term::Dispute(D::Decided), "Rückerstattung abgeschlossen"),
        w(Term::Control(C::ConfirmReceipt), "Erhalt bestätigen"),
        w(Term::Control(C::ConfirmReceipt), "Warenerhalt bestätigen"),
        w(Term::Control(C::OpenDispute), "Streitfall eröffnen"),
        w(Term::Control(C::ReturnsRefunds), "Rückgaben/Erstattungen"),
        w(Term::Control(C::ReturnsRefunds), "Rückgabe/Erstattung"),
        w(Term::Control(C::ExtendProtection), "Verlängerung des Käuferschutzes beantragen"),
        w(Term::Control(C::CancelDispute), "Streitfall zurückziehen"),
        w(Term::Control(C::TrackOrder), "Bestellung verfolgen"),
        w(Term::PopupQuestion, "Haben Sie den Artikel erhalten"),
        w(Term::PopupQuestion, "Hast du den Artikel erhalten"),
        w(Term::PopupConfirm, "Bestätigen"),
        w(Term::Field(F::OrderDate), "Bestelldatum"),
        w(Term::Field(F::OrderDate), "Bestellt am"),
        w(Term::Field(F::OrderId), "Bestellnummer"),
        w(Term::Field(F::PaidOn), "Bezahlt am"),
        w(Term::Field(F::ShippedOn), "Versand abgeschlossen am"),
        w(Term::Field(F::CompletedOn), "Bestellung abgeschlossen am"),
        w(Term::Field(F::RefundIfNoDelivery), "Rückerstattung, wenn keine Lieferung bis"),
        w(Term::Field(F::DoesNotArrive), "Wenn Ihre Bestellung nicht ankommt bis"),
        w(Term::Field(F::Total), "Gesamt"),
        w(Term::Field(F::Total), "Gesamtsumme"),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "innerhalb von {N} Tagen nach Bestätigung des Erhalts eine Rückgabe/Erstattung beantragen"),
        w(Term::Window(P::Dispute, W::OrderPlaced), "innerhalb von {N} Tagen nach der Bestellung einen Streitfall eröffnen"),
        w(Term::Economy, "Economy-Versand"),
        w(Term::Economy, "super economy"),
        w(Term::CountdownLabel, "Automatische Bestätigung in"),
        w(Term::CountdownLabel, "Käuferschutz endet in"),
        w(Term::Unit(U::Day), "Tag"),
        w(Term::Unit(U::Day), "Tage"),
        w(Term::Unit(U::Day), "Tagen"),
        w(Term::Unit(U::Hour), "Stunde"),
        w(Term::Unit(U::Hour), "Stunden"),
        w(Term::Unit(U::Hour), "Std"),
        w(Term::Unit(U::Minute), "Minuten"),
        w(Term::Unit(U::Second), "Sekunden"),
        w(Term::Unit(U::Second), "Sek"),
    ],
    months: &[
        ("jan", 1), ("feb", 2), ("mär", 3), ("märz", 3), ("maerz", 3), ("apr", 4), ("mai", 5), ("jun", 6), ("juni", 6),
        ("jul", 7), ("juli", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("okt", 10), ("nov", 11), ("dez", 12),
        ("januar", 1), ("februar", 2), ("april", 4), ("august", 8), ("september", 9), ("oktober", 10),
        ("november", 11), ("dezember", 12),
    ],
    months_source: "team (no public sample of the German interface); \"12. März 2024\" is the shape issue 3 quotes",
};
