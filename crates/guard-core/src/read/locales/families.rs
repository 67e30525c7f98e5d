//! Word families: the stems a language builds its order words from ("deliver", "delivered",
//! "delivery"; "livr-"; "entreg-"; "достав-"), each with the ideas it carries. They read the
//! wordings no table lists: a status, a button or a date label the site words differently
//! tomorrow is still made of these stems.
//!
//! A family match is weaker evidence than a table row: readers use it only where a table has no
//! word, and only when every idea in the text points one way (see `status_of`, `control_of`,
//! `date_label_of`). Anything mixed or unknown gives nothing, never a guess.
//!
//! Matching: the text is folded (case, accents, `ё`, punctuation) and split into words; a stem
//! matches a word that starts with it. Chinese has no spaces: its stems match anywhere; so do
//! stems marked `*`, the last parts of German compounds ("Lieferadresse").
//! Source of every stem: the team's knowledge of each language's everyday order vocabulary
//! (the same words the tables' rows are made of); none comes from a live page.

use super::Lang;

/// An idea a word carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Idea {
    /// Waiting for something: await, pending, "to pay", "en attente", "ожидает", "待".
    Wait,
    /// A negation: "not yet", "non", "не", "未".
    Not,
    Pay,
    Ship,
    /// On the way: in transit, "en route", "в пути", "运输中".
    Transit,
    Deliver,
    Receive,
    Confirm,
    /// Finished: completed, "terminée", "завершён", "完成".
    Done,
    Cancel,
    Close,
    Expire,
    Refund,
    Dispute,
    Return,
    /// Being worked on: processing, preparing, packing, "в обработке", "处理中".
    Process,
    /// "In progress", "en curso": something is under way, but not which step; alone it names no state.
    Progress,
    /// A date that is a forecast, not a fact: estimated, "prévue", "ожидаемая", "预计".
    Estimate,
    Order,
    Open,
    Extend,
    Protect,
    Track,
    Review,
    Cart,
    Again,
    Delete,
    Now,
    /// Free shipping and the like: a product's selling point, not a state.
    Free,
    Date,
    Number,
    /// A limit in time: before, by, until ("avant", "до", "bis", "przed", "之前").
    Before,
    /// Ending: ends, expires, remaining ("termine", "истекает", "endet").
    End,
    /// An address, a contact: "confirm the delivery address" is no confirmation of receipt.
    Address,
    /// Handed over (to the carrier, "for delivery"): "Передан в доставку", "Handed over for
    /// delivery". The parcel is on its way, though the words name delivery.
    Handover,
    /// Automatic: what the site confirms by itself is receipt ("Подтверждён автоматически").
    Auto,
    /// Left a place ("Посылка покинула страну отправления", "Departed from the sorting centre"):
    /// the parcel is on its way, though the words name the dispatch.
    Left,
    /// The latest of something ("Last update", "Ostatnie zdarzenie przesyłki"): the day of the
    /// newest news, no fact of the order's.
    Latest,
    /// A request the shopper made ("Refund request in progress", "demande", "заявка", "申请").
    Request,
    /// Looking at what exists ("Voir le litige", "View dispute"): a link to a case, not the way
    /// to open one.
    View,
}

/// A set of ideas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ideas(u64);

