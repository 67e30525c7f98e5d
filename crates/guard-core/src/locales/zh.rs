//! Chinese (simplified). FACTS.md found no public sample of the Chinese interface: every row is
//! the team's best knowledge ("team"), to be confirmed on live pages. Dates are numeric
//! ("2024年3月12日"), so there are no month names.

use super::{ControlKind as C, Field as F, LocaleTable, Term, TimeUnit as U, Word};
use crate::order::{DisputeProgress as D, Status as S, WindowPurpose as P, WindowStart as W};

const TEAM: &str = "team";

const fn w(term: Term, text: &'static str) -> Word {
    Word { term, text, source: TEAM }
}

pub const TABLE: LocaleTable = LocaleTable {
    lang: super::Lang::Zh,
    words: &[
        w(Term::Status(S::AwaitingPayment), "等待付款"),
        w(Term::Status(S::AwaitingPayment), "待付款"),
        w(Term::Status(S::AwaitingShipment), "等待发货"),
        w(Term::Status(S::AwaitingShipment), "待发货"),
        w(Term::Status(S::Shipped), "等待收货"),
        w(Term::Status(S::Shipped), "待收货"),
        w(Term::Status(S::Shipped), "已发货"),
        w(Term::Status(S::Completed), "已完成"),
        w(Term::Status(S::Completed), "交易完成"),
        w(Term::Status(S::Closed), "已关闭"),
        w(Term::Status(S::Closed), "交易关闭"),
        w(Term::Status(S::Closed), "已取消"),
        w(Term::Dispute(D::InProgress), "纠纷处理中"),
        w(Term::Dispute(D::Cancelled), "纠纷已取消"),
        w(Term::Dispute(D::Decided), "退款成功"),
        w(Term::Control(C::ConfirmReceipt), "确认收货"),
        w(Term::Control(C::OpenDispute), "提起纠纷"),
        w(Term::Control(C::OpenDispute), "发起纠纷"),
        w(Term::Control(C::ReturnsRefunds), "退货/退款"),
        w(Term::Control(C::ExtendProtection), "申请延长买家保护期"),
        w(Term::Control(C::CancelDispute), "取消纠纷"),
        w(Term::Control(C::TrackOrder), "查看物流"),
        w(Term::PopupQuestion, "是否已收到"),
        w(Term::PopupQuestion, "您已收到"),
        w(Term::PopupConfirm, "确认"),
        w(Term::PopupConfirm, "确定"),
        w(Term::Field(F::OrderDate), "下单时间"),
        w(Term::Field(F::OrderDate), "订单日期"),
        w(Term::Field(F::OrderId), "订单号"),
        w(Term::Field(F::PaidOn), "付款时间"),
        w(Term::Field(F::ShippedOn), "发货时间"),
        w(Term::Field(F::CompletedOn), "完成时间"),
        w(Term::Field(F::RefundIfNoDelivery), "未送达可退款截止日期"),
        w(Term::Field(F::DoesNotArrive), "如果订单未在以下日期送达"),
        w(Term::Field(F::Total), "总计"),
        w(Term::Field(F::Total), "实付款"),
        w(Term::Window(P::ReturnRefund, W::ConfirmReceipt), "确认收货后{N}天内申请退货/退款"),
        w(Term::Window(P::Dispute, W::OrderPlaced), "下单后{N}天内提起纠纷"),
        w(Term::Economy, "经济型物流"),
        w(Term::Economy, "super economy"),
        w(Term::CountdownLabel, "自动确认收货还剩"),
        w(Term::CountdownLabel, "买家保护剩余"),
        w(Term::Unit(U::Day), "天"),
        w(Term::Unit(U::Hour), "小时"),
        w(Term::Unit(U::Hour), "时"),
        w(Term::Unit(U::Minute), "分钟"),
        w(Term::Unit(U::Minute), "分"),
        w(Term::Unit(U::Second), "秒"),
    ],
    months: &[],
    months_source: "none: Chinese dates are numeric (年/月/日)",
};
