//! Property tests for what the evidence checks read from untrusted input: the first bytes of
//! any file a shopper picks, JPEG headers, hint texts of any page, amounts as typed. None of it
//! may panic; no format may be claimed without its signature.

use guard_core::rules::dispute_form::{check_description, money_in, parse_amount};
use guard_core::rules::evidence::format::{sniff, Content, Format, FORMATS};
use guard_core::rules::evidence::limits::{read_hint, rules_for};
use guard_core::rules::evidence::location::{strip_gps, Lost, Stripped};
use guard_core::rules::evidence::verdict::{check, CheckRequest, Code, PickedFile};
use guard_core::rules::settings::EvidenceDefaults;
use proptest::prelude::*;

/// The signature each claim rests on, written out independently of the sniffer.
fn has_signature(f: Format, b: &[u8]) -> bool {
    let at = |o: usize, s: &[u8]| b.len() >= o + s.len() && &b[o..o + s.len()] == s;
    match f {
        Format::Jpeg => at(0, &[0xFF, 0xD8, 0xFF]),
        Format::Png => at(0, b"\x89PNG\r\n\x1a\n"),
        Format::Gif => at(0, b"GIF87a") || at(0, b"GIF89a"),
        Format::Bmp => at(0, b"BM") && at(6, &[0, 0, 0, 0]),
        Format::Webp => at(0, b"RIFF") && at(8, b"WEBP"),
        Format::Avi => at(0, b"RIFF") && at(8, b"AVI "),
        Format::Heic | Format::Heif | Format::Avif | Format::Mp4 | Format::ThreeGp => at(4, b"ftyp"),
        Format::Mov => [b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"].iter().any(|s| at(4, *s)),
        Format::Webm | Format::Mkv => at(0, &[0x1A, 0x45, 0xDF, 0xA3]),
        Format::Pdf => at(0, b"%PDF-"),
        Format::Zip => at(0, b"PK"),
    }
}

fn program_signature(b: &[u8]) -> bool {
    [&b"MZ"[..], b"\x7fELF", &[0xFE, 0xED, 0xFA], &[0xCE, 0xFA, 0xED, 0xFE], &[0xCF, 0xFA, 0xED, 0xFE], &[0xCA, 0xFE, 0xBA, 0xBE], b"#!", &[0x4C, 0, 0, 0, 1, 0x14, 2, 0], b"dex\n"]
        .iter()
        .any(|s| b.starts_with(s))
}

/// First bytes of files a shopper picks: photos (HEIC among them), a video, a document, a
/// program, unknown content, nothing.
const HEADS: &[&[u8]] = &[
    b"\xFF\xD8\xFF\xE1\x00\x10Exif\x00\x00MM\x00*",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0DIHDR",
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
    b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00isommp42",
    b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ",
    b"%PDF-1.7\n",
    b"MZ\x90\x00\x03\x00\x00\x00",
    b"Hello, a note.",
    b"",
];
const NAMES: &[&str] = &["IMG_1.jpg", "IMG_1.HEIC", "shot.png", "clip.mp4", "clip.MOV", "scan.pdf", "notes.txt", "setup.exe", "photo"];
const SIZES: &[u64] = &[1, 900_000, 3 << 20, 6 << 20, 30 << 20, 60 << 20, 3 << 30];

proptest! {
    #![proptest_config(ProptestConfig { cases: fixture_kit::fuzz_cases(4000), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_are_never_claimed_without_a_signature(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        match sniff(&bytes) {
            Content::Known(f) => prop_assert!(has_signature(f, &bytes), "{f:?} claimed for {bytes:?}"),
            Content::Program => prop_assert!(program_signature(&bytes)),
            Content::Unknown => {}
        }
    }

    #[test]
    fn strong_signatures_are_always_recognised(tail in proptest::collection::vec(any::<u8>(), 0..80), which in 0usize..6) {
        let (sig, f): (&[u8], Format) = [
            (&[0xFF, 0xD8, 0xFF][..], Format::Jpeg),
            (b"\x89PNG\r\n\x1a\n", Format::Png),
            (b"GIF89a", Format::Gif),
            (b"%PDF-", Format::Pdf),
            (b"PK\x03\x04", Format::Zip),
            (b"GIF87a", Format::Gif),
        ][which];
        let mut b = sig.to_vec();
        b.extend(tail);
        prop_assert_eq!(sniff(&b), Content::Known(f));
    }

    #[test]
    fn riff_and_iso_headers_follow_their_form_type(size in any::<u32>(), major in prop::sample::select(vec![*b"isom", *b"mp42", *b"qt  ", *b"heic", *b"3gp4", *b"avif"])) {
        let mut riff = b"RIFF".to_vec();
        riff.extend(size.to_le_bytes());
        riff.extend(b"WEBPVP8L");
        prop_assert_eq!(sniff(&riff), Content::Known(Format::Webp));
        let mut iso = 20u32.to_be_bytes().to_vec();
        iso.extend(b"ftyp");
        iso.extend(major);
        iso.extend([0, 0, 0, 0]);
        iso.extend(major);
        let want = match &major { b"isom" | b"mp42" => Format::Mp4, b"qt  " => Format::Mov, b"heic" => Format::Heic, b"3gp4" => Format::ThreeGp, _ => Format::Avif };
        prop_assert_eq!(sniff(&iso), Content::Known(want));
    }

    #[test]
    fn jpeg_headers_of_any_shape_never_panic(body in proptest::collection::vec(any::<u8>(), 0..600), complete in any::<bool>()) {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1];
        b.extend(body);
        match strip_gps(&b, complete) {
            Stripped::Prefix { bytes: p, lost } => {
                prop_assert!(p.starts_with(&[0xFF, 0xD8]) && p.len() <= b.len());
                // Something besides the location goes only with a block dropped whole.
                prop_assert!(lost.is_empty() || p.len() < b.len());
            }
            Stripped::NeedMore(n) => prop_assert!(!complete && n > b.len()),
            Stripped::Nothing => {}
        }
    }

    #[test]
    fn any_pick_gets_one_verdict_per_file_and_a_reason_for_each_failure(
        files in proptest::collection::vec((".{0,20}", 0u64..(1 << 33), proptest::collection::vec(any::<u8>(), 0..64)), 0..12),
        hint in ".{0,80}",
    ) {
        let rules = rules_for(Some("image/*,video/*"), true, &hint, &EvidenceDefaults::default());
        let req = CheckRequest {
            rules: rules.clone(),
            files: files.iter().map(|(name, size, head)| PickedFile { name: name.clone(), size: *size, mime: String::new(), head: head.clone() }).collect(),
            dropped: false,
        };
        let v = check(&req);
        prop_assert_eq!(v.len(), files.len());
        for (i, x) in v.iter().enumerate() {
            prop_assert_eq!(x.index, i);
            prop_assert_eq!(x.pass, x.code.is_none());
            prop_assert!(x.pass || !x.lines.is_empty());
            if x.pass {
                prop_assert!(matches!(x.content, Content::Known(f) if rules.formats.contains(&f)));
            }
            if x.code == Some(Code::Empty) { prop_assert_eq!(files[i].1, 0); }
        }
        if let Some(max) = rules.files {
            prop_assert!(v.iter().filter(|x| x.pass).count() as u32 <= max);
        }
    }

    #[test]
    fn a_warning_is_exactly_a_file_that_breaks_only_our_defaults(
        files in proptest::collection::vec((0usize..HEADS.len(), 0usize..NAMES.len(), prop::sample::select(SIZES.to_vec())), 0..10),
        accept in prop::sample::select(vec![None, Some("image/jpeg,image/png,video/mp4"), Some(".jpg,.heic"), Some("video/mp4")]),
        hint in prop::sample::select(vec!["", "Up to 3 photos", "max 5 MB each", "JPG or PNG", "Videos up to 20 MB", "Maximum 4 files, 2 MB each (JPG, MP4)"]),
        multiple in any::<bool>(),
        dropped in any::<bool>(),
    ) {
        let picked: Vec<PickedFile> = files.iter().map(|(h, n, size)| PickedFile {
            name: NAMES[*n].to_string(),
            size: if HEADS[*h].is_empty() { 0 } else { *size },
            mime: String::new(),
            head: HEADS[*h].to_vec(),
        }).collect();
        let defaults = EvidenceDefaults::default();
        // Defaults that nothing breaks: the page's own statements alone.
        let relaxed = EvidenceDefaults {
            max_photo_bytes: u64::MAX, max_video_bytes: u64::MAX, max_files: 1000,
            formats: FORMATS.iter().map(|i| i.format).collect(), ..EvidenceDefaults::default()
        };
        let ours = check(&CheckRequest { rules: rules_for(accept, multiple, hint, &defaults), files: picked.clone(), dropped });
        let theirs = check(&CheckRequest { rules: rules_for(accept, multiple, hint, &relaxed), files: picked.clone(), dropped });
        for (a, b) in ours.iter().zip(&theirs) {
            prop_assert_eq!(a.pass, a.code.is_none());
            prop_assert!(!(a.pass && a.warning));
            if a.warning {
                // Never an empty file, a program or a name that lies.
                prop_assert!(a.code != Some(Code::Empty) && a.code != Some(Code::Mismatch) && a.content != Content::Program, "{:?}", a);
                prop_assert!(a.lines.iter().any(|l| l.key == "evidenceHeldBack"));
                // Only our defaults stood in its way (content nobody can tell stays a guess).
                prop_assert!(b.pass || (b.warning && a.content == Content::Unknown), "{:?} / {:?}", a, b);
            } else if !a.pass {
                // What the page states, or what no form takes, stops it whatever our defaults.
                prop_assert!(!b.pass && !b.warning && a.code == b.code, "{:?} / {:?}", a, b);
            } else {
                prop_assert!(b.pass);
            }
        }
    }

    #[test]
    fn damaged_exif_blocks_say_what_went_with_them(
        ifd in proptest::collection::vec(any::<u8>(), 0..120),
        le in any::<bool>(),
        orientation in any::<bool>(),
    ) {
        // A TIFF header, then an IFD0 with perhaps Orientation and a GPS pointer that points
        // anywhere, then random bytes: whatever the core makes of it, what it drops whole it names.
        let p16 = |v: u16| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let p32 = |v: u32| if le { v.to_le_bytes() } else { v.to_be_bytes() };
        let mut t: Vec<u8> = if le { b"II".to_vec() } else { b"MM".to_vec() };
        t.extend(p16(42));
        t.extend(p32(8));
        t.extend(p16(if orientation { 2 } else { 1 }));
        if orientation {
            t.extend(p16(0x0112)); t.extend(p16(3)); t.extend(p32(1)); t.extend(p16(6)); t.extend([0, 0]);
        }
        let gps_at = u32::from(ifd.first().copied().unwrap_or(0)) * 97;
        t.extend(p16(0x8825)); t.extend(p16(4)); t.extend(p32(1)); t.extend(p32(gps_at));
        t.extend(ifd);
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend(((t.len() + 8) as u16).to_be_bytes());
        jpeg.extend(b"Exif\0\0");
        jpeg.extend(&t);
        jpeg.extend([0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9]);
        match strip_gps(&jpeg, true) {
            Stripped::Prefix { bytes, lost } if bytes.len() < jpeg.len() => {
                // Dropped whole: the orientation it held is named (IFD0's first entry can
                // always be read here); a block it could not read is said to be unreadable.
                if orientation { prop_assert!(lost.contains(&Lost::Orientation), "{:?}", lost); }
                let ifd0_whole = t.len() >= 8 + 2 + 12 * (1 + usize::from(orientation));
                prop_assert!(ifd0_whole || lost.contains(&Lost::Unreadable));
            }
            Stripped::Prefix { bytes, lost } => {
                // Rewritten in place: the orientation is still there and nothing is said lost.
                prop_assert!(lost.is_empty());
                prop_assert_eq!(bytes.len(), jpeg.len());
            }
            Stripped::Nothing | Stripped::NeedMore(_) => {}
        }
    }

    #[test]
    fn texts_of_any_page_never_panic(text in "\\PC{0,200}") {
        let _ = read_hint(&text);
        let _ = parse_amount(&text);
        let _ = money_in(&text);
        let _ = check_description(&text, Some("8100000000007919"));
    }

    #[test]
    fn amounts_read_back_in_every_writing(cents in 1u64..1_000_000_000, style in 0usize..5) {
        let (units, frac) = (cents / 100, cents % 100);
        let grouped = |sep: &str| {
            let s = units.to_string();
            let mut out = String::new();
            for (i, c) in s.chars().enumerate() {
                if i > 0 && (s.len() - i) % 3 == 0 { out.push_str(sep); }
                out.push(c);
            }
            out
        };
        let written = match style {
            0 => format!("{units}.{frac:02}"),
            1 => format!("{units},{frac:02}"),
            2 => format!("{},{frac:02}", grouped("\u{a0}")),
            3 => format!("{},{frac:02}", grouped(".")),
            _ => format!("{}.{frac:02}", grouped(",")),
        };
        prop_assert_eq!(parse_amount(&written).map(|a| a.cents), Ok(cents), "{}", written);
    }
}