impl Ideas {
    pub fn has(self, i: Idea) -> bool {
        self.0 & (1 << i as u8) != 0
    }
    pub fn any(self, is: &[Idea]) -> bool {
        is.iter().any(|i| self.has(*i))
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    fn add(&mut self, is: &[Idea]) {
        for i in is {
            self.0 |= 1 << *i as u8;
        }
    }
    /// Only ideas from `allowed` (and at least one of them).
    pub fn only(self, allowed: &[Idea]) -> bool {
        let mut mask = Ideas::default();
        mask.add(allowed);
        !self.is_empty() && self.0 & !mask.0 == 0
    }
}

use Idea::*;

type Row = (&'static str, &'static [Idea]);

const EN: &[Row] = &[
    ("view", &[View]),
    // Customs is a step of the parcel's way ("Customs clearance completed" is no receipt).
    ("customs", &[Transit]),
    ("=export", &[Transit]),
    ("=import", &[Transit]),
    ("address", &[Address]),
    ("contact", &[Address]),
    ("before", &[Before]),
    ("by", &[Before]),
    ("until", &[Before]),
    ("arriv", &[Deliver]),
    // ("hasn't reached you by …": not arrived; blind round eighteen.)
    ("reach", &[Deliver]),
    ("end", &[End]),
    ("remain", &[End]),
    ("left", &[End]),
    ("expires", &[Expire, End]),
    ("auto", &[Confirm]),
    ("depart", &[Left]),
    ("=last", &[Latest]),
    ("latest", &[Latest]),
    // A history of events ("Delivery history", "История доставки"): its heading names no state.
    ("history", &[Latest]),
    ("pickup", &[Deliver]),
    ("await", &[Wait]),
    ("^to", &[Wait]),
    ("pending", &[Wait]),
    ("request", &[Request]),
    ("waiting", &[Wait]),
    ("wait", &[Wait]),
    ("ready", &[Wait]),
    ("unpaid", &[Pay, Not]),
    ("not", &[Not]),
    ("yet", &[Not]),
    ("doesn", &[Not]),
    ("isn", &[Not]),
    ("hasn", &[Not]),
    ("pay", &[Pay]),
    ("paid", &[Pay]),
    ("ship", &[Ship]),
    ("dispatch", &[Ship]),
    // (British spelling: "Awaiting despatch".)
    ("despatch", &[Ship]),
    ("sent", &[Ship]),
    ("send", &[Ship]),
    ("transit", &[Transit]),
    ("route", &[Transit]),
    ("way", &[Transit]),
    ("deliver", &[Deliver]),
    ("undelivered", &[Deliver, Not]),
    ("receiv", &[Receive]),
    ("handed", &[Handover]),
    ("receipt", &[Receive]),
    ("confirm", &[Confirm]),
    ("complet", &[Done]),
    ("issued", &[Done]),
    ("finish", &[Done]),
    ("done", &[Done]),
    ("success", &[Done]),
    // "Dispute resolved"; "cannot be reopened" (blind round nineteen's decided dispute).
    ("resolv", &[Done]),
    ("reopen", &[Open, Again]),
    ("cannot", &[Not]),
    ("cancel", &[Cancel]),
    ("close", &[Close]),
    ("expir", &[Expire]),
    ("refund", &[Refund]),
    ("reimburs", &[Refund]),
    ("disput", &[Dispute]),
    ("return", &[Return]),
    ("process", &[Process]),
    // A refund being negotiated is being dealt with ("Refund under negotiation"; blind round
    // twenty-nine).
    ("negotiat", &[Process]),
    ("prepar", &[Process]),
    ("packing", &[Process]),
    ("packed", &[Process]),
    ("progress", &[Progress]),
    ("estimat", &[Estimate]),
    ("expect", &[Estimate]),
    ("eta", &[Estimate]),
    ("order", &[Order]),
    ("open", &[Open]),
    ("start", &[Open]),
    ("extend", &[Extend]),
    ("prolong", &[Extend]),
    ("extension", &[Extend]),
    ("lengthen", &[Extend]),
    ("protection", &[Protect]),
    ("track", &[Track]),
    ("review", &[Review]),
    ("feedback", &[Review]),
    ("rate", &[Review]),
    ("cart", &[Cart]),
    ("buy", &[Cart]),
    ("again", &[Again]),
    ("delete", &[Delete]),
    ("remove", &[Delete]),
    ("now", &[Now]),
    ("free", &[Free]),
    ("date", &[Date]),
    ("time", &[Date]),
    ("on", &[Date]),
    ("number", &[Number]),
    ("id", &[Number]),
    ("no", &[Number]),
    ("ref", &[Number]),
];

const FR: &[Row] = &[
    ("voir", &[View]),
    ("douan", &[Transit]),
    ("=export", &[Transit]),
    ("=import", &[Transit]),
    // "Remis au transporteur" (not "remise", a discount).
    ("=remis", &[Handover]),
    ("adresse", &[Address]),
    ("avant", &[Before]),
    ("jusqu", &[Before]),
    ("arriv", &[Deliver]),
    ("termine", &[End]),
    ("reste", &[End]),
    ("restant", &[End]),
    ("automatiqu", &[Auto]),
    ("quitt", &[Left]),
    ("depart", &[Left]),
    // "Colis parti de l'entrepôt" (whole: "partiel" is a part refund; blind round eighteen).
    ("=parti", &[Left]),
    ("dernier", &[Latest]),
    ("historique", &[Latest]),
    ("fin", &[End]),
    ("recep", &[Receive]),
    ("attente", &[Wait]),
    ("attend", &[Wait]),
    ("non", &[Not]),
    ("=pas", &[Not]),
    ("pai", &[Pay]),
    // (Not "pay": "pays" is a country, "Départ du pays d'origine".)
    ("paye", &[Pay]),
    ("payez", &[Pay]),
    ("regl", &[Pay]),
    ("expedi", &[Ship]),
    ("envoy", &[Ship]),
    ("envoi", &[Ship]),
    ("transit", &[Transit]),
    ("route", &[Transit]),
    ("chemin", &[Transit]),
    ("livr", &[Deliver]),
    ("recu", &[Receive]),
    ("confirm", &[Confirm]),
    ("termin", &[Done]),
    ("complet", &[Done]),
    ("fini", &[Done]),
    ("achev", &[Done]),
    ("=resolu", &[Done]),
    ("rouvr", &[Open, Again]),
    ("annul", &[Cancel]),
    ("ferm", &[Close]),
    ("clotur", &[Close]),
    ("clos", &[Close]),
    ("expir", &[Expire]),
    ("rembours", &[Refund]),
    ("litig", &[Dispute]),
    ("demande", &[Request]),
    ("reclamation", &[Dispute]),
    ("retour", &[Return]),
    ("cours", &[Progress]),
    ("traitement", &[Process]),
    ("negociation", &[Process]),
    ("prepar", &[Process]),
    ("emballe", &[Process]),
    ("prevu", &[Estimate]),
    ("estim", &[Estimate]),
    ("commande", &[Order]),
    ("ouvr", &[Open]),
    ("prolong", &[Extend]),
    ("extension", &[Extend]),
    ("protection", &[Protect]),
    ("suiv", &[Track]),
    ("avis", &[Review]),
    ("evalu", &[Review]),
    ("panier", &[Cart]),
    ("achet", &[Cart]),
    ("nouveau", &[Again]),
    ("supprim", &[Delete]),
    ("maintenant", &[Now]),
    ("gratuit", &[Free]),
    ("date", &[Date]),
    ("le", &[Date]),
    ("numero", &[Number]),
    ("no", &[Number]),
    ("n", &[Number]),
    ("ref", &[Number]),
];

const RU: &[Row] = &[
    ("посмотр", &[View]),
    ("смотр", &[View]),
    ("тамож", &[Transit]),
    ("экспорт", &[Transit]),
    ("импорт", &[Transit]),
    ("адрес", &[Address]),
    ("до", &[Before]),
    ("прибуд", &[Deliver]),
    ("придет", &[Deliver]),
    ("истекает", &[End, Expire]),
    ("остал", &[End]),
    ("заканчива", &[End]),
    ("верн", &[Refund]),
    ("деньг", &[Refund]),
    ("ожида", &[Wait]),
    ("ждет", &[Wait]),
    ("не", &[Not]),
    ("оплат", &[Pay]),
    ("плат", &[Pay]),
    ("неоплач", &[Pay, Not]),
    // "Не оплачен" (not paid): "оплат-" does not make "оплачен".
    ("оплач", &[Pay]),
    ("отправ", &[Ship]),
    ("отгруж", &[Ship]),
    ("выслан", &[Ship]),
    ("пути", &[Transit]),
    ("передан", &[Handover]),
    // "Посылка выдана получателю", "Вручено получателю": handed to the recipient, delivered.
    ("выдан", &[Handover]),
    ("вручен", &[Handover]),
    ("достав", &[Deliver]),
    ("получ", &[Receive]),
    ("подтвер", &[Confirm]),
    // "Автоподтверждение через 6 дн." (automatic confirmation in 6 days), one word.
    ("автоподтвер", &[Confirm]),
    ("автоматическ", &[Auto]),
    ("покинул", &[Left]),
    ("вылет", &[Left]),
    ("последн", &[Latest]),
    ("истори", &[Latest]),
    ("заверш", &[Done]),
    ("выполн", &[Done]),
    ("закончен", &[Done]),
    // "Спор решён" (not "решение", a decision); "повторно открыть спор нельзя".
    ("=решен", &[Done]),
    ("повторн", &[Again]),
    ("нельзя", &[Not]),
    ("невозможн", &[Not]),
    ("отмен", &[Cancel]),
    ("закрыт", &[Close]),
    ("истек", &[Expire]),
    ("просроч", &[Expire]),
    ("возмещ", &[Refund]),
    ("=спор", &[Dispute]),
    ("=спора", &[Dispute]),
    ("=спору", &[Dispute]),
    ("=споре", &[Dispute]),
    ("=споры", &[Dispute]),
    ("=споров", &[Dispute]),
    // "Претензия на рассмотрении": a claim is a dispute.
    ("претензи", &[Dispute]),
    ("запрос", &[Request]),
    ("заявк", &[Request]),
    ("=спором", &[Dispute]),
    ("возврат", &[Return]),
    ("средств", &[Refund]),
    ("обработ", &[Process]),
    ("переговор", &[Process]),
    ("сборк", &[Process]),
    ("упаковыва", &[Process]),
    ("готовит", &[Process]),
    // "Продавец собирает заказ" (the seller is putting the order together).
    ("собира", &[Process]),
    ("подготов", &[Process]),
    ("подготавл", &[Process]),
    ("процесс", &[Progress]),
    ("ожидаем", &[Estimate]),
    ("примерн", &[Estimate]),
    ("прогноз", &[Estimate]),
    ("заказ", &[Order]),
    ("откры", &[Open]),
    ("продл", &[Extend]),
    ("увелич", &[Extend]),
    ("защит", &[Protect]),
    ("отследи", &[Track]),
    ("отслеж", &[Track]),
    // "Трек-номер": a parcel's number, not the order's.
    ("трек", &[Track]),
    ("отзыв", &[Review]),
    ("корзин", &[Cart]),
    ("купить", &[Cart]),
    ("снова", &[Again]),
    ("еще", &[Again]),
    ("удал", &[Delete]),
    ("сейчас", &[Now]),
    ("бесплатн", &[Free]),
    ("дата", &[Date]),
    ("номер", &[Number]),
];

const ES: &[Row] = &[
    ("=ver", &[View]),
    ("aduan", &[Transit]),
    ("exportaci", &[Transit]),
    ("importaci", &[Transit]),
    ("direccion", &[Address]),
    ("antes", &[Before]),
    ("hasta", &[Before]),
    ("lleg", &[Deliver]),
    ("termina", &[End]),
    ("finaliza", &[End]),
    ("restante", &[End]),
    // "faltan 2 días" (2 days to go).
    ("falt", &[End]),
    ("queda", &[End]),
    ("salio", &[Left]),
    ("salida", &[Left]),
    ("ultim", &[Latest]),
    ("historial", &[Latest]),
    ("automatic", &[Auto]),
    ("dinero", &[Refund]),
    ("pendiente", &[Wait]),
    ("espera", &[Wait]),
    ("^por", &[Wait]),
    ("no", &[Not]),
    ("aun", &[Not]),
    ("pag", &[Pay]),
    ("envi", &[Ship]),
    ("despach", &[Ship]),
    ("transito", &[Transit]),
    ("camino", &[Transit]),
    ("entreg", &[Deliver]),
    ("recib", &[Receive]),
    ("recepcion", &[Receive]),
    ("confirm", &[Confirm]),
    ("complet", &[Done]),
    ("finaliz", &[Done]),
    ("termin", &[Done]),
    ("resuelt", &[Done]),
    // "Volver a abrir", "volver a comprar" (again; not "devolver", which starts otherwise).
    ("volver", &[Again]),
    ("reabr", &[Open, Again]),
    ("cancel", &[Cancel]),
    // "Anulado", "Anulada": cancelled.
    ("anul", &[Cancel]),
    ("cerrad", &[Close]),
    ("expir", &[Expire]),
    ("vencid", &[Expire]),
    ("caducad", &[Expire]),
    ("reembols", &[Refund]),
    ("disput", &[Dispute]),
    // A claim is a dispute ("Reclamo en proceso", "Abrir reclamación"; Latin America).
    ("reclam", &[Dispute]),
    ("solicitud", &[Request]),
    ("devol", &[Return]),
    ("proces", &[Process]),
    // A refund in negotiation or "en trámite" is being dealt with (blind round twenty-nine).
    ("negocia", &[Process]),
    ("tramit", &[Process]),
    ("prepar", &[Process]),
    ("embaland", &[Process]),
    ("embalad", &[Process]),
    ("curso", &[Progress]),
    ("estimad", &[Estimate]),
    ("prevista", &[Estimate]),
    ("aproximad", &[Estimate]),
    ("pedido", &[Order]),
    ("abrir", &[Open]),
    // "Devolución abierta" (a return opened).
    ("abiert", &[Open]),
    ("ampli", &[Extend]),
    ("extend", &[Extend]),
    ("extensi", &[Extend]),
    ("prolong", &[Extend]),
    ("proteccion", &[Protect]),
    ("rastre", &[Track]),
    ("seguimiento", &[Track]),
    ("resena", &[Review]),
    ("valor", &[Review]),
    ("opinion", &[Review]),
    ("carrito", &[Cart]),
    ("comprar", &[Cart]),
    ("nuevo", &[Again]),
    ("elimin", &[Delete]),
    ("borrar", &[Delete]),
    ("ahora", &[Now]),
    ("gratis", &[Free]),
    ("fecha", &[Date]),
    ("numero", &[Number]),
    ("n", &[Number]),
];

const PT: &[Row] = &[
    ("=ver", &[View]),
    ("alfandeg", &[Transit]),
    ("exportac", &[Transit]),
    ("importac", &[Transit]),
    ("endereco", &[Address]),
    ("morada", &[Address]),
    ("antes", &[Before]),
    ("ate", &[Before]),
    ("cheg", &[Deliver]),
    ("termina", &[End]),
    ("restante", &[End]),
    // "faltam 2 dias" (2 days to go).
    ("falt", &[End]),
    ("saiu", &[Left]),
    ("partida", &[Left]),
    ("ultim", &[Latest]),
    ("historico", &[Latest]),
    ("automatic", &[Auto]),
    ("recec", &[Receive]),
    ("recep", &[Receive]),
    ("dinheiro", &[Refund]),
    ("aguard", &[Wait]),
    ("pendente", &[Wait]),
    ("espera", &[Wait]),
    ("=ser", &[Wait]),
    ("^por", &[Wait]),
    ("nao", &[Not]),
    ("ainda", &[Not]),
    ("pag", &[Pay]),
    ("envi", &[Ship]),
    ("despach", &[Ship]),
    ("expedi", &[Ship]),
    ("transito", &[Transit]),
    ("caminho", &[Transit]),
    ("entreg", &[Deliver]),
    ("receb", &[Receive]),
    ("recebimento", &[Receive]),
    ("confirm", &[Confirm]),
    ("conclu", &[Done]),
    ("finaliz", &[Done]),
    ("complet", &[Done]),
    ("resolvid", &[Done]),
    ("reabr", &[Open, Again]),
    ("cancel", &[Cancel]),
    // "Anulado", "Anulada": cancelled.
    ("anul", &[Cancel]),
    ("fechad", &[Close]),
    ("encerrad", &[Close]),
    ("expir", &[Expire]),
    ("vencid", &[Expire]),
    ("reembols", &[Refund]),
    ("estorn", &[Refund]),
    ("disput", &[Dispute]),
    ("reclamac", &[Dispute]),
    ("solicitac", &[Request]),
    ("devol", &[Return]),
    ("process", &[Process]),
    ("negocia", &[Process]),
    ("tramit", &[Process]),
    ("prepar", &[Process]),
    ("embaland", &[Process]),
    ("embalad", &[Process]),
    ("andamento", &[Progress]),
    // "Devolução em curso" (pt-PT).
    ("curso", &[Progress]),
    ("estimad", &[Estimate]),
    // "Previsão de entrega", "prevista", "previsto".
    ("previs", &[Estimate]),
    ("pedido", &[Order]),
    ("encomenda", &[Order]),
    ("abrir", &[Open]),
    ("estend", &[Extend]),
    // "Pedir extensão da proteção" (blind round twenty-seven).
    ("extens", &[Extend]),
    ("prorrog", &[Extend]),
    ("prolong", &[Extend]),
    ("ampli", &[Extend]),
    ("protecao", &[Protect]),
    ("rastre", &[Track]),
    ("acompanh", &[Track]),
    ("avali", &[Review]),
    ("carrinho", &[Cart]),
    ("comprar", &[Cart]),
    ("novamente", &[Again]),
    ("exclu", &[Delete]),
    ("remov", &[Delete]),
    ("apag", &[Delete]),
    ("agora", &[Now]),
    ("gratis", &[Free]),
    ("data", &[Date]),
    ("numero", &[Number]),
    ("n", &[Number]),
];

const DE: &[Row] = &[
    ("ansehen", &[View]),
    ("anzeigen", &[View]),
    ("zoll", &[Transit]),
    ("ausfuhr", &[Transit]),
    ("einfuhr", &[Transit]),
    // "An den Versanddienstleister übergeben".
    ("ubergeben", &[Handover]),
    // (Last parts of compounds: "Lieferadresse bestätigen" confirms an address, not a receipt.)
    ("*adresse", &[Address]),
    ("*anschrift", &[Address]),
    ("bis", &[Before]),
    ("vor", &[Before]),
    ("ankomm", &[Deliver]),
    // "Ist alles angekommen?"
    ("angekomm", &[Deliver]),
    ("ankunft", &[Deliver]),
    ("endet", &[End]),
    ("verbleib", &[End]),
    ("kein", &[Not]),
    ("geld", &[Refund]),
    ("wart", &[Wait]),
    ("ausstehend", &[Wait]),
    // Austrian: "Zahlung ausständig".
    ("ausstandig", &[Wait]),
    ("offen", &[Wait]),
    ("nicht", &[Not]),
    ("noch", &[Not]),
    ("zahl", &[Pay]),
    ("bezahl", &[Pay]),
    ("unbezahlt", &[Pay, Not]),
    ("versand", &[Ship]),
    ("versend", &[Ship]),
    ("verschick", &[Ship]),
    ("gesendet", &[Ship]),
    ("unterwegs", &[Transit]),
    ("transit", &[Transit]),
    ("liefer", &[Deliver]),
    ("zugestellt", &[Deliver]),
    // "wenn nicht … geliefert" (the participle does not start with "liefer").
    ("geliefert", &[Deliver]),
    ("zustell", &[Deliver]),
    ("erhalt", &[Receive]),
    ("empfang", &[Receive]),
    ("eingang", &[Receive]),
    // Compounds put the receipt last ("Wareneingang bestätigen": confirm the goods arrived).
    ("wareneingang", &[Receive]),
    ("warenerhalt", &[Receive]),
    ("warenempfang", &[Receive]),
    ("paketerhalt", &[Receive]),
    ("paketempfang", &[Receive]),
    // ... and the confirmation of it ("bis zur automatischen Erhaltsbestätigung").
    ("erhaltsbestatig", &[Receive, Confirm]),
    ("empfangsbestatig", &[Receive, Confirm]),
    ("eingangsbestatig", &[Receive, Confirm]),
    ("automatisch", &[Auto]),
    ("verlass", &[Left]),
    ("abflug", &[Left]),
    ("letzt", &[Latest]),
    ("verlauf", &[Latest]),
    ("bestatig", &[Confirm]),
    ("abgeschlossen", &[Done]),
    ("erledigt", &[Done]),
    ("beendet", &[Done]),
    ("fertig", &[Done]),
    ("entschieden", &[Done]),
    // "Ein Streitfall kann nicht wieder eröffnet werden".
    ("=wieder", &[Again]),
    ("storn", &[Cancel]),
    ("abgebrochen", &[Cancel]),
    ("geschlossen", &[Close]),
    ("abgelaufen", &[Expire]),
    ("erstatt", &[Refund]),
    ("ruckerstatt", &[Refund]),
    ("lauft", &[Progress]),
    ("streit", &[Dispute]),
    ("disput", &[Dispute]),
    ("reklamation", &[Dispute]),
    ("antrag", &[Request]),
    ("anfrage", &[Request]),
    ("ruckgabe", &[Return]),
    ("rucksend", &[Return]),
    ("bearbeit", &[Process]),
    ("verhandl", &[Process]),
    ("verpackt", &[Process]),
    ("vorbereit", &[Process]),
    // The verb split in a sentence: "Der Verkäufer bereitet den Versand vor" (blind round
    // twenty-two).
    ("bereitet", &[Process]),
    ("voraussichtlich", &[Estimate]),
    ("geschatzt", &[Estimate]),
    ("erwartet", &[Estimate]),
    ("bestell", &[Order]),
    ("auftrag", &[Order]),
    ("eroffn", &[Open]),
    ("offnen", &[Open]),
    ("verlanger", &[Extend]),
    ("schutz", &[Protect]),
    ("kauferschutz", &[Protect]),
    ("verfolg", &[Track]),
    ("sendungsverfolgung", &[Track]),
    ("bewert", &[Review]),
    ("warenkorb", &[Cart]),
    ("kaufen", &[Cart]),
    ("erneut", &[Again]),
    ("losch", &[Delete]),
    ("entfern", &[Delete]),
    ("jetzt", &[Now]),
    ("kostenlos", &[Free]),
    ("datum", &[Date]),
    ("am", &[Date]),
    ("nummer", &[Number]),
    ("nr", &[Number]),
];

const PL: &[Row] = &[
    ("zobacz", &[View]),
    ("celn", &[Transit]),
    ("eksport", &[Transit]),
    ("=import", &[Transit]),
    ("adres", &[Address]),
    ("przed", &[Before]),
    ("do", &[Before]),
    ("dotrze", &[Deliver]),
    // "Czy wszystkie produkty dotarły?" (have they arrived), "doszła".
    ("dotar", &[Deliver]),
    ("doszl", &[Deliver]),
    ("konczy", &[End]),
    ("pozostal", &[End]),
    ("pieniedz", &[Refund]),
    // "Zwrócono pieniądze" (the money was returned; blind round twenty-five).
    ("pieniadz", &[Refund]),
    ("zwroc", &[Return]),
    ("zwrot pieni", &[Refund]),
    // "Zwroty i refundacje" (returns and refunds; blind round twenty-three).
    ("refundac", &[Refund]),
    ("oczek", &[Wait]),
    ("czeka", &[Wait]),
    // "Do wysyłki", "Do zapłaty": to ship, to pay (first only: "Dostarczono do paczkomatu").
    ("^do", &[Wait]),
    ("=nie", &[Not]),
    ("platn", &[Pay]),
    ("zaplat", &[Pay]),
    ("zaplac", &[Pay]),
    ("oplac", &[Pay]),
    ("nieoplac", &[Pay, Not]),
    ("wysl", &[Ship]),
    ("nadan", &[Ship]),
    // "Sprzedawca nadał przesyłkę" (the seller posted the parcel).
    ("=nadal", &[Ship]),
    ("przekazan", &[Handover]),
    ("wysyl", &[Ship]),
    ("przesyl", &[Ship]),
    ("drodze", &[Transit]),
    ("tranzyt", &[Transit]),
    ("dostarcz", &[Deliver]),
    ("dostaw", &[Deliver]),
    ("dorecz", &[Deliver]),
    ("odebr", &[Receive]),
    ("otrzym", &[Receive]),
    ("odbior", &[Receive]),
    ("potwierdz", &[Confirm]),
    ("zakoncz", &[Done]),
    ("zrealiz", &[Done]),
    ("ukoncz", &[Done]),
    ("rozstrzygn", &[Done]),
    ("anulow", &[Cancel]),
    ("zamkni", &[Close]),
    ("wygas", &[Expire]),
    // "Czas na płatność minął" (the time to pay has passed; blind round twenty).
    ("minal", &[Expire]),
    ("minel", &[Expire]),
    // "Spór", "sporu", "sporze"… whole words: "Sport" is no dispute ("Gdańsk Sport Outlet", a
    // store's link, was read as "Open dispute": blind round twenty).
    ("=spor", &[Dispute]),
    ("=sporu", &[Dispute]),
    ("=sporze", &[Dispute]),
    ("=spory", &[Dispute]),
    ("=sporow", &[Dispute]),
    ("=sporem", &[Dispute]),
    ("=sporach", &[Dispute]),
    // "Reklamacja w toku": a complaint is a dispute.
    ("reklamac", &[Dispute]),
    ("wnios", &[Request]),
    ("prosb", &[Request]),
    ("zwrot", &[Return]),
    ("przetwarz", &[Process]),
    ("negocjac", &[Process]),
    ("realizac", &[Process]),
    ("pakow", &[Process]),
    // "Sprzedawca pakuje zamówienie" (the seller is packing).
    ("pakuj", &[Process]),
    ("automatyczn", &[Auto]),
    ("opuscil", &[Left]),
    // A departure (of a flight): "Wylot z kraju nadania".
    ("wylot", &[Left]),
    ("odlot", &[Left]),
    ("ostatni", &[Latest]),
    ("histori", &[Latest]),
    ("przygotow", &[Process]),
    ("toku", &[Process]),
    // "w trakcie rozpatrywania" (being considered).
    ("trakcie", &[Progress]),
    ("rozpatr", &[Process]),
    ("przewidyw", &[Estimate]),
    ("szacow", &[Estimate]),
    ("zamow", &[Order]),
    ("otworz", &[Open]),
    ("otwarc", &[Open]),
    ("przedluz", &[Extend]),
    // "o dłuższą ochronę" (for a longer protection), "wydłuż".
    ("dluzsz", &[Extend]),
    ("wydluz", &[Extend]),
    ("ochron", &[Protect]),
    ("sledz", &[Track]),
    ("opini", &[Review]),
    ("ocen", &[Review]),
    ("koszyk", &[Cart]),
    ("kup", &[Cart]),
    ("ponownie", &[Again]),
    ("usun", &[Delete]),
    ("teraz", &[Now]),
    ("darmow", &[Free]),
    ("bezplatn", &[Free]),
    ("data", &[Date]),
    ("dnia", &[Date]),
    ("numer", &[Number]),
    ("nr", &[Number]),
];

const ZH: &[Row] = &[
    ("查看", &[View]),
    ("海关", &[Transit]),
    ("清关", &[Transit]),
    ("出口", &[Transit]),
    ("进口", &[Transit]),
    ("离开", &[Left]),
    ("最新", &[Latest]),
    ("历史", &[Latest]),
    ("地址", &[Address]),
    ("之前", &[Before]),
    ("前", &[Before]),
    ("到达", &[Deliver]),
    ("结束", &[End]),
    ("剩余", &[End]),
    // "还剩 9 天 … 自动确认收货" (still remaining): the countdown's label before its number.
    ("剩", &[End]),
    ("到期", &[End]),
    ("退还", &[Refund]),
    ("待", &[Wait]),
    ("等待", &[Wait]),
    // "等你付款" (waiting for you to pay); not "等" alone ("etc.").
    ("等你", &[Wait]),
    ("等您", &[Wait]),
    ("未", &[Not]),
    ("付款", &[Pay]),
    ("支付", &[Pay]),
    ("发货", &[Ship]),
    ("已发", &[Ship]),
    ("发出", &[Ship]),
    ("寄出", &[Ship]),
    // Collected by the carrier.
    ("揽收", &[Ship]),
    ("运输中", &[Transit]),
    ("在途", &[Transit]),
    ("途中", &[Transit]),
    // "包裹还在路上" (still on the road).
    ("路上", &[Transit]),
    ("送达", &[Deliver]),
    ("派送", &[Deliver]),
    ("投递", &[Deliver]),
    ("收货", &[Receive]),
    // Signed for at the door: the carrier delivered; the shopper has not confirmed receipt.
    ("签收", &[Deliver]),
    ("收到", &[Receive]),
    ("确认", &[Confirm]),
    ("完成", &[Done]),
    ("已解决", &[Done]),
    ("已结束", &[Done]),
    // "无法再次发起纠纷" (a dispute cannot be opened again).
    ("再次", &[Again]),
    ("无法", &[Not]),
    ("不能", &[Not]),
    ("取消", &[Cancel]),
    ("关闭", &[Close]),
    ("过期", &[Expire]),
    ("超时", &[Expire]),
    ("退款", &[Refund]),
    ("纠纷", &[Dispute]),
    ("争议", &[Dispute]),
    ("退货", &[Return]),
    // After-sales service: returns and disputes ("售后处理中", "查看售后详情").
    ("售后", &[Return]),
    ("处理中", &[Process]),
    ("协商", &[Process]),
    ("备货", &[Process]),
    ("打包", &[Process]),
    ("准备", &[Process]),
    ("预计", &[Estimate]),
    ("预期", &[Estimate]),
    ("订单", &[Order]),
    ("下单", &[Order]),
    ("发起", &[Open]),
    ("开启", &[Open]),
    ("申请", &[Open, Request]),
    ("延长", &[Extend]),
    ("保护", &[Protect]),
    ("跟踪", &[Track]),
    ("物流", &[Track]),
    ("运单", &[Track]),
    ("评价", &[Review]),
    ("购物车", &[Cart]),
    ("再次购买", &[Cart, Again]),
    ("删除", &[Delete]),
    ("立即", &[Now]),
    ("免运费", &[Free]),
    ("包邮", &[Free]),
    ("日期", &[Date]),
    ("时间", &[Date]),
    ("于", &[Date]),
    ("号", &[Number]),
    ("编号", &[Number]),
];

fn rows(lang: Lang) -> &'static [Row] {
    match lang {
        Lang::En => EN,
        Lang::Fr => FR,
        Lang::Ru => RU,
        Lang::Es => ES,
        Lang::Pt => PT,
        Lang::De => DE,
        Lang::Pl => PL,
        Lang::Zh => ZH,
    }
}

