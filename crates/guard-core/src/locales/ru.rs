//! Russian (aliexpress.ru and the Russian interface of the other sites). Sources: FACTS.md
//! "Labels and dates by language" (dates, «Подтвердить получение товара», «Открыть спор»,
//! "Истекло время подтверждения", the machine translation "С отделкой" for Completed) and
//! "Legacy pages" ("от <date>"); every other row is the team's best knowledge ("team").

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const FACTS: &str = "FACTS.md: labels by language (ru)";
const FACTS_RU: &str = "FACTS.md: legacy pages (aliexpress.ru)";
const TEAM: &str = "team";

const fn w(term: Term, text: &'static str, source: &'static str) -> Word {
    Word { term, text, source }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Ru,
    words: &[
        w(Term::Status(S::AwaitingPayment), "Ожидает оплаты", TEAM),
        w(Term::Status(S::AwaitingShipment), "Ожидает отправки", TEAM),
        w(Term::Status(S::Shipped), "Отправлен", TEAM),
        w(Term::Status(S::Shipped), "В пути", TEAM),
        w(Term::Status(S::Shipped), "Ожидает получения", TEAM),
        w(Term::Status(S::Completed), "Завершён", TEAM),
        w(Term::Status(S::Completed), "Выполнен", TEAM),
        w(Term::Status(S::Completed), "С отделкой", FACTS),
        w(Term::Status(S::Closed), "Закрыт", TEAM),
        w(Term::Status(S::Closed), "Отменён", TEAM),
        // Seen on real pages, but whether it means an expired payment (closed) or an automatic
        // confirmation (completed) is not known: read as unknown, never guessed.
        w(Term::Status(S::Unknown), "Истекло время подтверждения", FACTS),
        w(Term::Dispute(D::InProgress), "Спор открыт", TEAM),
        w(Term::Dispute(D::InProgress), "Идёт спор", TEAM),
        w(Term::Dispute(D::Cancelled), "Спор отменён", TEAM),
        w(Term::Dispute(D::Decided), "Средства возвращены", TEAM),
        w(Term::Control(C::ConfirmReceipt), "Подтвердить получение товара", FACTS),
        w(Term::Control(C::ConfirmReceipt), "Подтвердить получение", TEAM),
        w(Term::Control(C::OpenDispute), "Открыть спор", FACTS),
        w(Term::Control(C::ReturnsRefunds), "Возврат/возмещение", TEAM),
        w(Term::Control(C::ReturnsRefunds), "Возврат и возмещение", TEAM),
        w(Term::Control(C::ExtendProtection), "Продлить защиту покупателя", TEAM),
        w(Term::Control(C::ExtendProtection), "Запросить продление защиты", TEAM),
        w(Term::Control(C::CancelDispute), "Отменить спор", TEAM),
        w(Term::Control(C::TrackOrder), "Отследить заказ", TEAM),
        w(Term::Control(C::TrackOrder), "Отследить", TEAM),
        w(Term::PopupQuestion, "Вы получили товар", TEAM),
        w(Term::PopupQuestion, "Подтвердите получение товара", TEAM),
        w(Term::PopupConfirm, "Подтвердить", TEAM),
        w(Term::Field(F::DatedFrom), "от", FACTS_RU),
        w(Term::Field(F::OrderDate), "Дата заказа", TEAM),
        w(Term::Field(F::OrderId), "Номер заказа", TEAM),
        w(Term::Field(F::OrderId), "Заказ №", TEAM),
        w(Term::Field(F::PaidOn), "Дата оплаты", TEAM),
        w(Term::Field(F::PaidOn), "Оплачен", TEAM),
        w(Term::Field(F::ShippedOn), "Дата отправки", TEAM),
        w(Term::Field(F::CompletedOn), "Дата завершения", TEAM),
        w(Term::Field(F::CompletedOn), "Заказ завершён", TEAM),
        w(Term::Field(F::RefundIfNoDelivery), "Возврат средств, если заказ не доставлен до", TEAM),
        w(Term::Field(F::DoesNotArrive), "Если заказ не прибудет до", TEAM),
        w(Term::Field(F::Total), "Итого", TEAM),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "оформить возврат в течение {N} дней после подтверждения получения", TEAM),
        w(Term::Window(P::Dispute, W::OrderPlaced), "открыть спор в течение {N} дней после оформления заказа", TEAM),
        w(Term::Economy, "экономичная доставка", TEAM),
        w(Term::Economy, "super economy", TEAM),
        w(Term::CountdownLabel, "Автоматическое подтверждение через", TEAM),
        w(Term::CountdownLabel, "Защита покупателя закончится через", TEAM),
        w(Term::Unit(U::Day), "день", TEAM),
        w(Term::Unit(U::Day), "дня", TEAM),
        w(Term::Unit(U::Day), "дней", TEAM),
        w(Term::Unit(U::Day), "дн", TEAM),
        w(Term::Unit(U::Hour), "час", TEAM),
        w(Term::Unit(U::Hour), "часа", TEAM),
        w(Term::Unit(U::Hour), "часов", TEAM),
        w(Term::Unit(U::Hour), "ч", TEAM),
        w(Term::Unit(U::Minute), "мин", TEAM),
        w(Term::Unit(U::Minute), "минут", TEAM),
        w(Term::Unit(U::Second), "сек", TEAM),
    ],
    months: &[
        ("янв", 1), ("февр", 2), ("фев", 2), ("мар", 3), ("апр", 4), ("май", 5), ("мая", 5), ("июн", 6),
        ("июл", 7), ("авг", 8), ("сент", 9), ("сен", 9), ("окт", 10), ("нояб", 11), ("ноя", 11), ("дек", 12),
        ("января", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("июня", 6), ("июля", 7),
        ("августа", 8), ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12),
        ("январь", 1), ("февраль", 2), ("март", 3), ("апрель", 4), ("июнь", 6), ("июль", 7),
        ("август", 8), ("сентябрь", 9), ("октябрь", 10), ("ноябрь", 11), ("декабрь", 12),
    ],
    months_source: "FACTS.md: labels by language (ru): \"12 мар. 2024\", \"12 марта 2024 г.\"; the other forms: team",
};
