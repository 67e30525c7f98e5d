//! Portuguese (Brazil). Sources: FACTS.md "Labels and dates by language" (dates "24 nov, 2023"
//! and "24 de nov. de 2023", the statuses, "Disputa em andamento"); every other row is the
//! team's best knowledge ("team").

use super::{Source, ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::wire::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const FACTS: &str = "FACTS.md: labels by language (pt-BR)";
const TEAM: &str = "team";

const fn w(term: Term, text: &'static str, source: &'static str) -> Word {
    Word { term, text, source: Source::new(source) }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Pt,
    words: &[
        w(Term::Status(S::AwaitingPayment), "A ser pago", FACTS),
        w(Term::Status(S::AwaitingPayment), "Aguardando pagamento", FACTS),
        // FACTS.md lists it between the payment and the delivery statuses, as the tabs go (to
        // pay, to ship, shipped): the seller preparing the order. Awaiting shipment only ever
        // says "too early", never that a window is open.
        w(Term::Status(S::AwaitingShipment), "Processando", FACTS),
        w(Term::Status(S::AwaitingShipment), "Aguardando envio", TEAM),
        w(Term::Status(S::Shipped), "Aguardando a entrega", FACTS),
        w(Term::Status(S::Shipped), "Enviado", FACTS),
        w(Term::Status(S::Completed), "Concluído", FACTS),
        w(Term::Status(S::Completed), "Finalizado", FACTS),
        w(Term::Status(S::Closed), "Cancelado", FACTS),
        w(Term::Status(S::Closed), "Expirado", FACTS),
        w(Term::Dispute(D::InProgress), "Disputa em andamento", FACTS),
        w(Term::Dispute(D::Cancelled), "Disputa cancelada", TEAM),
        w(Term::Dispute(D::Decided), "Reembolso concluído", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmar recebimento", TEAM),
        w(Term::Control(C::OpenDispute), "Abrir disputa", TEAM),
        w(Term::Control(C::ReturnsRefunds), "Devoluções/reembolsos", TEAM),
        w(Term::Control(C::ReturnsRefunds), "Devolução/reembolso", TEAM),
        w(Term::Control(C::ExtendProtection), "Solicitar extensão da proteção", TEAM),
        w(Term::Control(C::CancelDispute), "Cancelar disputa", TEAM),
        w(Term::Control(C::TrackOrder), "Rastrear pedido", TEAM),
        w(Term::PopupQuestion, "Você recebeu", TEAM),
        w(Term::PopupConfirm, "Confirmar", TEAM),
        w(Term::Field(F::OrderDate), "Data do pedido", TEAM),
        w(Term::Field(F::OrderDate), "Pedido feito em", TEAM),
        w(Term::Field(F::OrderId), "Nº do pedido", TEAM),
        w(Term::Field(F::OrderId), "ID do pedido", TEAM),
        w(Term::Field(F::PaidOn), "Pago em", TEAM),
        w(Term::Field(F::ShippedOn), "Envio concluído em", TEAM),
        w(Term::Field(F::CompletedOn), "Pedido concluído em", TEAM),
        w(Term::Field(F::RefundIfNoDelivery), "Reembolso se não for entregue até", TEAM),
        w(Term::Field(F::DoesNotArrive), "Se o seu pedido não chegar em", TEAM),
        w(Term::Field(F::Total), "Total", TEAM),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "solicitar devolução/reembolso em até {N} dias após confirmar o recebimento", TEAM),
        w(Term::Window(P::Dispute, W::OrderPlaced), "abrir uma disputa em até {N} dias após a realização do pedido", TEAM),
        w(Term::Economy, "frete econômico", TEAM),
        w(Term::Economy, "super economy", TEAM),
        w(Term::CountdownLabel, "Confirmação automática em", TEAM),
        w(Term::CountdownLabel, "A proteção do comprador termina em", TEAM),
        w(Term::Unit(U::Day), "dia", TEAM),
        w(Term::Unit(U::Day), "dias", TEAM),
        w(Term::Unit(U::Hour), "hora", TEAM),
        w(Term::Unit(U::Hour), "horas", TEAM),
        w(Term::Unit(U::Minute), "min", TEAM),
        w(Term::Unit(U::Minute), "minutos", TEAM),
        w(Term::Unit(U::Second), "seg", TEAM),
        w(Term::Unit(U::Second), "segundos", TEAM),
        // Added after writing test pages blind from FACTS.md: the likeliest other renderings.
        w(Term::Status(S::AwaitingShipment), "Aguardando o envio", TEAM),
        w(Term::Status(S::Shipped), "Aguardando entrega", TEAM),
        w(Term::Status(S::Shipped), "Em trânsito", TEAM),
        w(Term::Status(S::Shipped), "Aguardando recebimento", TEAM),
        w(Term::Status(S::Closed), "Fechado", TEAM),
        w(Term::Status(S::Closed), "Encerrado", TEAM),
        w(Term::Status(S::Closed), "Reembolsado", TEAM),
        w(Term::Dispute(D::InProgress), "Disputa aberta", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmar recebido", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmar o recebimento", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmar entrega", TEAM),
        w(Term::Control(C::OpenDispute), "Abrir uma disputa", TEAM),
        w(Term::Control(C::ExtendProtection), "Solicitar extensão da proteção de compra", TEAM),
        w(Term::Control(C::ExtendProtection), "Solicitar prorrogação da proteção", TEAM),
        w(Term::Control(C::ExtendProtection), "Estender proteção do comprador", TEAM),
        w(Term::Control(C::ExtendProtection), "Solicitar extensão da proteção do comprador", TEAM),
        w(Term::Field(F::OrderDate), "Pedido realizado em", TEAM),
        w(Term::Field(F::OrderDate), "Data de pedido", TEAM),
        w(Term::Field(F::PaidOn), "Pagamento em", TEAM),
        w(Term::Field(F::PaidOn), "Data de pagamento", TEAM),
        w(Term::Field(F::ShippedOn), "Enviado em", TEAM),
        w(Term::Field(F::ShippedOn), "Data de envio", TEAM),
        w(Term::Field(F::CompletedOn), "Concluído em", TEAM),
        w(Term::Field(F::RefundIfNoDelivery), "Reembolso se não houver entrega até", TEAM),
        w(Term::Field(F::RefundIfNoDelivery), "Reembolso caso não seja entregue até", TEAM),
        w(Term::Field(F::DoesNotArrive), "Se seu pedido não chegar em", TEAM),
        w(Term::Field(F::DoesNotArrive), "Se o seu pedido não chegar até", TEAM),
        w(Term::CountdownLabel, "proteção do comprador expira em", TEAM),
        w(Term::CountdownLabel, "proteção ao comprador termina em", TEAM),
    ],
    months: &[
        ("jan", 1), ("fev", 2), ("mar", 3), ("abr", 4), ("mai", 5), ("jun", 6),
        ("jul", 7), ("ago", 8), ("set", 9), ("out", 10), ("nov", 11), ("dez", 12),
        ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("abril", 4), ("maio", 5), ("junho", 6),
        ("julho", 7), ("agosto", 8), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    ],
    months_source: Source::new("FACTS.md: labels by language (pt-BR) (\"24 nov, 2023\"); the other names: team"),
};