/// Folds case, Latin accents, `ё`, and turns everything that is not a letter or a digit into a
/// space: "Expédiée !" → "expediee", "Zugestellt." → "zugestellt".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // (ASCII, most of what is folded, needs no case table.)
        if c.is_ascii() {
            out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
            continue;
        }
        fold_other(c, &mut out);
    }
    out
}

/// `fold` for one character outside ASCII.
fn fold_other(c: char, out: &mut String) {
    for c in c.to_lowercase() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ł' => 'l',
            'ś' | 'š' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            'ё' => 'е',
            c if c.is_alphanumeric() => super::traditional::simplified(c),
            _ => ' ',
        };
        out.push(c);
    }
}

/// Longest text read for ideas: order words are short.
const MAX_WORDS: usize = 8;

/// The ideas in a short text, in one language or (`None`) in every language. `None` when the
/// text is too long to be a label.
pub fn ideas(text: &str, lang: Option<Lang>) -> Option<Ideas> {
    // Text reordered by bidirectional controls does not read as its letters: no ideas in it.
    if text.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) {
        return None;
    }
    let folded = fold(text);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > MAX_WORDS {
        return None;
    }
    let mut found = Ideas::default();
    // (Worked out once, not for each language.)
    let party: Vec<bool> = words.iter().map(|w| PARTY_NOUNS.iter().any(|p| w.starts_with(p))).collect();
    let langs: &[Lang] = match lang {
        Some(ref l) => std::slice::from_ref(l),
        None => &Lang::ALL,
    };
    for &l in langs {
        let index = &indexes()[l as usize];
        for (stem, is) in &index.anywhere {
            if crate::wire::text::holds(&folded, stem) {
                found.0 |= is;
            }
        }
        for (n, word) in words.iter().enumerate() {
            if party[n] {
                continue;
            }
            if l == Lang::De {
                for (tail, is) in GERMAN_TAILS {
                    if word.len() > tail.len() && word.ends_with(tail) {
                        found.add(is);
                    }
                }
            }
            let Some(first) = word.chars().next() else { continue };
            for (how, stem, is) in index.by_first.get(&first).into_iter().flatten() {
                let hit = match how {
                    Match::First => n == 0 && word == stem,
                    Match::Whole => word == stem,
                    Match::Prefix => word.starts_with(stem),
                };
                if hit {
                    found.0 |= is;
                }
            }
        }
    }
    // Handed over: to the carrier ("for delivery") is on its way, a step that stands in for the
    // shipment when no step names it (a tracking list may say "Seller shipped" days before
    // "Handed over to the carrier"); to the recipient, delivered.
    if found.has(Left) {
        found.0 &= !(1 << Ship as u8);
        found.add(&[Transit]);
    }
    if found.has(Handover) {
        let to_buyer = found.has(Receive);
        found.0 &= !(1 << Receive as u8 | 1 << Deliver as u8);
        found.add(if to_buyer { &[Deliver] } else { &[Transit] });
    }
    Some(found)
}

