//! French. Sources: FACTS.md "Labels and dates by language" (dates, "Litige en cours",
//! "Annuler la demande"); every other row is the team's best knowledge ("team").

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const FACTS: &str = "FACTS.md: labels by language (fr)";
const TEAM: &str = "team";

const fn w(term: Term, text: &'static str, source: &'static str) -> Word {
    Word { term, text, source }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Fr,
    words: &[
        w(Term::Status(S::AwaitingPayment), "En attente de paiement", TEAM),
        w(Term::Status(S::AwaitingShipment), "En attente d'expédition", TEAM),
        w(Term::Status(S::Shipped), "En attente de livraison", TEAM),
        w(Term::Status(S::Shipped), "En attente de réception", TEAM),
        w(Term::Status(S::Shipped), "Expédiée", TEAM),
        w(Term::Status(S::Completed), "Terminée", TEAM),
        w(Term::Status(S::Completed), "Commande terminée", TEAM),
        w(Term::Status(S::Closed), "Fermée", TEAM),
        w(Term::Status(S::Closed), "Annulée", TEAM),
        w(Term::Dispute(D::InProgress), "Litige en cours", FACTS),
        w(Term::Dispute(D::Cancelled), "Litige annulé", TEAM),
        w(Term::Dispute(D::Decided), "Remboursement effectué", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmer la réception", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Confirmer la réception de la commande", TEAM),
        w(Term::Control(C::OpenDispute), "Ouvrir un litige", TEAM),
        w(Term::Control(C::ReturnsRefunds), "Retours/remboursements", TEAM),
        w(Term::Control(C::ReturnsRefunds), "Retour/remboursement", TEAM),
        w(Term::Control(C::ExtendProtection), "Demander une prolongation de la protection", TEAM),
        w(Term::Control(C::CancelDispute), "Annuler la demande", FACTS),
        w(Term::Control(C::CancelDispute), "Annuler le litige", TEAM),
        w(Term::Control(C::TrackOrder), "Suivre la commande", TEAM),
        w(Term::PopupQuestion, "Confirmer la réception ?", "team (the fixture site's popup, tests/fixtures/site/site.js)"),
        w(Term::PopupQuestion, "Avez-vous reçu", TEAM),
        w(Term::PopupConfirm, "Confirmer", "team (the fixture site's popup)"),
        w(Term::Field(F::OrderDate), "Date de commande", TEAM),
        w(Term::Field(F::OrderDate), "Commande passée le", TEAM),
        w(Term::Field(F::OrderId), "N° de commande", TEAM),
        w(Term::Field(F::OrderId), "Numéro de commande", TEAM),
        w(Term::Field(F::PaidOn), "Payée le", TEAM),
        w(Term::Field(F::PaidOn), "Payé le", TEAM),
        w(Term::Field(F::ShippedOn), "Expédition effectuée le", TEAM),
        w(Term::Field(F::CompletedOn), "Commande terminée le", TEAM),
        w(Term::Field(F::RefundIfNoDelivery), "Remboursement si non livré avant le", TEAM),
        w(Term::Field(F::DoesNotArrive), "Si votre commande n'arrive pas le", TEAM),
        w(Term::Field(F::Total), "Total", TEAM),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "demander un retour/remboursement dans les {N} jours suivant la confirmation de réception", TEAM),
        w(Term::Window(P::Dispute, W::OrderPlaced), "ouvrir un litige dans les {N} jours suivant la commande", TEAM),
        w(Term::Economy, "livraison économique", TEAM),
        w(Term::Economy, "super économique", TEAM),
        w(Term::CountdownLabel, "Confirmation automatique dans", TEAM),
        w(Term::CountdownLabel, "La protection acheteur se termine dans", TEAM),
        w(Term::Unit(U::Day), "jour", TEAM),
        w(Term::Unit(U::Day), "jours", TEAM),
        w(Term::Unit(U::Day), "j", TEAM),
        w(Term::Unit(U::Hour), "heure", TEAM),
        w(Term::Unit(U::Hour), "heures", TEAM),
        w(Term::Unit(U::Hour), "h", TEAM),
        w(Term::Unit(U::Minute), "min", TEAM),
        w(Term::Unit(U::Minute), "minutes", TEAM),
        w(Term::Unit(U::Second), "s", TEAM),
        w(Term::Unit(U::Second), "secondes", TEAM),
    ],
    months: &[
        ("janv", 1), ("févr", 2), ("fevr", 2), ("mars", 3), ("avr", 4), ("mai", 5), ("juin", 6),
        ("juil", 7), ("août", 8), ("aout", 8), ("sept", 9), ("oct", 10), ("nov", 11), ("déc", 12), ("dec", 12),
        ("janvier", 1), ("février", 2), ("avril", 4), ("juillet", 7), ("septembre", 9), ("octobre", 10),
        ("novembre", 11), ("décembre", 12),
    ],
    months_source: "FACTS.md: labels by language (fr) gives the abbreviations; full names and unaccented forms: team",
};
