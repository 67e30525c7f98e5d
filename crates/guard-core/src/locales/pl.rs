//! Polish. FACTS.md found no public sample of the Polish interface: every row is the team's
//! best knowledge ("team"), to be confirmed on live pages.

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const TEAM: &str = "team";

const fn w(term: Term, text: &'static str) -> Word {
    Word { term, text, source: TEAM }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Pl,
    words: &[
        w(Term::Status(S::AwaitingPayment), "Oczekuje na płatność"),
        w(Term::Status(S::AwaitingShipment), "Oczekuje na wysyłkę"),
        w(Term::Status(S::Shipped), "Oczekuje na dostawę"),
        w(Term::Status(S::Shipped), "Wysłane"),
        w(Term::Status(S::Completed), "Zakończone"),
        w(Term::Status(S::Closed), "Zamknięte"),
        w(Term::Status(S::Closed), "Anulowane"),
        w(Term::Dispute(D::InProgress), "Spór w toku"),
        w(Term::Dispute(D::Cancelled), "Spór anulowany"),
        w(Term::Dispute(D::Decided), "Zwrot pieniędzy zakończony"),
        w(Term::Control(C::ConfirmReceipt), "Potwierdź odbiór"),
        w(Term::Control(C::OpenDispute), "Otwórz spór"),
        w(Term::Control(C::ReturnsRefunds), "Zwroty/refundacje"),
        w(Term::Control(C::ReturnsRefunds), "Zwrot/refundacja"),
        w(Term::Control(C::ExtendProtection), "Poproś o przedłużenie ochrony kupującego"),
        w(Term::Control(C::CancelDispute), "Anuluj spór"),
        w(Term::Control(C::TrackOrder), "Śledź zamówienie"),
        w(Term::PopupQuestion, "Czy otrzymałeś"),
        w(Term::PopupQuestion, "Czy otrzymałaś"),
        w(Term::PopupConfirm, "Potwierdź"),
        w(Term::Field(F::OrderDate), "Data zamówienia"),
        w(Term::Field(F::OrderDate), "Zamówienie złożone"),
        w(Term::Field(F::OrderId), "Numer zamówienia"),
        w(Term::Field(F::OrderId), "Nr zamówienia"),
        w(Term::Field(F::PaidOn), "Zapłacono"),
        w(Term::Field(F::ShippedOn), "Wysyłka zakończona"),
        w(Term::Field(F::CompletedOn), "Zamówienie zakończone"),
        w(Term::Field(F::RefundIfNoDelivery), "Zwrot pieniędzy, jeśli brak dostawy przed"),
        w(Term::Field(F::DoesNotArrive), "Jeśli zamówienie nie dotrze do"),
        w(Term::Field(F::Total), "Suma"),
        w(Term::Field(F::Total), "Razem"),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "złożyć wniosek o zwrot w ciągu {N} dni od potwierdzenia odbioru"),
        w(Term::Window(P::Dispute, W::OrderPlaced), "otworzyć spór w ciągu {N} dni od złożenia zamówienia"),
        w(Term::Economy, "dostawa ekonomiczna"),
        w(Term::Economy, "super economy"),
        w(Term::CountdownLabel, "Automatyczne potwierdzenie za"),
        w(Term::CountdownLabel, "Ochrona kupującego kończy się za"),
        w(Term::Unit(U::Day), "dzień"),
        w(Term::Unit(U::Day), "dni"),
        w(Term::Unit(U::Hour), "godz"),
        w(Term::Unit(U::Hour), "godzina"),
        w(Term::Unit(U::Hour), "godziny"),
        w(Term::Unit(U::Hour), "godzin"),
        w(Term::Unit(U::Minute), "min"),
        w(Term::Unit(U::Minute), "minut"),
        w(Term::Unit(U::Second), "sek"),
    ],
    months: &[
        ("sty", 1), ("lut", 2), ("mar", 3), ("kwi", 4), ("maj", 5), ("cze", 6),
        ("lip", 7), ("sie", 8), ("wrz", 9), ("paź", 10), ("paz", 10), ("lis", 11), ("gru", 12),
        ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5), ("czerwca", 6),
        ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10), ("listopada", 11), ("grudnia", 12),
        ("styczeń", 1), ("luty", 2), ("marzec", 3), ("kwiecień", 4), ("czerwiec", 6), ("lipiec", 7),
        ("sierpień", 8), ("wrzesień", 9), ("październik", 10), ("listopad", 11), ("grudzień", 12),
    ],
    months_source: "team (no public sample of the Polish interface)",
};