/// How a stem matches a word (see `ideas`).
#[derive(Clone, Copy)]
enum Match {
    /// `^`: the text's first word, whole.
    First,
    /// `=`, or a stem of one or two letters: a whole word.
    Whole,
    /// The start of a word.
    Prefix,
}

/// A language's rows, ready for reading: each row's stem without its mark, filed under its first
/// letter (a word is compared only with the stems it could match), the ideas as one mask.
/// Chinese stems, and the `*` ones, match anywhere in the text (no spaces between words).
struct Index {
    by_first: std::collections::HashMap<char, Vec<(Match, &'static str, u64)>>,
    anywhere: Vec<(&'static str, u64)>,
}

fn indexes() -> &'static [Index] {
    static INDEXES: std::sync::OnceLock<Vec<Index>> = std::sync::OnceLock::new();
    INDEXES.get_or_init(|| {
        let mut all: Vec<Index> = Lang::ALL.iter().map(|_| Index { by_first: Default::default(), anywhere: Vec::new() }).collect();
        for &l in &Lang::ALL {
            let index = &mut all[l as usize];
            for (stem, is) in rows(l) {
                let mut mask = Ideas::default();
                mask.add(is);
                if l == Lang::Zh {
                    index.anywhere.push((stem, mask.0));
                    continue;
                }
                if let Some(part) = stem.strip_prefix('*') {
                    index.anywhere.push((part, mask.0));
                    continue;
                }
                // Stems of one or two letters, and those marked `=`, are whole words only ("no",
                // "am"; "=спор", which "спорт" is not).
                // `^` marks a word that means it only first ("To ship", not "Sent to carrier").
                let (how, stem) = if let Some(word) = stem.strip_prefix('^') {
                    (Match::First, word)
                } else if let Some(word) = stem.strip_prefix('=') {
                    (Match::Whole, word)
                } else if stem.chars().count() <= 2 {
                    (Match::Whole, *stem)
                } else {
                    (Match::Prefix, *stem)
                };
                // An empty stem matches no word.
                let Some(first) = stem.chars().next() else { continue };
                index.by_first.entry(first).or_default().push((how, stem, mask.0));
            }
        }
        all
    })
}

/// "Partial", in the languages read (folded): a partial refund concerns some items, not the
/// order ("部分退款成功", "Partial refund completed", "Teilerstattung").
const PARTIAL: &[&str] = &["部分", "partial", "teil", "partiel", "parcial", "частичн", "czesciow"];

/// Whether the words just before a phrase say it is partial.
pub fn says_partial(before: &str) -> bool {
    let folded = fold(before);
    let last: Vec<&str> = folded.split_whitespace().rev().take(2).collect();
    // (Chinese has no spaces: its word ends the text before the phrase.)
    last.iter().any(|w| PARTIAL.iter().any(|p| w.starts_with(p) || (p.chars().all(super::is_cjk) && w.ends_with(p))))
}

/// Whether a folded word (see `fold`) is one of a family's in `lang` (or any language): the
/// misread-page report keeps texts made only of such words, which are the site's vocabulary.
pub fn is_family_word(word: &str, lang: Option<Lang>) -> bool {
    let langs: &[Lang] = match lang {
        Some(ref l) => std::slice::from_ref(l),
        None => &Lang::ALL,
    };
    langs.iter().any(|&l| {
        rows(l).iter().any(|(stem, _)| {
            let stem = stem.trim_start_matches(['^', '=']);
            if l == Lang::Zh {
                word.contains(stem)
            } else {
                word == stem || (stem.chars().count() > 2 && word.starts_with(stem))
            }
        })
    })
}

/// Whether a character of a script without spaces is part of a Chinese stem.
pub fn is_cjk_stem_char(c: char) -> bool {
    rows(Lang::Zh).iter().any(|(stem, _)| stem.contains(c))
}

use crate::wire::order::{Status, WindowPurpose, WindowStart};

/// Words that make a sentence a condition or a rule of the site, not a fact of this order ("If
/// the dispute is closed, …", "Once a dispute is decided …"), folded. Source: the team's
/// knowledge of each language.
const CONDITIONS: &[&str] = &["if", "once", "when", "si", "wenn", "falls", "sobald", "jesli", "jezeli", "gdy", "если", "когда"];

/// `is_conditional` of a text as written.
pub fn says_if_or_ahead(text: &str, lang: Option<Lang>) -> bool {
    is_conditional(&fold(text), lang)
}

/// Whether a folded sentence holds a condition's word or puts its event ahead. (Portuguese "se"
/// and "caso" are "if"; in Spanish "se" is no condition and "caso" a dispute's file: "ya no se
/// puede volver a abrir este caso".)
fn is_conditional(folded: &str, lang: Option<Lang>) -> bool {
    let pt = matches!(lang, None | Some(Lang::Pt));
    folded.split_whitespace().any(|w| CONDITIONS.contains(&w) || AHEAD.contains(&w) || (pt && (w == "se" || w == "caso")))
        || ["如果", "一旦", "将"].iter().any(|c| folded.contains(c))
}

/// Words that put a closing ahead, not behind ("Dispute closes on …", "Le litige sera clos",
/// "Спор закроется"), folded.
const AHEAD: &[&str] =
    &["closes", "closing", "will", "sera", "fermera", "cerrara", "fechara", "wird", "schliesst", "zamknie", "zostanie", "закроется", "закрывается", "будет"];

/// Words that say something may be done, not that it was ("You can cancel the dispute"),
/// folded.
const MAY: &[&str] =
    &["can", "may", "peux", "peut", "puedes", "puede", "podes", "pode", "kannst", "konnen", "kann", "mozesz", "mozna", "можете", "можно", "可以"];

/// Words that say a thing is possible or offered from a day on ("Streitfall ab 07.12. möglich",
/// "Dispute available from …"), folded. Source: the team's knowledge of each language.
const POSSIBLE: &[&str] = &[
    "possible",
    "posible",
    "possivel",
    "moglich",
    "available",
    "disponible",
    "disponivel",
    "verfugbar",
    "dostepny",
    "dostepne",
    "доступен",
    "доступно",
    "возможно",
];

/// Words that open a span of days at the date after them ("ab", "from", "od", "с"), folded.
const FROM: &[&str] = &["ab", "from", "od", "с", "со", "desde", "partir", "after", "apres", "depois", "nach", "после", "po"];

/// Whether the words around a date say a dispute may be opened from that day, the possibility
/// said after the date ("Streitfall ab <date> möglich"; blind round twenty-two): a dispute, a
/// word for "from" among the last before the date, and one for "possible" or "can" in the same
/// sentence; not a limit, an end, a refusal or a condition.
pub fn states_dispute_opening_from(before: &str, after: &str, lang: Option<Lang>) -> bool {
    let after = &after[..after.find(['.', '!', '?', '。', '\n', '¶']).unwrap_or(after.len())];
    let (b, a) = (fold(before), fold(after));
    let from = b.split_whitespace().rev().take(3).any(|w| FROM.contains(&w));
    let may = b.split_whitespace().chain(a.split_whitespace()).any(|w| MAY.contains(&w) || POSSIBLE.contains(&w));
    let sentence = format!("{before} {after}");
    from && may
        && sentence_ideas(&sentence, lang).is_some_and(|i| i.has(Dispute) && !i.any(&[Close, Cancel, Not, Done, Expire, End, Before, Refund]))
        && !is_conditional(&format!("{b} {a}"), lang)
}

/// Whether a label before a date says from when a dispute may be opened ("Spór możesz otworzyć
/// od", "You can open a dispute from"): a dispute, opening, and what may be done; not a limit
/// ("before"), an end, a refusal or a condition.
pub fn states_dispute_opening(label: &str, lang: Option<Lang>) -> bool {
    let folded = fold(label);
    sentence_ideas(label, lang).is_some_and(|i| i.has(Dispute) && i.has(Open) && !i.any(&[Close, Cancel, Not, Done, Expire, End, Before, Refund]))
        && folded.split_whitespace().any(|w| MAY.contains(&w))
        && !is_conditional(&folded, lang)
}

/// Whether a text says the order's dispute is over and decided: one of its sentences names a
/// dispute and its end ("Спор закрыт в пользу продавца", "Dispute resolved", "Litige clos",
/// "纠纷已结束") with nothing waiting, under way, cancelled or to be done, or says a dispute cannot
/// be opened again ("повторно открыть спор нельзя", "cannot be reopened"). Not a question, not a
/// condition ("if the dispute is closed …"). (A decided dispute cannot be reopened: FACTS,
/// dispute rules; blind round nineteen.)
pub fn says_dispute_decided(text: &str, lang: Option<Lang>) -> bool {
    dispute_outcome_in(text, lang) == Some(Outcome::Decided)
}

/// How a dispute of the order ended, as a text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Decided (see `says_dispute_decided`): it cannot be reopened.
    Decided,
    /// Cancelled by the shopper, in words no table lists ("Cancelaste la disputa el …"; blind
    /// round twenty): it may be reopened while protection lasts. Not "you can cancel it".
    Cancelled,
}

