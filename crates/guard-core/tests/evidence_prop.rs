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
    [
        &b"MZ"[..],
        b"\x7fELF",
        &[0xFE, 0xED, 0xFA],
        &[0xCE, 0xFA, 0xED, 0xFE],
        &[0xCF, 0xFA, 0xED, 0xFE],
        &[0xCA, 0xFE, 0xBA, 0xBE],
        b"#!",
        &[0x4C, 0, 0, 0, 1, 0x14, 2, 0],
        b"dex\n",
    ]
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

// ---- location removal, checked by an independent Exif reader ------------------------------------
//
// kamadak-exif (a maintained Exif library, dev-dependency only: it would add 14.8 KB to the wasm,
// see docs/ARCHITECTURE.md) writes the Exif blocks and reads them back after `strip_gps`: the GPS
// fields must be gone and every other field read exactly as before.

/// Every field the reader finds, in a comparable form: (IFD, tag, value).
fn exif_fields(tiff: &[u8]) -> Vec<(String, String, String)> {
    let exif = exif::Reader::new().read_raw(tiff.to_vec()).expect("the Exif block reads");
    let mut v: Vec<_> = exif.fields().map(|f| (format!("{:?}", f.ifd_num), format!("{}", f.tag), format!("{:?}", f.value))).collect();
    v.sort();
    v
}

fn is_gps(field: &(String, String, String)) -> bool {
    field.1.starts_with("GPS")
}

/// The TIFF block of the first Exif segment of a JPEG (as `strip_gps` returns it).
fn tiff_of(jpeg: &[u8]) -> &[u8] {
    let at = jpeg.windows(6).position(|w| w == b"Exif\0\0").expect("an Exif segment");
    let len = u16::from_be_bytes([jpeg[at - 2], jpeg[at - 1]]) as usize;
    &jpeg[at + 6..at - 2 + len]
}

/// A JPEG as cameras write it: SOI, JFIF, the Exif segment, a quantisation table, the scan.
fn jpeg_around(tiff: &[u8]) -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    j.extend(b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0");
    j.extend([0xFF, 0xE1]);
    j.extend(((tiff.len() + 8) as u16).to_be_bytes());
    j.extend(b"Exif\0\0");
    j.extend(tiff);
    j.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
    j.extend([7u8; 64]);
    j.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    j.extend((0..300u32).map(|i| (i * 13 % 251) as u8 & 0xFE));
    j.extend([0xFF, 0xD9]);
    j
}

/// What must hold after the location is removed from `original`: same length, nothing said
/// lost, no GPS field left (nor any of the `gps_values`' bytes: unlinked is not gone), every
/// other field as it was, every byte outside the Exif block the same, and a second pass finds
/// nothing more to do.
fn location_removed_and_nothing_else(original: &[u8], gps_values: &[Vec<u8>]) -> Result<(), String> {
    let before = exif_fields(tiff_of(original));
    let Stripped::Prefix { bytes: clean, lost } = strip_gps(original, true) else {
        return Err(format!("nothing stripped from a block with {} GPS fields", before.iter().filter(|f| is_gps(f)).count()));
    };
    if !lost.is_empty() || clean.len() != original.len() {
        return Err(format!("not rewritten in place: lost {lost:?}, {} → {} bytes", original.len(), clean.len()));
    }
    let after = exif_fields(tiff_of(&clean));
    if after.iter().any(is_gps) {
        return Err(format!("GPS fields left: {:?}", after.iter().filter(|f| is_gps(f)).collect::<Vec<_>>()));
    }
    for v in gps_values {
        let found = |b: &[u8]| b.windows(v.len()).any(|w| w == &v[..]);
        if !found(tiff_of(original)) {
            return Err(format!("the test's GPS value {v:?} is not in the original block"));
        }
        if found(tiff_of(&clean)) {
            return Err(format!("GPS value {v:?} still in the block"));
        }
    }
    let kept: Vec<_> = before.into_iter().filter(|f| !is_gps(f)).collect();
    if after != kept {
        return Err(format!("other fields changed:\n  before {kept:?}\n  after  {after:?}"));
    }
    let (t0, t1) = (tiff_of(original).as_ptr() as usize - original.as_ptr() as usize, tiff_of(original).len());
    if clean[..t0] != original[..t0] || clean[t0 + t1..] != original[t0 + t1..] {
        return Err("bytes outside the Exif block changed".into());
    }
    if strip_gps(&clean, true) != Stripped::Nothing {
        return Err("a second pass still found something".into());
    }
    Ok(())
}

