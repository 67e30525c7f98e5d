//! Evidence uploads: every file picked into a dispute or return form is checked before the site
//! sees it (CONTRACT.md section 4), and what can be fixed in the browser is offered.
//!
//! - `format`: what a file is, from its first bytes; what its name and type claim;
//! - `limits` (+ `limit_phrases`): what the form takes, from `accept`, the text beside the input
//!   in eight languages, else the shopper's defaults;
//! - `verdict`: pass or fail per file, with the contract's code, the limit and the fix;
//! - `location`: EXIF GPS out of JPEG photos;
//! - `checklist`: the evidence each problem needs.
//!
//! The content script sends only each file's name, size, declared type and first 64 bytes (a
//! 2 GB video costs what a photo costs); for JPEGs that keep going, the headers before the image
//! data, to remove their location.

pub mod checklist;
pub mod format;
pub mod limit_phrases;
pub mod limits;
pub mod location;
pub mod verdict;

use crate::read::reading::PageReading;
use crate::rules::settings::Settings;
use crate::wire::forms::FormPlan;
use crate::wire::page_plan::{Message, Op, Tone, Widget};
use chrono::NaiveDate;

/// The ops for a dispute page: watch each evidence input and its upload area (unless the
/// shopper switched the evidence check off: then the inputs are left as they are), show the
/// assistant next to the form, and say so when the site is busy.
pub fn plan_ops(reading: &PageReading, settings: &Settings, _today: NaiveDate) -> Vec<Op> {
    let mut ops = vec![];
    let inputs = if settings.evidence.check_files { &reading.file_inputs[..] } else { &[] };
    for f in inputs {
        let mut rules = limits::rules_for(f.accept.as_deref(), f.multiple, &f.hint, &settings.evidence);
        rules.place = f.place.clone();
        ops.push(Op::Evidence { node: f.node, rules });
        if let Some(zone) = f.zone {
            ops.push(Op::EvidenceDrop { node: zone, input: f.node });
        }
        if let Some(node) = f.reread {
            ops.push(Op::Reread { node });
        }
    }
    // The assistant (and its "system busy" advice) has a switch of its own.
    let Some(form) = reading.dispute_form.as_ref().filter(|_| settings.dispute_assistant) else { return ops };
    for &node in &form.busy {
        ops.push(Op::DisputeBusy { node, ui: busy_notice() });
    }
    let anchor = form.description.or_else(|| reading.file_inputs.first().map(|f| f.zone.unwrap_or(f.node)));
    if let Some(node) = anchor {
        ops.push(Op::DisputeForm {
            node,
            form: FormPlan {
                description: form.description,
                amount: form.amount,
                choices: form.choices.clone(),
                problem: form.chosen,
                facts: crate::wire::forms::FormFacts { order_id: form.order_id.clone(), paid: form.paid.clone() },
                problems: FormPlan::problems(),
            },
        });
    }
    ops
}

/// "The site is busy": SOURCES.md section 6 ("system busy" errors: keep screenshots).
fn busy_notice() -> Widget {
    Widget::new("dispute-busy", Tone::Warn, vec![Message::new("disputeBusy"), Message::new("disputeBusyScreenshots")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_guard::plan_page;
    use crate::wire::page_plan::Op;
    use crate::wire::snapshot::Snapshot;

    #[test]
    fn a_dispute_page_gets_watched_inputs_a_drop_zone_and_the_assistant() {
        let json = r##"{"v":1,"url":"https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8100000000007919","nodes":[
            [-1,"body",[]],[0,"form",[]],
            [1,"div",[]],[2,"textarea",[]],
            [1,"div",[]],[4,"div",[]],[5,"input",["type","file","multiple",""]],[5,"#","Up to 3 photos, max 2 MB each"],
            [0,"div",[]],[8,"#","System busy, try again later"]]}"##;
        let snap = Snapshot::from_json(json).unwrap();
        let plan = plan_page(&snap, &Settings::default(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap());
        let evidence: Vec<&Op> = plan.ops.iter().filter(|o| matches!(o, Op::Evidence { .. })).collect();
        assert_eq!(evidence.len(), 1);
        let Op::Evidence { node, rules } = evidence[0] else { unreachable!() };
        assert_eq!((*node, rules.photos, rules.photo_bytes), (6, Some(3), 2 << 20));
        assert!(plan.ops.contains(&Op::EvidenceDrop { node: 4, input: 6 }));
        assert!(plan.ops.iter().any(|o| matches!(o, Op::DisputeForm { node: 3, form } if form.facts.order_id.as_deref() == Some("8100000000007919"))));
        assert!(plan.ops.iter().any(|o| matches!(o, Op::DisputeBusy { node: 8, ui } if ui.component == "dispute-busy")));
    }

    #[test]
    fn switched_off_the_inputs_are_left_alone_and_the_assistant_stays() {
        let json = r##"{"v":1,"url":"https://www.aliexpress.com/p/reverse-pages/start.html?orderId=8100000000007919","nodes":[
            [-1,"body",[]],[0,"form",[]],
            [1,"div",[]],[2,"textarea",[]],
            [1,"div",[]],[4,"div",[]],[5,"input",["type","file","multiple",""]],[5,"#","Up to 3 photos, max 2 MB each"]]}"##;
        let snap = Snapshot::from_json(json).unwrap();
        let mut settings = Settings::default();
        settings.evidence.check_files = false;
        let plan = plan_page(&snap, &settings, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap());
        assert!(!plan.ops.iter().any(|o| matches!(o, Op::Evidence { .. } | Op::EvidenceDrop { .. } | Op::Reread { .. })), "{:?}", plan.ops);
        assert!(plan.ops.iter().any(|o| matches!(o, Op::DisputeForm { .. })));
        // On: the input is watched, with its place on the form.
        let plan = plan_page(&snap, &Settings::default(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap());
        assert!(plan.ops.iter().any(|o| matches!(o, Op::Evidence { node: 6, rules } if rules.place.starts_with("||1|"))));
    }

    #[test]
    fn order_pages_get_no_evidence_ops() {
        let json = r##"{"v":1,"url":"https://www.aliexpress.com/p/order/index.html","nodes":[[-1,"body",[]],[0,"input",["type","file"]],[0,"textarea",[]]]}"##;
        let snap = Snapshot::from_json(json).unwrap();
        let plan = plan_page(&snap, &Settings::default(), NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap());
        assert!(!plan.ops.iter().any(|o| matches!(o, Op::Evidence { .. } | Op::DisputeForm { .. } | Op::EvidenceDrop { .. })));
    }

    #[test]
    fn the_check_answers_or_explains() {
        let rules = limits::rules_for(None, true, "", &crate::rules::settings::EvidenceDefaults::default());
        let req = serde_json::json!({ "rules": rules, "files": [{ "name": "a.jpg", "size": 10, "type": "image/jpeg", "head": [255, 216, 255, 224] }] });
        let out: serde_json::Value = serde_json::from_str(&crate::api::check_evidence(&req.to_string()).unwrap()).unwrap();
        assert_eq!(out["verdicts"][0]["pass"], true);
        assert_eq!(out["verdicts"][0]["content"], serde_json::json!({ "is": "known", "format": "jpeg" }));
        assert!(crate::api::check_evidence("{").is_err());
    }
}