/// The outcome a text states of the order's dispute; decided before cancelled when its
/// sentences say both (a decided dispute is the one that cannot be reopened).
pub fn dispute_outcome_in(text: &str, lang: Option<Lang>) -> Option<Outcome> {
    let folded = fold(text);
    if !dispute_stems().iter().any(|stem| folded.contains(stem)) && !names_a_case(&folded) {
        return None;
    }
    let ends = |c: char| matches!(c, '.' | '!' | ';' | ':' | '。' | '！' | '；' | '：' | '|' | '·');
    let mut found = None;
    for sentence in text.split(ends) {
        if sentence.contains(['?', '？']) {
            continue;
        }
        let folded = fold(sentence);
        let conditional = is_conditional(&folded, lang);
        // (Short, but a sentence saying the case cannot be reopened may run longer: "La disputa se
        // cerró de mutuo acuerdo y ya no se puede volver a abrir", fifteen words; blind round
        // twenty-nine.)
        let words = folded.split_whitespace().count();
        let Some(i) = sentence_ideas(sentence, lang).filter(|_| !conditional && words <= 20) else { continue };
        let over = words <= 12 && i.any(&[Close, Done]) && !i.any(&[Wait, Not, Process, Progress, Open, Cancel, Request, Before, Estimate, Extend]);
        let no_reopening = i.has(Open) && i.has(Again) && i.has(Not) && !i.any(&[Wait, Before, Cancel, Request]);
        if (over && i.has(Dispute)) || (no_reopening && (i.has(Dispute) || names_a_case(&folded))) {
            return Some(Outcome::Decided);
        }
        let may = folded.split_whitespace().any(|w| MAY.contains(&w)) || folded.contains("可以");
        let cancelled =
            words <= 12 && i.has(Dispute) && i.has(Cancel) && !may && !i.any(&[Wait, Not, Process, Progress, Open, Request, Before, Estimate, Extend, Close]);
        if cancelled {
            found = Some(Outcome::Cancelled);
        }
    }
    found
}

/// The site's word for a dispute's file, in the languages read (folded): "case", "caso", "cas",
/// "sprawa", "дело", "案件". Only beside a sentence saying it cannot be opened again ("este caso
/// ya no se puede volver a abrir"; blind round twenty): alone it is a phone's case too.
const CASE_WORDS: &[&str] = &["case", "caso", "cas", "fall", "sprawa", "sprawe", "дело", "案件"];

fn names_a_case(folded: &str) -> bool {
    folded.split_whitespace().any(|w| CASE_WORDS.contains(&w)) || folded.contains("案件")
}

/// The dispute family's words as they are written, lower-cased (accents kept): the stems of
/// `dispute_stems` before folding. A test checks that every stem has one.
const DISPUTE_AS_WRITTEN: &[&str] = &[
    "disput",
    "litig",
    "réclam",
    "reclam",
    "спор",
    "претензи",
    "streit",
    "reklam",
    "spór",
    "spor",
    "纠纷",
    "争议",
    "case",
    "caso",
    "cas ",
    "fall",
    "sprawa",
    "sprawę",
    "дело",
    "案件",
];

/// Whether a lower-cased text (`locales::normalise`) holds a word of the dispute family in any
/// language: a quick look at an order's whole text before its sentences are read.
pub fn mentions_dispute(lower: &str) -> bool {
    DISPUTE_AS_WRITTEN.iter().any(|w| lower.contains(w))
}

/// The stems of every language that carry the dispute idea, without their marks.
fn dispute_stems() -> &'static [&'static str] {
    static STEMS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        let mut all: Vec<&'static str> =
            Lang::ALL.iter().flat_map(|&l| rows(l)).filter(|(_, is)| is.contains(&Dispute)).map(|(stem, _)| stem.trim_start_matches(['^', '=', '*'])).collect();
        all.sort_unstable();
        all.dedup();
        all
    })
}

/// The status a status text's ideas point to, when they point one way. A word in no table
/// ("Livrée", "Order in transit", "Отгружен") is read by what it is made of; a mix that says two
/// things ("Shipped, cancelled") gives `None`.
pub fn status_of(text: &str, lang: Option<Lang>) -> Option<Status> {
    let i = ideas(text, lang)?;
    // (Nor a history's or the latest news's heading: "История доставки", "Last update".)
    if i.has(Free) || i.has(Estimate) || i.has(Latest) || i.has(Date) && i.has(Number) {
        return None;
    }
    let waiting = i.any(&[Wait, Not, Process, Progress]);
    // A refund being dealt with ("Refund processing", "退款处理中", "Zwrot pieniędzy w trakcie
    // rozpatrywania": under review) is a request the shopper made: a dispute under way. Only
    // being processed: "Rückerstattung läuft", "awaiting refund" may follow a cancellation.
    // (Not "refund if not delivered": a promise, no state.)
    // So is a refund or return the shopper requested and nothing says is over ("Refund request
    // under review", "Demande de remboursement en cours").
    let refund_under_way = i.has(Refund) && (i.has(Process) || i.has(Request)) && !i.any(&[Not, Ship, Transit, Deliver, Before]);
    // (A return opened, "Devolución abierta", is one under way: blind round twenty.)
    let return_under_way = i.has(Return) && (waiting || i.any(&[Request, Open]));
    if i.has(Dispute) || return_under_way || refund_under_way {
        // Under way unless it says it is over ("dispute cancelled", "dispute closed").
        if !i.any(&[Cancel, Close, Done, Expire]) {
            return Some(Status::Dispute);
        }
        // Over with the money given back, and said done ("Dispute closed · full refund issued",
        // "Litige clos, remboursement effectué"): the order is closed (blind round eighteen).
        // Over any other way ("Dispute closed, no refund") says nothing of the order.
        let refunded = i.has(Refund) && i.has(Done) && !waiting && !i.any(&[Request, Return, Ship, Transit, Deliver, Before]);
        return refunded.then_some(Status::Closed);
    }
    if i.any(&[Cancel, Close, Expire]) {
        return (!i.any(&[Wait, Ship, Transit, Deliver])).then_some(Status::Closed);
    }
    if i.has(Refund) {
        return (!waiting && !i.any(&[Ship, Transit, Deliver])).then_some(Status::Closed);
    }
    if i.has(Pay) && i.any(&[Wait, Not]) && !i.any(&[Ship, Transit, Deliver, Receive]) {
        return Some(Status::AwaitingPayment);
    }
    if i.has(Ship) && waiting && !i.any(&[Transit, Deliver, Receive, Done]) {
        return Some(Status::AwaitingShipment);
    }
    if i.has(Process) && !i.any(&[Ship, Transit, Deliver, Receive, Pay, Done]) {
        return Some(Status::AwaitingShipment);
    }
    if i.has(Deliver) && i.has(Not) {
        return None;
    }
    // "Receipt confirmed, awaiting review" (已确认收货，待评价): what it waits for is the review.
    if i.has(Review) && i.has(Wait) && i.any(&[Done, Receive, Confirm]) && !i.any(&[Pay, Ship, Transit, Deliver, Not]) {
        return Some(Status::Completed);
    }
    // Confirmed automatically ("Подтверждён автоматически"): receipt, finished.
    if i.has(Confirm) && i.has(Auto) && !i.any(&[Wait, Not, Pay, Ship, Transit, Cancel]) {
        return Some(Status::Completed);
    }
    // "Delivered and confirmed", "Entregado y confirmado": the shopper confirmed it, finished.
    if i.has(Confirm) && i.any(&[Deliver, Receive]) && !i.any(&[Wait, Not, Pay, Transit]) {
        return Some(Status::Completed);
    }
    if i.has(Transit) || (i.has(Deliver) && !i.has(Receive)) || (i.any(&[Receive, Confirm]) && i.has(Wait)) {
        return Some(Status::Shipped);
    }
    if i.has(Ship) && !i.any(&[Wait, Not, Receive]) {
        return Some(Status::Shipped);
    }
    // Finished, or received; "awaiting your review" (feedback) is finished too.
    let waits_for_review = i.has(Review) && !i.any(&[Pay, Ship, Deliver, Transit, Receive, Confirm]);
    if (i.has(Done) || i.has(Receive)) && !i.any(&[Pay, Not]) && (!i.has(Wait) || waits_for_review) {
        return Some(Status::Completed);
    }
    if i.has(Wait) && waits_for_review {
        return Some(Status::Completed);
    }
    None
}

/// What a short control's label asks for, by its ideas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ConfirmReceipt,
    OpenDispute,
    ReturnsRefunds,
    ExtendProtection,
    CancelDispute,
    Track,
    PayNow,
    CancelOrder,
    Review,
    BuyAgain,
    Delete,
}

/// The action a button's label names, when its ideas name one and only one.
pub fn action_of(label: &str, lang: Option<Lang>) -> Option<Action> {
    // (A label of up to twelve words, its short ones joining: "Demander une prolongation de la
    // protection de l'acheteur"; the caller bounds its length.)
    let i = sentence_ideas(label, lang)?;
    if i.any(&[Free, Estimate, Address]) {
        return None;
    }
    let words = fold(label).split_whitespace().count();
    let pick = if i.has(Dispute) && i.has(Cancel) {
        Action::CancelDispute
    } else if i.has(Dispute) && !i.any(&[Close, Done]) && (i.has(Open) || !i.has(View)) {
        Action::OpenDispute
    } else if i.has(Confirm) && i.any(&[Receive, Deliver]) && !i.has(Not) {
        Action::ConfirmReceipt
    } else if i.has(Extend) {
        Action::ExtendProtection
    } else if (i.has(Refund) || i.has(Return) && words <= 2) && !i.any(&[Cancel, Done, Close]) {
        Action::ReturnsRefunds
    } else if i.has(Pay) && !i.any(&[Cancel, Done, Wait, Receive]) {
        // (Not a payment's receipt: "Ver recibo de pago", "View payment receipt"; blind round
        // nineteen.)
        Action::PayNow
    } else if i.has(Cancel) && i.has(Order) && !i.any(&[Refund, Return]) {
        // "Cancel" alone closes a dialog; cancelling the order names the order.
        Action::CancelOrder
    } else if i.has(Track) {
        Action::Track
    } else if i.has(Review) {
        Action::Review
    } else if i.has(Cart) {
        Action::BuyAgain
    } else if i.has(Delete) {
        Action::Delete
    } else {
        return None;
    };
    Some(pick)
}

/// Which date a label names, by its ideas: the order's, the payment's, the shipment's or the
/// completion's, or a step of the parcel's way after the shipment. Forecasts ("Estimated
/// delivery") name none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    Placed,
    Paid,
    Shipped,
    /// The parcel on its way ("In transit", "Departed from the transit hub"): the shipment's day
    /// only when no label names the shipment itself.
    InTransit,
    /// Handed over to the carrier ("Передан в доставку"): the journey's first step, so the
    /// shipment's day before any later step of the way, when no label names the shipment.
    HandedOver,
    Completed,
}

pub fn date_label_of(label: &str, lang: Option<Lang>) -> Option<DateKind> {
    let i = ideas(label, lang)?;
    not_the_sellers(kind_of_date(limit_only_last(i, label, lang)), label)
}

