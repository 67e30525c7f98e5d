//! Pass or fail for each picked file, with the contract's error code (CONTRACT.md section 4), the
//! limit that failed and how to fix it, as message keys (extension/i18n/evidence) the content
//! script renders in the shopper's language.
//!
//! Order of the checks, first failure wins:
//! 1. `too-many`: files beyond the form's count, by position in the pick (the first ones up to the
//!    limit go on if they pass the rest);
//! 2. `empty`: zero bytes;
//! 3. `bad-format`: the content is a program, whatever its size or name;
//! 4. `too-large`: over the size limit for its kind (the content's, else the one its name or type
//!    claims), unless it is a format the form does not take (then 5 says what helps);
//! 5. `bad-format`: the content is unknown, or a format the form does not take;
//! 6. `mismatch`: the name or the declared type says another format than the content.
//!
//! Where the page states no limit, the extension's defaults are guesses (CONTRACT.md section 4): a
//! file that breaks only a default (a size, the count of files, a format of a kind the page names
//! no format of) is not blocked outright. Its verdict is a `warning`: held back, with the first
//! default it breaks, until the shopper chooses to send it anyway. The checks go on after a
//! default, so a file that also breaks a stated limit, is empty, a program or named for another
//! format is still refused, for that reason.

use super::format::{claim_of_name, claim_of_type, sniff, Claim, Content, Format, Kind};
use super::limits::{Origin, UploadRules};
use crate::wire::page_plan::{Arg, Message};
use serde::{Deserialize, Serialize};

/// One picked file as the content script sees it: never its whole content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickedFile {
    pub name: String,
    pub size: u64,
    /// The type the browser declares (from the name, usually); may be empty.
    #[serde(default, rename = "type")]
    pub mime: String,
    /// The first bytes (`format::HEAD_BYTES`), or all of a shorter file.
    #[serde(default)]
    pub head: Vec<u8>,
}

/// A pick to check: the input's rules and the files, in the order the shopper picked them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRequest {
    pub rules: UploadRules,
    pub files: Vec<PickedFile>,
    /// Dropped on the form's drop zone rather than picked in the input's dialog.
    #[serde(default)]
    pub dropped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    TooLarge,
    BadFormat,
    Mismatch,
    Empty,
    TooMany,
}

/// The limit a file failed, for the message and for power users.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "limit")]
pub enum Limit {
    Bytes { max: u64, from: Origin },
    Count { max: u32, kind: Option<Kind>, from: Origin },
    Formats { formats: Vec<Format>, from: Origin },
}

/// What the extension can do about a failure, or advise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "fix")]
pub enum Fix {
    /// Make a smaller JPEG copy in the page (canvas) that fits `max_bytes`, named `name`.
    Shrink { max_bytes: u64, name: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Position in the pick.
    pub index: usize,
    pub name: String,
    pub pass: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
    pub content: Content,
    /// Photo, video, document or archive, from the content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Fails only the extension's own defaults: held back with a warning, and the shopper
    /// may send it anyway.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub warning: bool,
    /// A JPEG that should lose its location metadata on the way (see `location`).
    pub strip_location: bool,
    /// What to tell the shopper: which file, which limit, how to fix it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Message>,
}

fn text(s: &str) -> Arg {
    Arg::Text(s.to_string())
}

fn format_list(formats: &[Format]) -> String {
    let mut names: Vec<&str> = formats.iter().map(|f| f.name()).collect();
    names.dedup();
    names.join(", ")
}

/// Whether the content is a format the form takes. A name in the same container family that
/// the form takes counts too: an MP4-branded clip named `.mov` is what a "MOV" form gets anyway.
fn accepted(content: Format, claim: Option<Claim>, rules: &UploadRules) -> bool {
    rules.formats.contains(&content) || matches!(claim, Some(Claim::Format(c)) if c.family() == content.family() && rules.formats.contains(&c))
}

/// The name with its extension replaced (or added): "IMG_1.png" → "IMG_1.jpg".
fn renamed(name: &str, ext: &str) -> String {
    match super::format::extension(name) {
        Some(old) => format!("{}.{ext}", &name[..name.len() - old.len() - 1]),
        None => format!("{name}.{ext}"),
    }
}

/// The advice for a format the form does not take.
fn format_advice(content: Content) -> &'static str {
    match content {
        Content::Known(Format::Heic | Format::Heif) => "evidenceFixHeic",
        Content::Known(f) if f.kind() == Kind::Photo => "evidenceFixPhotoFormat",
        Content::Known(f) if f.kind() == Kind::Video => "evidenceFixVideoFormat",
        Content::Known(_) => "evidenceFixDocument",
        Content::Program => "evidenceFixProgram",
        Content::Unknown => "evidenceFixUnknown",
    }
}