#[test]
fn an_exif_block_written_by_exiftool_loses_its_location_and_nothing_else() {
    // The TIFF block ExifTool 12.57 wrote into an FFmpeg JPEG (`exiftool -GPSLatitude=51.5073
    // -GPSLatitudeRef=N -GPSLongitude=0.1277 -GPSLongitudeRef=W -Orientation#=6 -Make=Phone
    // -Model=X -DateTimeOriginal=…`): IFD0, Exif IFD and GPS IFD laid out as ExifTool does.
    const EXIFTOOL: &str = concat!(
        "4d4d002a000000080009010f0002000000060000007a011000020000000258000000011200030000000100060000011a",
        "00050000000100000080011b000500000001000000880128000300000001000100000213000300000001000100008769",
        "000400000001000000908825000400000001000000e60000000050686f6e650000000001000000010000000100000001",
        "00059000000700000004303233329003000200000014000000d2910100070000000401020300a0000007000000043031",
        "3030a001000300000001ffff000000000000323032363a30333a30312031303a30303a30300000050000000100000004",
        "0203000000010002000000024e0000000002000500000003000001280003000200000002570000000004000500000003",
        "000001400000000000000033000000010000001e00000001000002910000001900000000000000010000000700000001",
        "000003e100000019",
    );
    let tiff: Vec<u8> = (0..EXIFTOOL.len()).step_by(2).map(|i| u8::from_str_radix(&EXIFTOOL[i..i + 2], 16).unwrap()).collect();
    let jpeg = jpeg_around(&tiff);
    let fields = exif_fields(&tiff);
    assert_eq!(fields.iter().filter(|f| is_gps(f)).count(), 5, "{fields:?}");
    // Latitude 51° 30' 26.28" as ExifTool stored it (three big-endian rationals).
    let latitude = [51u32, 1, 30, 1, 657, 25].iter().flat_map(|x| x.to_be_bytes()).collect();
    location_removed_and_nothing_else(&jpeg, &[latitude]).unwrap();
    let Stripped::Prefix { bytes, .. } = strip_gps(&jpeg, true) else { unreachable!() };
    let after = exif_fields(tiff_of(&bytes));
    assert!(after.iter().any(|f| f.1 == "Orientation" && f.2 == "Short([6])"), "{after:?}");
}

fn ascii(s: &str) -> exif::Value {
    exif::Value::Ascii(vec![s.as_bytes().to_vec()])
}