/// A step that names the seller is the seller's doing: never the shopper's order nor their
/// receipt ("Продавец собирает заказ", the seller packing the order, is no order date). One
/// that names the carrier receiving the parcel is its hand-over ("Odebrana przez przewoźnika",
/// picked up by the carrier), not the shopper's receipt.
///
/// A hand-over to the local carrier ("Remis au transporteur local (Colissimo)", "Przekazano
/// przewoźnikowi krajowemu") or a step at the local depot is the last mile, weeks after the
/// shipment: it dates nothing the rules use, where the journey's first steps stand in for the
/// shipment (blind round twenty-eight).
fn not_the_sellers(kind: Option<DateKind>, label: &str) -> Option<DateKind> {
    let kind = match kind {
        Some(DateKind::Completed) if names_carrier(label) => Some(DateKind::HandedOver),
        Some(DateKind::Completed) if received_by_another(label) => None,
        Some(DateKind::Placed | DateKind::Completed) if names_seller(label) => None,
        k => k,
    };
    match kind {
        Some(DateKind::HandedOver | DateKind::InTransit) if names_one_of(&fold(label), LAST_MILE) => None,
        k => k,
    }
}

/// A parcel received by someone named ("Livré, réceptionné par le gardien", "Signed for by a
/// neighbour") is its delivery, not the shopper's word that the order arrived (blind round
/// twenty-eight); "completed by the system" is the automatic confirmation, and stays one.
fn received_by_another(label: &str) -> bool {
    const BY: &[&str] = &["by", "par", "por", "pelo", "pela", "von", "przez"];
    const THE_SHOPPER: &[&str] = &["you", "vous", "usted", "voce", "ihnen", "dich", "ciebie"];
    let folded = fold(label);
    let words: Vec<&str> = folded.split_whitespace().collect();
    words.windows(2).any(|w| BY.contains(&w[0]) && !THE_SHOPPER.contains(&w[1]))
        && ideas(label, None).is_some_and(|i| i.has(Receive) && !i.any(&[Done, Confirm]))
}

/// Words that make a carrier the destination country's (folded, by a word's start). Source: the
/// team's knowledge of each language.
const LAST_MILE: &[&str] = &["local", "domestic", "national", "nacional", "inland", "krajow", "lokaln", "местн", "национальн", "当地", "本地", "国内"];

/// A sentence that ends at its date and says what happened that day, in more words than a label
/// ("The seller confirmed that your parcel was handed to the courier on …"; blind round
/// nineteen): read as a label, but the seller's confirming is of its shipment, not the
/// shopper's receipt, and a condition or a day ahead ("If …", "will") says nothing happened.
pub fn sentence_date_label(sentence: &str, lang: Option<Lang>) -> Option<DateKind> {
    let folded = fold(sentence);
    if is_conditional(&folded, lang) {
        return None;
    }
    let mut i = limit_only_last(sentence_ideas(sentence, lang)?, sentence, lang);
    if names_seller(sentence) {
        i.0 &= !(1 << Confirm as u8);
    }
    // Delivered to the carrier or the post is its hand-over, not the shopper's receipt
    // ("Entregamos tu paquete al correo el …"; blind round twenty-four).
    if kind_of_date(i).is_none() && i.has(Deliver) && i.only(&[Deliver, Order]) && carrier_receives(&folded) {
        return Some(DateKind::HandedOver);
    }
    not_the_sellers(kind_of_date(i), sentence)
}

/// Whether a folded sentence names the carrier as the one things are given to: "to", "al", "à la",
/// "an den", "do" one or two words before it ("… to the courier", "… al correo").
fn carrier_receives(folded: &str) -> bool {
    const TO: &[&str] = &["to", "al", "a", "ao", "au", "an", "do", "na"];
    let words: Vec<&str> = folded.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .any(|(k, w)| CARRIER.iter().any(|c| !c.chars().any(super::is_cjk) && w.starts_with(c)) && words[k.saturating_sub(2)..k].iter().any(|p| TO.contains(p)))
}

/// The day a sentence that ends at its date names (`sentence_date_label`): `before`, the words
/// before the date (at most 16; a clause after a colon is the sentence: "Die Frist ist
/// abgelaufen: Das System hat den Erhalt … am"), `after` the text after it, where the sentence
/// must end with nothing more than a time of day ("… le 21 novembre 2026 à 21:47. Dites …") or
/// the verb of a language that puts it last ("… am 29. Nov. 2026 automatisch bestätigt."; blind
/// round twenty-four). The reader and the misread-page report ask the same.
pub fn date_ending_sentence(before: &str, after: &str, lang: Option<Lang>) -> Option<DateKind> {
    let before = match before.rsplit_once([':', '：']) {
        Some((_, clause)) if clause.split_whitespace().count() >= 3 => clause,
        _ => before,
    };
    if before.split_whitespace().count() > 16 {
        return None;
    }
    if ends_after_time(after) {
        return sentence_date_label(before, lang);
    }
    let tail = verb_after_date(after)?;
    // (Not a limit just before the date: "muss Ihre Bestellung bis zum … versenden".)
    if ends_with_limit(before, lang) {
        return None;
    }
    sentence_date_label(&format!("{before} {tail}"), lang)
}

/// One to three words after a date that end its sentence, none a number, not after a comma
/// (a new clause: "on 3 Nov, please confirm"): the verb that closes a sentence ("automatisch
/// bestätigt", "zugestellt").
fn verb_after_date(after: &str) -> Option<&str> {
    let stop = after
        .char_indices()
        .find(|&(i, c)| matches!(c, '。' | '！') || matches!(c, '.' | '!') && after[i + 1..].chars().next().is_none_or(char::is_whitespace))?;
    let tail = after[..stop.0].trim();
    let words = tail.split_whitespace().count();
    ((1..=3).contains(&words) && tail.chars().all(|c| c.is_alphabetic() || c == ' ')).then_some(tail)
}

/// Whether the text after a date ends its sentence, a time of day and its little words ("à",
/// "at", "um … Uhr", "в") aside: the rest up to a full stop, an exclamation or the text's end.
fn ends_after_time(after: &str) -> bool {
    let stop = after
        .char_indices()
        .find(|&(i, c)| matches!(c, '。' | '！') || matches!(c, '.' | '!') && after[i + 1..].chars().next().is_none_or(char::is_whitespace));
    let rest = &after[..stop.map_or(after.len(), |(i, _)| i)];
    let is_time = |w: &str| {
        let w = w.trim_end_matches([',', 'h', 'H']);
        let parts: Vec<&str> = w.split([':', 'h', 'H']).collect();
        (2..=3).contains(&parts.len()) && parts.iter().all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let words: Vec<&str> = rest.split_whitespace().map(|w| w.trim_matches(|c: char| matches!(c, ',' | '(' | ')'))).filter(|w| !w.is_empty()).collect();
    let times = words.iter().filter(|w| is_time(w)).count();
    let others: Vec<&&str> = words.iter().filter(|w| !is_time(w)).collect();
    // (Without a time, nothing may follow: "on 3 Nov, please" is no sentence's end.)
    others.is_empty() || times == 1 && others.len() <= 2 && others.iter().all(|w| w.chars().count() <= 3 && w.chars().all(char::is_alphabetic))
}

/// "By", "bis", "до" set a limit only just before the date ("Ship by"): "Shipped by seller"
/// says who shipped it.
fn limit_only_last(mut i: Ideas, label: &str, lang: Option<Lang>) -> Ideas {
    if i.has(Before) && !ends_with_limit(label, lang) {
        i.0 &= !(1 << Before as u8);
    }
    i
}

/// Whether a label's last word sets a limit ("before", "bis"), with the one before it when the
/// last is an article ("before the", "bis zum", "antes del").
fn ends_with_limit(label: &str, lang: Option<Lang>) -> bool {
    let folded = fold(label);
    let words: Vec<&str> = folded.split_whitespace().collect();
    let n = if words.last().is_some_and(|w| w.chars().count() <= 3) { 2 } else { 1 };
    ideas(&words[words.len().saturating_sub(n)..].join(" "), lang).is_some_and(|t| t.has(Before))
}

/// The date a label's ideas name, when they name one.
fn kind_of_date(i: Ideas) -> Option<DateKind> {
    // (A negation names no day that happened: "Не оплачен", "未发货".)
    if i.any(&[Estimate, Free, Refund, Return, Dispute, Cancel, Close, Expire, Protect, Extend, Before, End, Not, Latest]) {
        return None;
    }
    let kinds = [
        (i.any(&[Done, Receive, Confirm]) && !i.any(&[Ship, Pay]) || i.has(Deliver) && i.has(Done), DateKind::Completed),
        (i.has(Ship) && !i.has(Deliver), DateKind::Shipped),
        (i.has(Transit) && !i.any(&[Ship, Deliver]), DateKind::InTransit),
        (i.has(Pay), DateKind::Paid),
        (i.has(Order) && !i.any(&[Pay, Ship, Transit, Deliver, Done, Receive, Confirm]), DateKind::Placed),
    ];
    let hits: Vec<DateKind> = kinds.iter().filter(|(yes, _)| *yes).map(|(_, k)| *k).collect();
    match hits.as_slice() {
        [DateKind::InTransit] if i.has(Handover) => Some(DateKind::HandedOver),
        [one] => Some(*one),
        _ => None,
    }
}

/// Which limit a sentence around a date states: the end of buyer protection ("Refund if no
/// delivery before …", "若在 … 前未送达，全额退款", "Если ваш заказ не будет доставлен до …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Money back if the parcel has not arrived by then.
    RefundIfNoDelivery,
    /// "If your order does not arrive on …" (the legacy page's wording, no money named).
    DoesNotArrive,
    /// The end of protection said as such: "Proteção do comprador estendida até …", "Buyer
    /// protection ends on …".
    ProtectionEnds,
}

pub fn protection_limit_of(sentence: &str, lang: Option<Lang>) -> Option<Limit> {
    // A sentence in another language than the page's labels (a promise left untranslated).
    limit_in(sentence, lang).or_else(|| lang.and_then(|_| limit_in(sentence, None)))
}

/// The ideas of a sentence of at most 20 words (read `MAX_WORDS` at a time).
pub fn sentence_ideas(sentence: &str, lang: Option<Lang>) -> Option<Ideas> {
    let folded = fold(sentence);
    // A sentence, not a novel.
    if folded.split_whitespace().count() > 20 {
        return None;
    }
    let mut i = Ideas::default();
    for chunk in folded.split_whitespace().collect::<Vec<_>>().chunks(MAX_WORDS) {
        i.0 |= ideas(&chunk.join(" "), lang)?.0;
    }
    Some(i)
}

fn limit_in(sentence: &str, lang: Option<Lang>) -> Option<Limit> {
    let i = sentence_ideas(sentence, lang)?;
    // (An end, not an extension granted on a day: "Käuferschutz verlängert, bestätigt am …".)
    if i.has(Protect) && i.any(&[Before, End]) && !i.any(&[Not, Estimate, Pay, Cancel, Ship, Deliver, Receive, Dispute, Open, Refund, Return]) {
        return Some(Limit::ProtectionEnds);
    }
    // Not delivered, or not received ("jeśli nie otrzymasz przesyłki do …").
    let arrives = i.has(Deliver) || i.has(Receive) && i.has(Not);
    if i.any(&[Estimate, Pay, Cancel]) || !arrives || !(i.has(Not) || i.has(Before)) {
        return None;
    }
    if i.has(Refund) || i.has(Return) {
        return Some(Limit::RefundIfNoDelivery);
    }
    i.has(Not).then_some(Limit::DoesNotArrive)
}

