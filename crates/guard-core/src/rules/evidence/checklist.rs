//! What evidence each kind of problem needs. Disputes are lost on evidence (a photo forgotten, a
//! file the site refuses); which pieces fit which problem is the team's best knowledge of how the
//! platform decides: proof of what arrived (or did not), proof it is this order, and what was
//! promised.

use crate::wire::forms::Problem;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Piece {
    /// The tracking page, showing the last status and its date.
    TrackingPage,
    /// The conversation with the seller.
    ChatScreenshots,
    /// The order page showing what was paid.
    PaymentProof,
    /// The item as it arrived, several angles.
    ItemPhotos,
    /// Close-ups of the damage.
    DamagePhotos,
    /// The package with its shipping label (proves it is this order's parcel).
    LabelPhoto,
    /// The parcel opened on camera, from sealed to contents.
    UnboxingVideo,
    /// The listing's description and photos, as they promised.
    ListingScreenshot,
    /// Everything that came in the box, laid out.
    ContentsPhoto,
    /// Logos, labels, serial numbers, compared with the genuine article.
    BrandDetails,
}

impl Piece {
    /// The message key of its checklist line (extension/i18n/evidence).
    pub fn key(self) -> &'static str {
        match self {
            Piece::TrackingPage => "checklistTrackingPage",
            Piece::ChatScreenshots => "checklistChat",
            Piece::PaymentProof => "checklistPaymentProof",
            Piece::ItemPhotos => "checklistItemPhotos",
            Piece::DamagePhotos => "checklistDamagePhotos",
            Piece::LabelPhoto => "checklistLabelPhoto",
            Piece::UnboxingVideo => "checklistUnboxingVideo",
            Piece::ListingScreenshot => "checklistListingScreenshot",
            Piece::ContentsPhoto => "checklistContentsPhoto",
            Piece::BrandDetails => "checklistBrandDetails",
        }
    }

    /// As the English dispute text names it.
    pub fn english(self) -> &'static str {
        match self {
            Piece::TrackingPage => "a screenshot of the tracking page",
            Piece::ChatScreenshots => "screenshots of my messages with the seller",
            Piece::PaymentProof => "the order page showing the amount paid",
            Piece::ItemPhotos => "photos of the item as received",
            Piece::DamagePhotos => "close-up photos of the damage",
            Piece::LabelPhoto => "a photo of the package with its shipping label",
            Piece::UnboxingVideo => "an unboxing video",
            Piece::ListingScreenshot => "a screenshot of the product listing",
            Piece::ContentsPhoto => "a photo of everything that was in the package",
            Piece::BrandDetails => "close-up photos of the logos, labels and serial numbers",
        }
    }
}

/// The evidence for a problem, most telling first.
pub fn checklist(problem: Problem) -> &'static [Piece] {
    use Piece::*;
    match problem {
        Problem::NotReceived => &[TrackingPage, ChatScreenshots, PaymentProof],
        Problem::Damaged => &[DamagePhotos, LabelPhoto, UnboxingVideo, ItemPhotos, ChatScreenshots],
        Problem::NotAsDescribed => &[ItemPhotos, ListingScreenshot, UnboxingVideo, LabelPhoto, ChatScreenshots],
        Problem::WrongItem => &[ItemPhotos, LabelPhoto, ListingScreenshot, UnboxingVideo, ChatScreenshots],
        Problem::MissingParts => &[ContentsPhoto, ListingScreenshot, LabelPhoto, UnboxingVideo, ChatScreenshots],
        Problem::Fake => &[BrandDetails, ListingScreenshot, ItemPhotos, LabelPhoto, ChatScreenshots],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::forms::PROBLEMS;

    #[test]
    fn every_problem_has_a_checklist_and_the_seller_chat() {
        for p in PROBLEMS {
            let list = checklist(p);
            assert!(list.len() >= 3, "{p:?}");
            assert!(list.contains(&Piece::ChatScreenshots), "{p:?}");
        }
        // What arrived is proven by photos, except when nothing arrived.
        assert!(!checklist(Problem::NotReceived).contains(&Piece::ItemPhotos));
        assert!(checklist(Problem::Damaged).contains(&Piece::UnboxingVideo));
    }
}