fn rationals(v: &[(u32, u32)]) -> exif::Value {
    exif::Value::Rational(v.iter().map(|&(n, d)| exif::Rational::from((n, d))).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fixture_kit::fuzz_cases(1000), ..ProptestConfig::default() })]

    #[test]
    fn location_goes_and_every_other_exif_field_stays(
        le in any::<bool>(),
        make in proptest::option::of("[A-Za-z0-9 ]{1,24}"),
        orientation in proptest::option::of(1u16..=8),
        resolution in proptest::option::of((1u32..10_000, 1u32..100)),
        taken in proptest::option::of("20[0-9]{2}:0[1-9]:[12][0-9] [01][0-9]:[0-5][0-9]:[0-5][0-9]"),
        latitude in proptest::option::of(((1u32..90, 1u32..2), (0u32..60, 1u32..2), (0u32..6000, 1u32..101))),
        longitude in proptest::option::of(((1u32..180, 1u32..2), (0u32..60, 1u32..2), (0u32..6000, 1u32..101))),
        altitude in proptest::option::of((1u32..900_000, 100u32..1000)),
        version in proptest::option::of(1u8..4),
        day in proptest::option::of("20[0-9]{2}:0[1-9]:[12][0-9]"),
        thumbnail in proptest::option::of(proptest::collection::vec(any::<u8>(), 1..120)),
    ) {
        use exif::{Field, In, Tag, Value};
        let mut fields = vec![];
        let mut field = |tag: Tag, value: Value| fields.push(Field { tag, ifd_num: In::PRIMARY, value });
        field(Tag::ResolutionUnit, Value::Short(vec![2]));
        if let Some(m) = &make { field(Tag::Make, ascii(m)); }
        if let Some(o) = orientation { field(Tag::Orientation, Value::Short(vec![o])); }
        if let Some(r) = resolution { field(Tag::XResolution, rationals(&[r])); }
        if let Some(t) = &taken { field(Tag::DateTimeOriginal, ascii(t)); }
        if let Some((d, m, s)) = latitude {
            field(Tag::GPSLatitudeRef, ascii("N"));
            field(Tag::GPSLatitude, rationals(&[d, m, s]));
        }
        if let Some((d, m, s)) = longitude {
            field(Tag::GPSLongitudeRef, ascii("W"));
            field(Tag::GPSLongitude, rationals(&[d, m, s]));
        }
        if let Some(a) = altitude { field(Tag::GPSAltitude, rationals(&[a])); }
        if let Some(v) = version { field(Tag::GPSVersionID, Value::Byte(vec![2, v, 0, 0])); }
        if let Some(d) = &day { field(Tag::GPSDateStamp, ascii(d)); }
        let mut writer = exif::experimental::Writer::new();
        for f in &fields { writer.push_field(f); }
        if let Some(t) = &thumbnail { writer.set_jpeg(t, In::THUMBNAIL); }
        let mut tiff = std::io::Cursor::new(Vec::new());
        writer.write(&mut tiff, le).expect("kamadak-exif writes the block");
        let jpeg = jpeg_around(tiff.get_ref());
        // The GPS values stored outside their entries, as the block holds them, and the first
        // 8 bytes of the GPS entries themselves (tag, type, count), which hold the short values.
        let bytes = |v: &[u32]| -> Vec<u8> { v.iter().flat_map(|x| if le { x.to_le_bytes() } else { x.to_be_bytes() }).collect() };
        let entry = |tag: u16, typ: u16, count: u32| -> Vec<u8> {
            let (a, b, c) = if le { (tag.to_le_bytes(), typ.to_le_bytes(), count.to_le_bytes()) } else { (tag.to_be_bytes(), typ.to_be_bytes(), count.to_be_bytes()) };
            [&a[..], &b[..], &c[..]].concat()
        };
        let mut gps_values = vec![];
        for ((d, dd), (m, md), (s, sd)) in [latitude, longitude].into_iter().flatten() {
            gps_values.push(bytes(&[d, dd, m, md, s, sd]));
        }
        if latitude.is_some() { gps_values.push(entry(1, 2, 2)); gps_values.push(entry(2, 5, 3)); }
        if longitude.is_some() { gps_values.push(entry(3, 2, 2)); gps_values.push(entry(4, 5, 3)); }
        if let Some((a, ad)) = altitude { gps_values.push(bytes(&[a, ad])); gps_values.push(entry(6, 5, 1)); }
        if let Some(v) = version { gps_values.push([entry(0, 1, 4), vec![2, v, 0, 0]].concat()); }
        if let Some(d) = &day { gps_values.push(format!("{d}\0").into_bytes()); gps_values.push(entry(0x1D, 2, 11)); }
        if fields.iter().any(|f| f.tag.context() == exif::Context::Gps) {
            if let Err(e) = location_removed_and_nothing_else(&jpeg, &gps_values) { prop_assert!(false, "{}", e); }
        } else {
            prop_assert_eq!(strip_gps(&jpeg, true), Stripped::Nothing);
        }
    }
}