/// What a window stated in a sentence no table lists is for and counted from, by the words
/// around its number of days ("Masz 30 dni od potwierdzenia odbioru, aby poprosić o zwrot lub
/// otworzyć spór": a dispute, from the confirmation of receipt). Only a window for a dispute
/// or a return, counted from receipt or from the order; a sentence that also speaks of
/// shipping, paying, protection, an estimate or a negation says something else.
pub fn window_of(words: &str, lang: Option<Lang>) -> Option<(WindowPurpose, WindowStart)> {
    let i = sentence_ideas(words, lang).or_else(|| lang.and_then(|_| sentence_ideas(words, None)))?;
    if i.any(&[Not, Ship, Transit, Pay, Protect, Extend, Estimate, Wait, Cancel, Track, Expire]) {
        return None;
    }
    let purpose = if i.has(Dispute) {
        WindowPurpose::Dispute
    } else if i.any(&[Return, Refund]) {
        WindowPurpose::ReturnRefund
    } else {
        return None;
    };
    let from = if i.has(Receive) || i.has(Confirm) && i.has(Deliver) {
        WindowStart::ConfirmReceipt
    } else if i.has(Order) && !i.any(&[Deliver, Confirm]) {
        WindowStart::OrderPlaced
    } else {
        return None;
    };
    Some((purpose, from))
}

/// Whether the words before a countdown say it counts down buyer protection ("A proteção do
/// comprador termina em", "Buyer protection time remaining", "Автоподтверждение через") rather
/// than the time to pay or to ship.
pub fn is_protection_countdown_label(label: &str, lang: Option<Lang>) -> bool {
    ideas(label, lang)
        .is_some_and(|i| (i.has(Protect) || i.has(Confirm) && i.any(&[Receive, End]) || i.has(Confirm) && !i.any(&[Pay, Ship])) && !i.any(&[Pay, Ship, Extend]))
}

/// Whether a countdown counts down buyer protection, by the words before it (`before`, back to
/// the sentence's start) or, when those are the site's words but name no other countdown
/// ("还剩 9 天 4 小时 自动确认收货": "remaining … automatic confirmation"), by the words after it
/// (`after`, to the sentence's end). Words the site does not use say nothing either way.
pub fn is_protection_countdown(before: &str, after: &str, lang: Option<Lang>) -> bool {
    if is_protection_countdown_label(before, lang) {
        return true;
    }
    let says_other = |i: Ideas| i.is_empty() || i.any(&[Pay, Ship, Extend, Dispute, Refund]);
    // (The words after it start after its clock: "23 T 04:17:09 bis zur …"; and after a comma:
    // "Noch 53 Tage und 6 Stunden, dann wird der Empfang automatisch bestätigt".)
    let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | ',' | '，') || c.is_whitespace());
    let after = &after[..after.find(['.', '!', '?', '。', '\n', '，', ',', '¶']).unwrap_or(after.len())];
    let after: Vec<&str> = after.split_whitespace().take(8).collect();
    // (No words before it at all, a countdown opening its block after a sentence: its words
    // after it are its only label.)
    let before_ok = before.trim().is_empty() || ideas(before, lang).is_some_and(|i| !says_other(i));
    before_ok && !after.is_empty() && is_protection_countdown_label(&after.join(" "), lang)
}

/// The word for an order's state, in the languages read (folded): "Status", "Estado", "Statut",
/// "État", "Статус", "Stan", "Zustand", "Situação". Source: the team's knowledge of each language.
const STATUS_WORDS: &[&str] = &["status", "estado", "statut", "etat", "статус", "stan", "zustand", "situacao", "bestellstatus", "auftragsstatus"];
/// Words that join a label's words ("Estado del pedido", "Statut de la commande").
const JOINERS: &[&str] = &["of", "the", "de", "del", "la", "le", "du", "do", "da", "der", "des"];

/// Whether a label names the order's state ("Status", "Order status", "Estado del pedido",
/// "Статус заказа", "订单状态"): the value beside it is the status.
/// The seller, in each language's words (folded): "Seller shipped", "Le vendeur a expédié",
/// "Продавец отправил", "卖家已发货". A shipment the seller is named for is the order's shipment
/// itself, not a later step of the parcel's way. Source: the team's knowledge of each language.
const SELLER: &[&str] = &["seller", "vendeur", "vendedor", "verkaufer", "sprzedaw", "sprzedajac", "продав", "卖家", "商家"];

/// The carrier, its courier or its driver, by the start of a word (folded: "przewoźnika" →
/// "przewoznika").
/// The post office too ("Entregamos tu paquete al correo el …": handed to the post; blind round
/// twenty-four).
const CARRIER: &[&str] = &[
    "carrier",
    "courier",
    "transporteur",
    "transportista",
    "transportadora",
    "kurier",
    "przewoz",
    "zusteller",
    "перевозчик",
    "курьер",
    "承运",
    "快递员",
    "correo",
    "correio",
    "poste",
    "poczt",
    "почт",
    "邮局",
];

/// The ends of German compounds that name what the compound is ("Rückerstattungsantrag", a
/// refund request, is a request; blind round twenty-nine): a word's start names only its first
/// part.
const GERMAN_TAILS: &[(&str, &[Idea])] = &[("antrag", &[Request]), ("anfrage", &[Request])];

/// Nouns that begin like an event's word and name a party or the parcel itself ("склад
/// отправителя", the sender's warehouse, is no shipment; "адрес получателя", the recipient's
/// address, no receipt; "Przesyłka odebrana z Paczkomatu", the parcel collected from a locker,
/// no shipment; blind round twenty-eight): folded word starts that carry no idea. Source: the
/// team's knowledge of each language.
const PARTY_NOUNS: &[&str] =
    &["shipper", "receiver", "expediteur", "expeditric", "expedidor", "empfanger", "versender", "odbiorc", "przesylk", "отправител", "получател"];

fn names_carrier(label: &str) -> bool {
    names_one_of(&fold(label), CARRIER)
}

/// Whether a folded text holds one of `words`: a Chinese one anywhere, another at a word's start.
fn names_one_of(folded: &str, words: &[&str]) -> bool {
    let cjk = |w: &&str| w.chars().any(super::is_cjk);
    words.iter().filter(|w| cjk(w)).any(|w| folded.contains(w)) || folded.split_whitespace().any(|x| words.iter().any(|w| !cjk(w) && x.starts_with(w)))
}

/// Whether a label names the seller.
pub fn names_seller(label: &str) -> bool {
    let folded = fold(label);
    // (German compounds end in it: "Versandverkäufer".)
    names_one_of(&folded, SELLER) || folded.split_whitespace().any(|x| x.ends_with("verkaufer"))
}

pub fn is_status_label(label: &str, lang: Option<Lang>) -> bool {
    let folded = fold(label);
    if folded.chars().any(super::is_cjk) {
        return matches!(folded.trim(), "状态" | "订单状态" | "交易状态");
    }
    // (Asked of every element with one text: most have no status word, and need no more.)
    if !folded.split_whitespace().any(|w| STATUS_WORDS.contains(&w)) {
        return false;
    }
    let words: Vec<&str> = folded.split_whitespace().filter(|w| !JOINERS.contains(w) && !ideas(w, lang).is_some_and(|i| i.only(&[Order]))).collect();
    matches!(words.as_slice(), [w] if STATUS_WORDS.contains(w))
}

/// Whether a label introduces the order's number ("Order no.", "N° de commande", "Номер
/// заказа", "订单编号"), as opposed to a tracking or payment number.
pub fn is_order_number_label(label: &str, lang: Option<Lang>) -> bool {
    ideas(label, lang).is_some_and(|i| i.has(Order) && !i.any(&[Track, Ship, Pay, Deliver, Transit, Date]))
}

