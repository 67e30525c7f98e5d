//! Spanish. FACTS.md found no public sample of the Spanish interface: every row is the team's
//! best knowledge ("team"), to be confirmed on live pages.

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const TEAM: &str = "team";

const fn w(term: Term, text: &'static str) -> Word {
    Word { term, text, source: TEAM }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Es,
    words: &[
        w(Term::Status(S::AwaitingPayment), "Pendiente de pago"),
        w(Term::Status(S::AwaitingShipment), "Pendiente de envío"),
        w(Term::Status(S::Shipped), "Pendiente de entrega"),
        w(Term::Status(S::Shipped), "Enviado"),
        w(Term::Status(S::Completed), "Completado"),
        w(Term::Status(S::Completed), "Finalizado"),
        w(Term::Status(S::Closed), "Cerrado"),
        w(Term::Status(S::Closed), "Cancelado"),
        w(Term::Dispute(D::InProgress), "Disputa en curso"),
        w(Term::Dispute(D::Cancelled), "Disputa cancelada"),
        w(Term::Dispute(D::Decided), "Reembolso completado"),
        w(Term::Control(C::ConfirmReceipt), "Confirmar recepción"),
        w(Term::Control(C::ConfirmReceipt), "Confirmar la recepción"),
        w(Term::Control(C::OpenDispute), "Abrir disputa"),
        w(Term::Control(C::ReturnsRefunds), "Devoluciones/reembolsos"),
        w(Term::Control(C::ReturnsRefunds), "Devolución/reembolso"),
        w(Term::Control(C::ExtendProtection), "Solicitar ampliar la protección del comprador"),
        w(Term::Control(C::CancelDispute), "Cancelar disputa"),
        w(Term::Control(C::TrackOrder), "Seguir pedido"),
        w(Term::Control(C::TrackOrder), "Rastrear pedido"),
        w(Term::PopupQuestion, "¿Has recibido"),
        w(Term::PopupQuestion, "¿Recibiste"),
        w(Term::PopupConfirm, "Confirmar"),
        w(Term::Field(F::OrderDate), "Fecha del pedido"),
        w(Term::Field(F::OrderDate), "Pedido realizado el"),
        w(Term::Field(F::OrderId), "N.º de pedido"),
        w(Term::Field(F::OrderId), "Número de pedido"),
        w(Term::Field(F::PaidOn), "Pagado el"),
        w(Term::Field(F::ShippedOn), "Envío completado el"),
        w(Term::Field(F::CompletedOn), "Pedido completado el"),
        w(Term::Field(F::RefundIfNoDelivery), "Reembolso si no se entrega antes del"),
        w(Term::Field(F::DoesNotArrive), "Si tu pedido no llega el"),
        w(Term::Field(F::Total), "Total"),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "solicitar una devolución/reembolso en los {N} días siguientes a la confirmación de recepción"),
        w(Term::Window(P::Dispute, W::OrderPlaced), "abrir una disputa en los {N} días siguientes a la realización del pedido"),
        w(Term::Economy, "envío económico"),
        w(Term::Economy, "super economy"),
        w(Term::CountdownLabel, "Confirmación automática en"),
        w(Term::CountdownLabel, "La protección al comprador termina en"),
        w(Term::Unit(U::Day), "día"),
        w(Term::Unit(U::Day), "días"),
        w(Term::Unit(U::Hour), "hora"),
        w(Term::Unit(U::Hour), "horas"),
        w(Term::Unit(U::Minute), "min"),
        w(Term::Unit(U::Minute), "minutos"),
        w(Term::Unit(U::Second), "seg"),
        w(Term::Unit(U::Second), "segundos"),
    ],
    months: &[
        ("ene", 1), ("feb", 2), ("mar", 3), ("abr", 4), ("may", 5), ("jun", 6),
        ("jul", 7), ("ago", 8), ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11), ("dic", 12),
        ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
        ("julio", 7), ("agosto", 8), ("septiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    ],
    months_source: "team (no public sample of the Spanish interface)",
};
