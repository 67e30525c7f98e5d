//! The typed data of the plan's form ops: the rules an evidence upload enforces
//! (`Op::Evidence`) and the dispute form assistant's plan (`Op::DisputeForm`). Plain data here;
//! what they mean and how they are worked out live in `rules` (evidence, dispute_form).

use super::snapshot::NodeId;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Evidence uploads

/// A format the checks know. Serialised in lower case (`"jpeg"`, `"3gp"`), as in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    /// HEVC-coded HEIF, the iPhone camera's "High Efficiency" photos.
    Heic,
    /// HEIF with another or no stated codec.
    Heif,
    Avif,
    Mp4,
    /// QuickTime.
    Mov,
    Avi,
    Webm,
    Mkv,
    #[serde(rename = "3gp")]
    ThreeGp,
    Pdf,
    Zip,
}

/// What the shopper would call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Photo,
    Video,
    Document,
    Archive,
}

/// Where a limit comes from, so a message can say "this form takes…" or "Dispute Guard's
/// default…".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The input's `accept` attribute.
    Accept,
    /// The text beside the input.
    PageText,
    /// The extension's defaults (options page).
    Default,
}

/// The rules one file input enforces: the typed `rules` of `Op::Evidence`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadRules {
    pub formats: Vec<Format>,
    pub formats_from: Origin,
    pub photo_bytes: u64,
    pub photo_bytes_from: Origin,
    /// Videos and any other file (PDF, ZIP).
    pub video_bytes: u64,
    pub video_bytes_from: Origin,
    /// Files per pick; `None` when the page states counts per kind only.
    pub files: Option<u32>,
    pub files_from: Origin,
    /// Photos / videos per pick, when the page states them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photos: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub videos: Option<u32>,
    /// The input takes several files in one pick.
    pub multiple: bool,
    /// Remove location metadata from JPEG photos before they reach the site.
    pub strip_location: bool,
    /// The kinds whose formats the page leaves open (no `accept` and no format named beside
    /// the input, or only a wildcard such as `image/*`): our list of their formats is a guess,
    /// so a file refused only by it is held with a warning, never blocked outright.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub open_kinds: Vec<Kind>,
    /// Where the input sits on the form (its name, what it takes, the text of its upload
    /// area): a site that re-renders its uploader gives the new input the same place, so a
    /// pick checked meanwhile can be handed to it (`evidence::plan_ops`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
}

// ---------------------------------------------------------------------------------------------
// The dispute form

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Problem {
    NotReceived,
    Damaged,
    NotAsDescribed,
    WrongItem,
    MissingParts,
    Fake,
}

impl Problem {
    /// Its name in the assistant (extension/i18n/evidence).
    pub fn key(self) -> &'static str {
        match self {
            Problem::NotReceived => "problemNotReceived",
            Problem::Damaged => "problemDamaged",
            Problem::NotAsDescribed => "problemNotAsDescribed",
            Problem::WrongItem => "problemWrongItem",
            Problem::MissingParts => "problemMissingParts",
            Problem::Fake => "problemFake",
        }
    }
}

pub const PROBLEMS: [Problem; 6] = [Problem::NotReceived, Problem::Damaged, Problem::NotAsDescribed, Problem::WrongItem, Problem::MissingParts, Problem::Fake];

/// A choice on the page that names a problem (a radio button, an option).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemChoice {
    pub node: NodeId,
    pub problem: Problem,
}

/// What the dispute page itself tells about the order (the plan's `FormPlan::facts`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FormFacts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// The text stating what was paid or the most that can be refunded ("max US $7.98").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paid: Option<String>,
}

/// The assistant for one dispute form: the typed data of `Op::DisputeForm`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormPlan {
    /// The description field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<NodeId>,
    /// The refund amount field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<NodeId>,
    /// The page's own choices of problem, to follow the shopper's pick.
    pub choices: Vec<ProblemChoice>,
    /// The problem chosen on the page when it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
    pub facts: FormFacts,
    /// Every problem, with its message key, for the assistant's own choice.
    pub problems: Vec<(Problem, String)>,
}

impl FormPlan {
    pub fn problems() -> Vec<(Problem, String)> {
        PROBLEMS.iter().map(|p| (*p, p.key().to_string())).collect()
    }
}