fn count_limit(rules: &UploadRules, dropped: bool) -> Option<u32> {
    // The browser's own dialog lets a single-file input take one file; a drop may carry more.
    match (rules.files, rules.multiple || dropped) {
        (Some(n), true) => Some(n),
        (Some(n), false) => Some(n.min(1)),
        (None, true) => None,
        (None, false) => Some(1),
    }
}

/// One reason a file fails: the contract's code, what to tell, the limit, the fix; `soft`
/// when the limit is only the extension's default.
struct Failure {
    code: Code,
    lines: Vec<Message>,
    limit: Option<Limit>,
    fix: Option<Fix>,
    soft: bool,
}

impl Failure {
    fn new(code: Code, lines: Vec<Message>) -> Failure {
        Failure { code, lines, limit: None, fix: None, soft: false }
    }
    fn limit(mut self, limit: Limit) -> Failure {
        self.limit = Some(limit);
        self
    }
    fn soft(mut self, soft: bool) -> Failure {
        self.soft = soft;
        self
    }
}

/// Checks a whole pick, in order.
pub fn check(req: &CheckRequest) -> Vec<Verdict> {
    let rules = &req.rules;
    let files_max = count_limit(rules, req.dropped);
    let (mut photos_seen, mut videos_seen) = (0u32, 0u32);
    let mut out = Vec::with_capacity(req.files.len());
    for (index, f) in req.files.iter().enumerate() {
        let content = sniff(&f.head);
        let kind = match content {
            Content::Known(fmt) => Some(fmt.kind()),
            _ => None,
        };
        let slot = match kind {
            Some(Kind::Photo) => Some(Kind::Photo),
            Some(Kind::Video) => Some(Kind::Video),
            _ if rules.photos.is_some() => Some(Kind::Photo),
            _ if rules.videos.is_some() => Some(Kind::Video),
            _ => None,
        };
        let kind_max = match slot {
            Some(Kind::Photo) => rules.photos.map(|n| (n, photos_seen, Kind::Photo)),
            Some(Kind::Video) => rules.videos.map(|n| (n, videos_seen, Kind::Video)),
            _ => None,
        };
        match slot {
            Some(Kind::Photo) => photos_seen += 1,
            Some(Kind::Video) => videos_seen += 1,
            _ => {}
        }
        let mut v = Verdict {
            index,
            name: f.name.clone(),
            pass: false,
            code: None,
            content,
            kind,
            limit: None,
            fix: None,
            warning: false,
            strip_location: false,
            lines: vec![],
        };
        match failure(f, content, rules, req.dropped, index, files_max, kind_max) {
            None => v.pass = true,
            Some(fail) => {
                v.code = Some(fail.code);
                v.lines = fail.lines;
                v.limit = fail.limit;
                v.fix = fail.fix;
                v.warning = fail.soft;
                if fail.soft {
                    v.lines.push(Message::new("evidenceDefaultLimit"));
                    v.lines.push(Message::with("evidenceHeldBack", vec![text(&f.name)]));
                }
            }
        }
        // What goes on (now, or when the shopper sends it anyway) loses its location.
        v.strip_location = (v.pass || v.warning) && rules.strip_location && content == Content::Known(Format::Jpeg);
        out.push(v);
    }
    out
}