/// Whether a label names the number of something that is not the order: a parcel's tracking
/// number, a payment, a delivery, a date.
pub fn is_other_number_label(label: &str, lang: Option<Lang>) -> bool {
    ideas(label, lang).is_some_and(|i| i.any(&[Track, Ship, Pay, Deliver, Transit, Date, Address, Refund, Dispute, Return]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status as S;

    #[test]
    fn every_dispute_stem_is_looked_for_as_written() {
        for stem in dispute_stems() {
            assert!(DISPUTE_AS_WRITTEN.iter().any(|w| stem.starts_with(&fold(w))), "{stem}");
        }
        assert!(mentions_dispute("spór zamknięty") && mentions_dispute("réclamation close") && !mentions_dispute("running shoes, size 42"));
    }

    #[test]
    fn each_language_s_rows_hold_its_own_words() {
        // (Portuguese "saiu" and "automático" had been filed under Spanish.)
        assert_eq!(status_of("Confirmado automaticamente", Some(Lang::Pt)), Some(S::Completed));
        assert!(ideas("O pacote saiu do país de origem", Some(Lang::Pt)).is_some_and(|i| i.has(Left) && !i.has(Ship)));
        assert!(!ideas("saiu", Some(Lang::Es)).is_some_and(|i| i.has(Left)));
        // Every language's rows: no stem twice.
        for l in Lang::ALL {
            let stems: Vec<&str> = rows(l).iter().map(|(s, _)| *s).collect();
            let mut unique = stems.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), stems.len(), "{l:?} has a stem twice");
        }
    }

    #[test]
    fn status_words_no_table_lists_are_read_by_their_family() {
        let cases: &[(&str, Lang, Option<S>)] = &[
            ("Delivered", Lang::En, Some(S::Shipped)),
            ("Order in transit", Lang::En, Some(S::Shipped)),
            ("Pending shipment", Lang::En, Some(S::AwaitingShipment)),
            ("Ready to ship", Lang::En, Some(S::AwaitingShipment)),
            ("Waiting for Seller to Send Goods", Lang::En, Some(S::AwaitingShipment)),
            ("Do wysyłki", Lang::Pl, Some(S::AwaitingShipment)),
            ("Do zapłaty", Lang::Pl, Some(S::AwaitingPayment)),
            ("Wareneingang bestätigt", Lang::De, Some(S::Completed)),
            ("已签收", Lang::Zh, Some(S::Shipped)),
            ("Dostarczono do paczkomatu", Lang::Pl, Some(S::Shipped)),
            ("To pay", Lang::En, Some(S::AwaitingPayment)),
            ("To ship", Lang::En, Some(S::AwaitingShipment)),
            ("Sent to carrier", Lang::En, Some(S::Shipped)),
            ("Por enviar", Lang::Es, Some(S::AwaitingShipment)),
            ("Unpaid", Lang::En, Some(S::AwaitingPayment)),
            ("Payment pending", Lang::En, Some(S::AwaitingPayment)),
            ("Order shipped", Lang::En, Some(S::Shipped)),
            ("Awaiting receipt", Lang::En, Some(S::Shipped)),
            ("Receipt confirmed", Lang::En, Some(S::Completed)),
            ("Order complete", Lang::En, Some(S::Completed)),
            ("CANCELLED.", Lang::En, Some(S::Closed)),
            ("Payment expired", Lang::En, Some(S::Closed)),
            ("Dispute opened", Lang::En, Some(S::Dispute)),
            ("Dispute closed", Lang::En, None),
            ("Free shipping", Lang::En, None),
            ("Shipped, cancelled", Lang::En, None),
            ("Livrée", Lang::Fr, Some(S::Shipped)),
            ("En cours de livraison", Lang::Fr, Some(S::Shipped)),
            ("Commande annulée", Lang::Fr, Some(S::Closed)),
            ("En préparation", Lang::Fr, Some(S::AwaitingShipment)),
            ("Доставлен", Lang::Ru, Some(S::Shipped)),
            ("В пути", Lang::Ru, Some(S::Shipped)),
            ("Ожидает оплаты", Lang::Ru, Some(S::AwaitingPayment)),
            ("Заказ отменён", Lang::Ru, Some(S::Closed)),
            ("Entregado", Lang::Es, Some(S::Shipped)),
            ("Pendiente de envío", Lang::Es, Some(S::AwaitingShipment)),
            ("Pedido finalizado", Lang::Pt, Some(S::Completed)),
            ("Aguardando envio", Lang::Pt, Some(S::AwaitingShipment)),
            ("Em trânsito", Lang::Pt, Some(S::Shipped)),
            ("Zugestellt", Lang::De, Some(S::Shipped)),
            ("Versandt", Lang::De, Some(S::Shipped)),
            ("Storniert", Lang::De, Some(S::Closed)),
            ("Abgeschlossen", Lang::De, Some(S::Completed)),
            ("Wysłane", Lang::Pl, Some(S::Shipped)),
            ("Oczekuje na płatność", Lang::Pl, Some(S::AwaitingPayment)),
            ("已发货", Lang::Zh, Some(S::Shipped)),
            ("运输中", Lang::Zh, Some(S::Shipped)),
            ("待付款", Lang::Zh, Some(S::AwaitingPayment)),
            ("待发货", Lang::Zh, Some(S::AwaitingShipment)),
            ("待收货", Lang::Zh, Some(S::Shipped)),
            ("交易完成", Lang::Zh, Some(S::Completed)),
            ("已取消", Lang::Zh, Some(S::Closed)),
            ("Rückerstattung läuft", Lang::De, None),
            ("Completed – awaiting your review", Lang::En, Some(S::Completed)),
            ("Awaiting feedback", Lang::En, Some(S::Completed)),
            ("\u{202e}Awaiting delivery", Lang::En, None),
            ("Blue cotton T-shirt", Lang::En, None),
            ("Entregado y confirmado", Lang::Es, Some(S::Completed)),
            ("Delivered and confirmed", Lang::En, Some(S::Completed)),
            ("Seller is packing your order", Lang::En, Some(S::AwaitingShipment)),
            ("已确认收货，待评价", Lang::Zh, Some(S::Completed)),
            ("Receipt confirmed, awaiting your review", Lang::En, Some(S::Completed)),
            ("待确认收货", Lang::Zh, Some(S::Shipped)),
            ("Package update", Lang::En, None),
            ("Versand wird vorbereitet", Lang::De, Some(S::AwaitingShipment)),
            ("Der Verkäufer bereitet den Versand vor", Lang::De, Some(S::AwaitingShipment)),
            ("Zwrócono pieniądze", Lang::Pl, Some(S::Closed)),
            ("Pedido en curso", Lang::Es, None),
            ("Order in progress", Lang::En, None),
            // A refund request is a case under way, its request the end of a German compound; so
            // is a refund being negotiated or "en trámite" (blind round twenty-nine).
            ("Rückerstattungsantrag eingereicht", Lang::De, Some(S::Dispute)),
            ("Reembolso em negociação", Lang::Pt, Some(S::Dispute)),
            ("Reembolso en trámite", Lang::Es, Some(S::Dispute)),
            ("Refund under negotiation", Lang::En, Some(S::Dispute)),
        ];
        for (text, lang, want) in cases {
            assert_eq!(status_of(text, Some(*lang)), *want, "{text} ({lang:?})");
        }
    }

    #[test]
    fn button_labels_by_their_family() {
        let cases: &[(&str, Lang, Option<Action>)] = &[
            ("Confirm order received", Lang::En, Some(Action::ConfirmReceipt)),
            ("Confirm delivery", Lang::En, Some(Action::ConfirmReceipt)),
            ("Pay now", Lang::En, Some(Action::PayNow)),
            ("Cancel order", Lang::En, Some(Action::CancelOrder)),
            ("Leave feedback", Lang::En, Some(Action::Review)),
            ("Buy again", Lang::En, Some(Action::BuyAgain)),
            ("Delete", Lang::En, Some(Action::Delete)),
            ("Return to the order list", Lang::En, None),
            ("Request a refund", Lang::En, Some(Action::ReturnsRefunds)),
            ("Zwroty i refundacje", Lang::Pl, Some(Action::ReturnsRefunds)),
            ("Pedir extensão da proteção", Lang::Pt, Some(Action::ExtendProtection)),
            ("Cancel refund request", Lang::En, None),
            ("Cancel", Lang::En, None),
            ("Bestellung stornieren", Lang::De, Some(Action::CancelOrder)),
            ("取消订单", Lang::Zh, Some(Action::CancelOrder)),
            ("Confirmer la livraison", Lang::Fr, Some(Action::ConfirmReceipt)),
            ("Ouvrir un litige", Lang::Fr, Some(Action::OpenDispute)),
            ("Подтвердить получение", Lang::Ru, Some(Action::ConfirmReceipt)),
            ("Confirmar recebimento", Lang::Pt, Some(Action::ConfirmReceipt)),
            ("Empfang bestätigen", Lang::De, Some(Action::ConfirmReceipt)),
            ("Wareneingang bestätigen", Lang::De, Some(Action::ConfirmReceipt)),
            ("Ask seller to prolong protection", Lang::En, Some(Action::ExtendProtection)),
            ("Poproś sprzedawcę o dłuższą ochronę", Lang::Pl, Some(Action::ExtendProtection)),
            ("Potwierdź odbiór", Lang::Pl, Some(Action::ConfirmReceipt)),
            ("确认收货", Lang::Zh, Some(Action::ConfirmReceipt)),
            ("Zahlen", Lang::De, Some(Action::PayNow)),
            ("Открыть спор", Lang::Ru, Some(Action::OpenDispute)),
            ("Магазин Спорт", Lang::Ru, None),
            ("Подтвердить адрес доставки", Lang::Ru, None),
            ("Confirm delivery address", Lang::En, None),
            ("Blue cotton T-shirt", Lang::En, None),
        ];
        for (text, lang, want) in cases {
            assert_eq!(action_of(text, Some(*lang)), *want, "{text} ({lang:?})");
        }
    }

    #[test]
    fn date_labels_by_their_family() {
        let cases: &[(&str, Lang, Option<DateKind>)] = &[
            ("Ord. date", Lang::En, None), // "ord." is not a word of the family: the shape decides
            ("Ordered", Lang::En, Some(DateKind::Placed)),
            ("Dispatched on", Lang::En, Some(DateKind::Shipped)),
            ("Payment made", Lang::En, Some(DateKind::Paid)),
            ("Received on", Lang::En, Some(DateKind::Completed)),
            ("Estimated delivery", Lang::En, None),
            ("Date d'expédition", Lang::Fr, Some(DateKind::Shipped)),
            ("Дата заказа", Lang::Ru, Some(DateKind::Placed)),
            ("Fecha de envío", Lang::Es, Some(DateKind::Shipped)),
            ("Bestelldatum", Lang::De, Some(DateKind::Placed)),
            ("Data zamówienia", Lang::Pl, Some(DateKind::Placed)),
            ("下单日期", Lang::Zh, Some(DateKind::Placed)),
            ("订单日期", Lang::Zh, Some(DateKind::Placed)),
            ("发货时间", Lang::Zh, Some(DateKind::Shipped)),
            // "By" before a word is who did it; just before the date it is a limit.
            ("Shipped by seller", Lang::En, Some(DateKind::Shipped)),
            ("Ship by", Lang::En, None),
            ("Versand bis zum", Lang::De, None),
            // A party's noun is no event: the sender's warehouse, the recipient's address.
            ("Продавец отправил заказ", Lang::Ru, Some(DateKind::Shipped)),
            ("Прибыло на склад отправителя", Lang::Ru, None),
            ("Arrivé à l'entrepôt de l'expéditeur", Lang::Fr, None),
            ("Beim Empfänger zugestellt", Lang::De, None),
            ("Sprzedawca nadał przesyłkę", Lang::Pl, Some(DateKind::Shipped)),
            // The local carrier's hand-over is the last mile, not the journey's first step.
            ("Handed over to the carrier", Lang::En, Some(DateKind::HandedOver)),
            ("Remis au transporteur local (Colissimo)", Lang::Fr, None),
            ("Przekazano przewoźnikowi krajowemu (InPost)", Lang::Pl, None),
            ("Arrived at local delivery depot", Lang::En, None),
            // Received by someone named is a delivery; received, a receipt.
            ("Livré, réceptionné par le gardien", Lang::Fr, None),
            ("Received", Lang::En, Some(DateKind::Completed)),
        ];
        for (text, lang, want) in cases {
            assert_eq!(date_label_of(text, Some(*lang)), *want, "{text} ({lang:?})");
        }
    }

    #[test]
    fn protection_sentences_in_any_wording() {
        let cases: &[(&str, Lang, Option<Limit>)] = &[
            ("Refund if not delivered by", Lang::En, Some(Limit::RefundIfNoDelivery)),
            ("Rückerstattung, falls keine Lieferung bis zum", Lang::De, Some(Limit::RefundIfNoDelivery)),
            ("Zwrot pieniędzy, jeśli przesyłka nie dotrze przed", Lang::Pl, Some(Limit::RefundIfNoDelivery)),
            ("Reembolso se não for entregue até", Lang::Pt, Some(Limit::RefundIfNoDelivery)),
            ("若在 前未送达，全额退款", Lang::Zh, Some(Limit::RefundIfNoDelivery)),
            ("Вернём деньги, если не доставим до", Lang::Ru, Some(Limit::RefundIfNoDelivery)),
            ("Если ваш заказ не будет доставлен до , деньги будут возвращены автоматически", Lang::Ru, Some(Limit::RefundIfNoDelivery)),
            ("If your order doesn't arrive before", Lang::En, Some(Limit::DoesNotArrive)),
            ("Estimated delivery", Lang::En, None),
            ("El vendedor enviará tu pedido antes del", Lang::Es, None),
            ("Pay before", Lang::En, None),
            ("Zwrot pieniędzy, jeśli nie otrzymasz przesyłki do", Lang::Pl, Some(Limit::RefundIfNoDelivery)),
            ("Confirm receipt before", Lang::En, None),
        ];
        for (text, lang, want) in cases {
            assert_eq!(protection_limit_of(text, Some(*lang)), *want, "{text}");
        }
    }

    #[test]
    fn protection_countdown_labels() {
        assert!(is_protection_countdown_label("A proteção do comprador termina em", Some(Lang::Pt)));
        assert!(is_protection_countdown_label("Buyer protection time remaining", Some(Lang::En)));
        assert!(!is_protection_countdown_label("Pay within", Some(Lang::En)));
        assert!(!is_protection_countdown_label("The seller will ship within", Some(Lang::En)));
        // The label after the countdown, where the words before name no other one.
        assert!(is_protection_countdown("等待买家收货 还剩", "自动确认收货", Some(Lang::Zh)));
        assert!(!is_protection_countdown("Pay within", "or confirm receipt", Some(Lang::En)));
        assert!(!is_protection_countdown("Xqzt wpo", "Confirm received", Some(Lang::En)), "unknown words before say nothing");
    }

    #[test]
    fn order_number_labels() {
        assert!(is_order_number_label("Order no.", Some(Lang::En)));
        assert!(is_order_number_label("N° de commande", Some(Lang::Fr)));
        assert!(is_order_number_label("Номер заказа", Some(Lang::Ru)));
        assert!(is_order_number_label("订单编号", Some(Lang::Zh)));
        assert!(!is_order_number_label("Tracking number", Some(Lang::En)));
        assert!(!is_order_number_label("Numer przesyłki", Some(Lang::Pl)));
    }
}