/// Why a file fails, if it does: the first limit the page states (or a file no form takes)
/// wins; else the first default it breaks, as a soft failure.
fn failure(
    f: &PickedFile,
    content: Content,
    rules: &UploadRules,
    dropped: bool,
    index: usize,
    files_max: Option<u32>,
    kind_max: Option<(u32, u32, Kind)>,
) -> Option<Failure> {
    let file = text(&f.name);
    let mut soft: Option<Failure> = None;
    // Returns a stated failure at once; keeps the first soft one and goes on.
    macro_rules! fail {
        ($failure:expr) => {{
            let fl: Failure = $failure;
            if !fl.soft {
                return Some(fl);
            }
            soft.get_or_insert(fl);
        }};
    }
    // 1. Count, by position (CONTRACT.md section 4: the first ones up to the limit go on if they
    // pass the other checks, the rest are too many). A file that is no photo or video
    // (empty, broken, a program) takes a place too: the photo's, where the page counts
    // photos, else the video's.
    if let Some(max) = files_max.filter(|&m| index as u32 >= m) {
        let from = if rules.multiple || dropped { rules.files_from } else { Origin::Accept };
        fail!(Failure::new(
            Code::TooMany,
            vec![Message::with("evidenceTooMany", vec![file.clone(), Arg::Number(max as i64)]), Message::new("evidenceFixTooMany")]
        )
        .limit(Limit::Count { max, kind: None, from })
        .soft(from == Origin::Default));
    }
    if let Some((max, _, k)) = kind_max.filter(|(max, seen, _)| seen >= max) {
        let key = if k == Kind::Photo { "evidenceTooManyPhotos" } else { "evidenceTooManyVideos" };
        fail!(Failure::new(Code::TooMany, vec![Message::with(key, vec![file.clone(), Arg::Number(max as i64)]), Message::new("evidenceFixTooMany")])
            .limit(Limit::Count { max, kind: Some(k), from: Origin::PageText }));
    }
    // 2. Empty.
    if f.size == 0 {
        fail!(Failure::new(Code::Empty, vec![Message::with("evidenceEmpty", vec![file.clone()]), Message::new("evidenceFixEmpty")]));
    }
    let name_claim = claim_of_name(&f.name);
    let type_claim = claim_of_type(&f.mime);
    let accepted_list = text(&format_list(&rules.formats));
    let formats_limit = || Limit::Formats { formats: rules.formats.clone(), from: rules.formats_from };
    let not_taken = matches!(content, Content::Known(fmt) if !accepted(fmt, name_claim, rules));
    // Refused only by our guess of the formats of its kind ("image/*" names no list; HEIC is
    // what phones make).
    let format_guessed = match content {
        Content::Known(fmt) => not_taken && rules.formats_open(fmt.kind()),
        Content::Unknown => rules.all_formats_open(),
        Content::Program => false,
    };
    // 3. A program, whatever its size or name.
    if content == Content::Program {
        let mut lines = vec![Message::with("evidenceProgram", vec![file.clone()])];
        if let Some(Claim::Format(c)) = name_claim.or(type_claim) {
            lines.push(Message::with("evidenceProgramDisguised", vec![text(c.name())]));
        }
        lines.push(Message::new(format_advice(content)));
        fail!(Failure::new(Code::BadFormat, lines).limit(formats_limit()));
    }
    // 4. Size, for its kind: the content's, else what the name or type says. (A format the
    //    form does not take is told as such below: its advice is what helps. A format refused
    //    only by our guess may still be sent: its size matters.)
    let size_kind = match content {
        Content::Known(fmt) => Some(fmt.kind()),
        _ => match name_claim.or(type_claim) {
            Some(Claim::Format(c)) => Some(c.kind()),
            _ => None,
        },
    }
    .unwrap_or(Kind::Video);
    let (max, from) = rules.bytes_for(size_kind);
    if f.size > max && (!not_taken || format_guessed) {
        let key = match size_kind {
            Kind::Photo => "evidenceTooLargePhoto",
            Kind::Video => "evidenceTooLargeVideo",
            _ => "evidenceTooLargeFile",
        };
        let mut fl = Failure::new(Code::TooLarge, vec![Message::with(key, vec![file.clone(), Arg::Bytes(f.size), Arg::Bytes(max)])])
            .limit(Limit::Bytes { max, from })
            .soft(from == Origin::Default);
        // A photo the browser can draw becomes a JPEG that fits (and is named .jpg, so a
        // name that disagreed with the content is fixed on the way).
        let can_shrink =
            matches!(content, Content::Known(fmt) if fmt.kind() == Kind::Photo && fmt.info().browser_decodes) && rules.formats.contains(&Format::Jpeg);
        if can_shrink {
            fl.fix = Some(Fix::Shrink { max_bytes: max, name: renamed(&f.name, "jpg") });
            fl.lines.push(Message::new("evidenceFixShrink"));
        } else {
            fl.lines.push(Message::new(match size_kind {
                Kind::Photo => "evidenceFixPhotoSize",
                Kind::Video => "evidenceFixVideoSize",
                _ => "evidenceFixFileSize",
            }));
        }
        fail!(fl);
    }
    // 5. Format, from the content.
    let fmt = match content {
        Content::Known(fmt) if !not_taken => fmt,
        _ => {
            let mut lines = match content {
                Content::Known(fmt) => vec![Message::with("evidenceNotAccepted", vec![file.clone(), text(fmt.name()), accepted_list])],
                _ => vec![Message::with("evidenceUnknown", vec![file.clone(), accepted_list])],
            };
            lines.push(Message::new(format_advice(content)));
            fail!(Failure::new(Code::BadFormat, lines).limit(formats_limit()).soft(format_guessed));
            match content {
                Content::Known(fmt) => fmt,
                // Nothing to compare a name with: what was found is all there is.
                _ => return soft,
            }
        }
    };
    // 6. Name or declared type disagreeing with the content.
    if let Some(claim) = [name_claim, type_claim].into_iter().flatten().find(|c| c.family() != fmt.family()) {
        let claimed = match claim {
            Claim::Format(c) => Message::with("evidenceClaimFormat", vec![text(c.name())]),
            Claim::Program => Message::new("evidenceClaimProgram"),
        };
        let by_name = name_claim == Some(claim);
        let ext = fmt.info().extensions[0];
        fail!(Failure::new(
            Code::Mismatch,
            vec![
                Message::with(if by_name { "evidenceMismatchName" } else { "evidenceMismatchType" }, vec![file, text(fmt.name())]),
                claimed,
                Message::with("evidenceFixRename", vec![text(&renamed(&f.name, ext))]),
            ],
        ));
    }
    soft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::evidence::format::sample;
    use crate::rules::evidence::limits::rules_for;
    use crate::rules::settings::EvidenceDefaults;
    const MB: u64 = 1 << 20;

    fn file(name: &str, size: u64, mime: &str, format: Option<Format>) -> PickedFile {
        let head = match format {
            Some(f) => sample(f),
            None => b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF\x00\x00".to_vec(),
        };
        PickedFile { name: name.into(), size, mime: mime.into(), head }
    }

    fn form(hint: &str) -> UploadRules {
        rules_for(Some("image/jpeg,image/png,video/mp4"), true, hint, &EvidenceDefaults::default())
    }

    fn codes(v: &[Verdict]) -> Vec<Option<Code>> {
        v.iter().map(|v| v.code).collect()
    }

    #[test]
    fn valid_photos_and_videos_pass_and_jpegs_lose_their_location() {
        let req = CheckRequest {
            rules: form("Up to 3 photos, max 5 MB each"),
            files: vec![
                file("a.jpg", 300_000, "image/jpeg", Some(Format::Jpeg)),
                file("b.png", 200_000, "image/png", Some(Format::Png)),
                file("c.mp4", 20 * MB, "video/mp4", Some(Format::Mp4)),
            ],
            dropped: false,
        };
        let v = check(&req);
        assert_eq!(codes(&v), vec![None, None, None]);
        assert!(v.iter().all(|v| v.pass && v.lines.is_empty()));
        assert_eq!(v.iter().map(|v| v.strip_location).collect::<Vec<_>>(), vec![true, false, false]);
    }

    #[test]
    fn the_contract_codes() {
        let req = CheckRequest {
            rules: form("Up to 4 photos, max 5 MB each"),
            files: vec![
                file("virus.jpg", 40_000, "image/jpeg", None), // a program named .jpg
                file("empty.jpg", 0, "image/jpeg", Some(Format::Jpeg)),
                file("photo.png", 100_000, "image/png", Some(Format::Jpeg)), // JPEG named .png
                file("big.jpg", 9 * MB, "image/jpeg", Some(Format::Jpeg)),
                file("iphone.heic", 2 * MB, "image/heic", Some(Format::Heic)),
            ],
            dropped: false,
        };
        let v = check(&req);
        // Places count by position (the program takes one too): the HEIC is the 5th of "up to 4 photos".
        assert_eq!(codes(&v), vec![Some(Code::BadFormat), Some(Code::Empty), Some(Code::Mismatch), Some(Code::TooLarge), Some(Code::TooMany)]);
        assert_eq!(v[0].lines[0].key, "evidenceProgram");
        assert_eq!(v[0].lines[1].key, "evidenceProgramDisguised");
        assert_eq!(v[2].lines[2], Message::with("evidenceFixRename", vec![text("photo.jpg")]));
        assert!(v.iter().all(|v| !v.pass && v.lines.iter().any(|l| l.args.first() == Some(&text(&v.name)))));
    }

    #[test]
    fn too_large_photos_can_be_shrunk_videos_cannot() {
        let req = CheckRequest {
            rules: form("max 5 MB each"),
            files: vec![file("big.png", 9 * MB, "image/png", Some(Format::Png)), file("long.mp4", 80 * MB, "video/mp4", Some(Format::Mp4))],
            dropped: false,
        };
        let v = check(&req);
        assert_eq!(codes(&v), vec![Some(Code::TooLarge), Some(Code::TooLarge)]);
        assert_eq!(v[0].fix, Some(Fix::Shrink { max_bytes: 5 * MB, name: "big.jpg".into() }));
        assert_eq!(v[0].limit, Some(Limit::Bytes { max: 5 * MB, from: Origin::PageText }));
        assert_eq!(v[0].lines[0].args, vec![text("big.png"), Arg::Bytes(9 * MB), Arg::Bytes(5 * MB)]);
        assert_eq!(v[1].fix, None);
        assert!(v[1].lines.iter().any(|l| l.key == "evidenceFixVideoSize"));
    }

    #[test]
    fn heic_is_refused_with_advice_where_the_form_does_not_take_it() {
        let req = CheckRequest { rules: form(""), files: vec![file("IMG_0001.HEIC", 2 * MB, "image/heic", Some(Format::Heic))], dropped: false };
        let v = check(&req);
        assert_eq!(v[0].code, Some(Code::BadFormat));
        assert!(v[0].lines.iter().any(|l| l.key == "evidenceFixHeic"));
        // A form that names HEIC takes it.
        let rules = rules_for(Some("image/*,.heic"), true, "", &EvidenceDefaults::default());
        let v = check(&CheckRequest { rules, files: vec![file("IMG_0001.HEIC", 2 * MB, "image/heic", Some(Format::Heic))], dropped: false });
        assert!(v[0].pass);
    }

    #[test]
    fn a_file_that_fails_otherwise_still_takes_its_place() {
        // "Up to 3 photos": ok, empty, ok, ok → the empty file is the second of three places.
        let mut files: Vec<PickedFile> = (0..4).map(|i| file(&format!("k{i}.jpg"), 1000, "image/jpeg", Some(Format::Jpeg))).collect();
        files[1] = file("k1.jpg", 0, "image/jpeg", None);
        let v = check(&CheckRequest { rules: form("Up to 3 photos"), files, dropped: false });
        assert_eq!(codes(&v), vec![None, Some(Code::Empty), None, Some(Code::TooMany)]);
    }

    #[test]
    fn too_many_keeps_the_first_ones() {
        let files: Vec<PickedFile> = (0..8).map(|i| file(&format!("p{i}.jpg"), 1000, "image/jpeg", Some(Format::Jpeg))).collect();
        let v = check(&CheckRequest { rules: form(""), files: files.clone(), dropped: false });
        // The default of 6 files.
        assert_eq!(v.iter().filter(|v| v.pass).count(), 6);
        assert_eq!(v[6].code, Some(Code::TooMany));
        assert_eq!(v[7].limit, Some(Limit::Count { max: 6, kind: None, from: Origin::Default }));
        // A single-file input takes one per pick, a drop on its zone the stated count.
        let mut single = form("Up to 3 photos");
        single.multiple = false;
        let v = check(&CheckRequest { rules: single.clone(), files: files[..2].to_vec(), dropped: false });
        assert_eq!(codes(&v), vec![None, Some(Code::TooMany)]);
        let v = check(&CheckRequest { rules: single, files: files[..4].to_vec(), dropped: true });
        assert_eq!(codes(&v), vec![None, None, None, Some(Code::TooMany)]);
    }

    #[test]
    fn size_comes_before_what_only_renaming_or_converting_would_fix() {
        let req = CheckRequest {
            rules: form("max 5 MB each"),
            files: vec![
                // Unreadable content named as a photo, and too big for one: the size is what fails first.
                PickedFile { name: "big.jpg".into(), size: 6 * MB, mime: "image/jpeg".into(), head: vec![0; 64] },
                // A JPEG named .png and too big: the smaller copy (named .jpg) fixes both.
                file("shot.png", 9 * MB, "image/png", Some(Format::Jpeg)),
                // A big HEIC: its advice (export as JPEG) is what helps.
                file("IMG_1.HEIC", 9 * MB, "image/heic", Some(Format::Heic)),
                // A big program is a program.
                file("setup.mp4", 90 * MB, "video/mp4", None),
            ],
            dropped: false,
        };
        let v = check(&req);
        assert_eq!(codes(&v), vec![Some(Code::TooLarge), Some(Code::TooLarge), Some(Code::BadFormat), Some(Code::BadFormat)]);
        assert_eq!(v[0].fix, None);
        assert_eq!(v[1].fix, Some(Fix::Shrink { max_bytes: 5 * MB, name: "shot.jpg".into() }));
        assert_eq!(v[3].lines[0].key, "evidenceProgram");
    }

    fn silent() -> UploadRules {
        rules_for(None, true, "", &EvidenceDefaults::default())
    }

    fn warned(v: &Verdict) -> bool {
        !v.pass && v.warning && v.lines.iter().any(|l| l.key == "evidenceHeldBack")
    }

    #[test]
    fn a_file_that_breaks_only_a_default_is_held_with_a_warning() {
        let req = CheckRequest {
            rules: silent(),
            files: vec![
                file("IMG_0001.HEIC", 2 * MB, "image/heic", Some(Format::Heic)), // no HEIC by default
                file("big.jpg", 9 * MB, "image/jpeg", Some(Format::Jpeg)),       // over the 5 MB default
                file("long.mp4", 400 * MB, "video/mp4", Some(Format::Mp4)),      // over the 50 MB default
                file("scan.pdf", MB, "application/pdf", Some(Format::Pdf)),      // no PDF by default
                PickedFile { name: "notes.txt".into(), size: 300, mime: "text/plain".into(), head: b"Hello".to_vec() },
            ],
            dropped: false,
        };
        let v = check(&req);
        assert_eq!(codes(&v), vec![Some(Code::BadFormat), Some(Code::TooLarge), Some(Code::TooLarge), Some(Code::BadFormat), Some(Code::BadFormat)]);
        assert!(v.iter().all(warned), "{v:#?}");
        assert!(v[0].lines.iter().any(|l| l.key == "evidenceFixHeic"));
        // The big photo can still be made smaller instead; it loses its location either way.
        assert_eq!(v[1].fix, Some(Fix::Shrink { max_bytes: 5 * MB, name: "big.jpg".into() }));
        assert!(v[1].strip_location && !v[0].strip_location);
        assert_eq!(v[2].limit, Some(Limit::Bytes { max: 50 * MB, from: Origin::Default }));
        // A HEIC on an "image/*" form: the page names no list of image formats.
        let v =
            check(&CheckRequest { rules: rules_for(Some("image/*"), true, "", &EvidenceDefaults::default()), files: req.files[..1].to_vec(), dropped: false });
        assert!(warned(&v[0]));
    }

    #[test]
    fn the_default_count_warns_a_stated_one_stops() {
        let files: Vec<PickedFile> = (0..8).map(|i| file(&format!("p{i}.jpg"), 1000, "image/jpeg", Some(Format::Jpeg))).collect();
        let v = check(&CheckRequest { rules: silent(), files: files.clone(), dropped: false });
        assert_eq!(v.iter().filter(|v| v.pass).count(), 6);
        assert!(warned(&v[6]) && warned(&v[7]) && v[7].code == Some(Code::TooMany));
        let v = check(&CheckRequest { rules: form("Up to 3 photos"), files: files.clone(), dropped: false });
        assert!(v[3..].iter().all(|v| v.code == Some(Code::TooMany) && !v.warning));
        // A single-file input takes one per pick: the browser's rule, not our guess.
        let mut single = silent();
        single.multiple = false;
        let v = check(&CheckRequest { rules: single, files: files[..2].to_vec(), dropped: false });
        assert_eq!((v[1].code, v[1].warning), (Some(Code::TooMany), false));
    }

    #[test]
    fn programs_empty_files_lies_and_stated_limits_are_always_stopped() {
        let v = check(&CheckRequest {
            rules: silent(),
            files: vec![
                file("holiday.jpg", 90 * MB, "image/jpeg", None),             // a big program
                file("empty.heic", 0, "image/heic", Some(Format::Heic)),      // empty beats the HEIC default
                file("shot.png", 9 * MB, "image/png", Some(Format::Jpeg)),    // over a default, and its name lies
                file("IMG_2.HEIC", 2 * MB, "image/jpeg", Some(Format::Heic)), // HEIC typed as JPEG
            ],
            dropped: false,
        });
        assert_eq!(codes(&v), vec![Some(Code::BadFormat), Some(Code::Empty), Some(Code::Mismatch), Some(Code::Mismatch)]);
        assert!(v.iter().all(|v| !v.pass && !v.warning && !v.lines.iter().any(|l| l.key == "evidenceHeldBack")));
        // A HEIC over a stated size: the stated size stops it.
        let stated = rules_for(None, true, "max 5 MB each", &EvidenceDefaults::default());
        let v = check(&CheckRequest { rules: stated, files: vec![file("IMG_3.HEIC", 9 * MB, "image/heic", Some(Format::Heic))], dropped: false });
        assert_eq!((v[0].code, v[0].warning), (Some(Code::TooLarge), false));
        // Unknown content where the page names formats: stopped.
        let v = check(&CheckRequest {
            rules: form(""),
            files: vec![PickedFile { name: "a.txt".into(), size: 5, mime: String::new(), head: b"Hello".to_vec() }],
            dropped: false,
        });
        assert_eq!((v[0].code, v[0].warning), (Some(Code::BadFormat), false));
    }

    #[test]
    fn families_are_not_mismatches() {
        let mut rules = form("");
        rules.formats.push(Format::Mov);
        // An iPhone clip: MOV content named .MOV; an MP4-branded clip named .mov.
        let v = check(&CheckRequest {
            rules,
            files: vec![file("IMG_1.MOV", MB, "video/quicktime", Some(Format::Mov)), file("x.mov", MB, "video/quicktime", Some(Format::Mp4))],
            dropped: false,
        });
        assert_eq!(codes(&v), vec![None, None]);
        // A photo named like a program is a mismatch, not a program.
        let v = check(&CheckRequest { rules: form(""), files: vec![file("photo.exe", 1000, "application/x-msdownload", Some(Format::Jpeg))], dropped: false });
        assert_eq!(v[0].code, Some(Code::Mismatch));
    }
}
