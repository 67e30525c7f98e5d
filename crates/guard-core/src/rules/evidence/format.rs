//! What a file is, decided from its first bytes, never from its name: a renamed program stays a
//! program. Also what the file's name and declared type claim, to tell when they disagree.
//!
//! Signatures are the formats' own magic numbers (sources: each format's specification, cited per
//! row). 64 bytes are enough for every one of them, so a 2 GB video costs the same as a photo.

use crate::read::locales::Source;
pub use crate::wire::forms::{Format, Kind};
use serde::{Deserialize, Serialize};

/// How many first bytes of a file the content script sends.
pub const HEAD_BYTES: usize = 64;

/// Formats that share a container: a name or type of one family member is no lie about another
/// (an MP4 named `.mov` plays as one; a `.mkv` holding WebM is still Matroska).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    Jpeg,
    Png,
    Gif,
    Bmp,
    Webp,
    Heif,
    IsoMedia,
    Avi,
    Matroska,
    Pdf,
    Zip,
    Program,
}

/// One row of the format table.
pub struct FormatInfo {
    pub format: Format,
    /// As shown to the shopper: "JPEG", "MP4".
    pub name: &'static str,
    pub kind: Kind,
    pub family: Family,
    /// File name extensions, lower case, without the dot; the first is the usual one.
    pub extensions: &'static [&'static str],
    /// MIME types browsers and sites use for it.
    pub mime: &'static [&'static str],
    /// A browser can decode it into a canvas (so an oversized copy can be made smaller).
    pub browser_decodes: bool,
    /// Where the signature comes from.
    pub source: Source,
}

pub const FORMATS: &[FormatInfo] = &[
    FormatInfo {
        format: Format::Jpeg,
        name: "JPEG",
        kind: Kind::Photo,
        family: Family::Jpeg,
        extensions: &["jpg", "jpeg", "jpe", "jfif"],
        mime: &["image/jpeg", "image/jpg", "image/pjpeg"],
        browser_decodes: true,
        source: Source::new("ITU T.81 (SOI marker FF D8, then a marker FF xx)"),
    },
    FormatInfo {
        format: Format::Png,
        name: "PNG",
        kind: Kind::Photo,
        family: Family::Png,
        extensions: &["png", "apng"],
        mime: &["image/png", "image/apng"],
        browser_decodes: true,
        source: Source::new("PNG specification, section 5.2 (8-byte signature)"),
    },
    FormatInfo {
        format: Format::Gif,
        name: "GIF",
        kind: Kind::Photo,
        family: Family::Gif,
        extensions: &["gif"],
        mime: &["image/gif"],
        browser_decodes: true,
        source: Source::new("GIF89a specification (header GIF87a / GIF89a)"),
    },
    FormatInfo {
        format: Format::Bmp,
        name: "BMP",
        kind: Kind::Photo,
        family: Family::Bmp,
        extensions: &["bmp", "dib"],
        mime: &["image/bmp", "image/x-bmp", "image/x-ms-bmp"],
        browser_decodes: true,
        source: Source::new("Windows BITMAPFILEHEADER (BM, reserved zeros, DIB header size)"),
    },
    FormatInfo {
        format: Format::Webp,
        name: "WEBP",
        kind: Kind::Photo,
        family: Family::Webp,
        extensions: &["webp"],
        mime: &["image/webp"],
        browser_decodes: true,
        source: Source::new("RFC 9649 (RIFF container, form type WEBP)"),
    },
    FormatInfo {
        format: Format::Heic,
        name: "HEIC",
        kind: Kind::Photo,
        family: Family::Heif,
        extensions: &["heic", "hif"],
        mime: &["image/heic", "image/heic-sequence"],
        browser_decodes: false,
        source: Source::new("ISO/IEC 23008-12 (ftyp brands heic, heix, hevc, hevx, heim, heis)"),
    },
    FormatInfo {
        format: Format::Heif,
        name: "HEIF",
        kind: Kind::Photo,
        family: Family::Heif,
        extensions: &["heif"],
        mime: &["image/heif", "image/heif-sequence"],
        browser_decodes: false,
        source: Source::new("ISO/IEC 23008-12 (ftyp brands mif1, mif2, msf1, avci; MIAF miaf, Apple MiHA/MiHB/MiHE)"),
    },
    FormatInfo {
        format: Format::Avif,
        name: "AVIF",
        kind: Kind::Photo,
        family: Family::Heif,
        extensions: &["avif"],
        mime: &["image/avif"],
        browser_decodes: true,
        source: Source::new("AV1 Image File Format (ftyp brands avif, avis)"),
    },
    FormatInfo {
        format: Format::Mp4,
        name: "MP4",
        kind: Kind::Video,
        family: Family::IsoMedia,
        extensions: &["mp4", "m4v"],
        mime: &["video/mp4", "video/x-m4v"],
        browser_decodes: false,
        source: Source::new("ISO/IEC 14496-12 and -14 (ftyp brands isom, iso2…, mp41, mp42, avc1, M4V)"),
    },
    FormatInfo {
        format: Format::Mov,
        name: "MOV",
        kind: Kind::Video,
        family: Family::IsoMedia,
        extensions: &["mov", "qt"],
        mime: &["video/quicktime"],
        browser_decodes: false,
        source: Source::new("QuickTime File Format (ftyp brand qt, or a first atom moov/mdat/wide/free/skip/pnot)"),
    },
    FormatInfo {
        format: Format::Avi,
        name: "AVI",
        kind: Kind::Video,
        family: Family::Avi,
        extensions: &["avi"],
        mime: &["video/x-msvideo", "video/avi", "video/msvideo"],
        browser_decodes: false,
        source: Source::new("Microsoft AVI RIFF reference (form type AVI)"),
    },
    FormatInfo {
        format: Format::Webm,
        name: "WEBM",
        kind: Kind::Video,
        family: Family::Matroska,
        extensions: &["webm"],
        mime: &["video/webm"],
        browser_decodes: false,
        source: Source::new("WebM container guidelines (EBML DocType webm)"),
    },
    FormatInfo {
        format: Format::Mkv,
        name: "MKV",
        kind: Kind::Video,
        family: Family::Matroska,
        extensions: &["mkv"],
        mime: &["video/x-matroska", "video/matroska"],
        browser_decodes: false,
        source: Source::new("RFC 9559 Matroska (EBML DocType matroska)"),
    },
    FormatInfo {
        format: Format::ThreeGp,
        name: "3GP",
        kind: Kind::Video,
        family: Family::IsoMedia,
        extensions: &["3gp", "3g2", "3gpp"],
        mime: &["video/3gpp", "video/3gpp2"],
        browser_decodes: false,
        source: Source::new("3GPP TS 26.244 (ftyp brands 3gp4…3gp9, 3gg, 3ge, 3g2)"),
    },
    FormatInfo {
        format: Format::Pdf,
        name: "PDF",
        kind: Kind::Document,
        family: Family::Pdf,
        extensions: &["pdf"],
        mime: &["application/pdf"],
        browser_decodes: false,
        source: Source::new("ISO 32000-1, 7.5.2 (%PDF- header)"),
    },
    FormatInfo {
        format: Format::Zip,
        name: "ZIP",
        kind: Kind::Archive,
        family: Family::Zip,
        extensions: &["zip"],
        mime: &["application/zip", "application/x-zip-compressed", "application/x-zip"],
        browser_decodes: false,
        source: Source::new("PKWARE APPNOTE 4.3.7 (local file header PK 03 04; empty archive PK 05 06)"),
    },
];

/// Names and types of programs: a photo named `.exe` is as suspicious as a program named `.jpg`.
const PROGRAM_EXTENSIONS: &[&str] =
    &["exe", "scr", "com", "bat", "cmd", "pif", "msi", "dll", "vbs", "js", "jse", "wsf", "ps1", "lnk", "jar", "apk", "dmg", "app", "sh", "bin", "elf"];
const PROGRAM_MIME: &[&str] = &[
    "application/x-msdownload",
    "application/x-msdos-program",
    "application/x-ms-installer",
    "application/x-msi",
    "application/vnd.microsoft.portable-executable",
    "application/x-executable",
    "application/x-sh",
    "application/java-archive",
    "application/vnd.android.package-archive",
    "application/x-apple-diskimage",
    "text/javascript",
    "application/javascript",
];

impl Format {
    pub fn info(self) -> &'static FormatInfo {
        // Every variant has exactly one row (tested).
        FORMATS.iter().find(|i| i.format == self).unwrap_or(&FORMATS[0])
    }
    pub fn kind(self) -> Kind {
        self.info().kind
    }
    pub fn name(self) -> &'static str {
        self.info().name
    }
    pub fn family(self) -> Family {
        self.info().family
    }
}

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "is", content = "format")]
pub enum Content {
    Known(Format),
    /// A program or script: never evidence, whatever it is called.
    Program,
    Unknown,
}

/// What the name or the declared type says the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "is", content = "format")]
pub enum Claim {
    Format(Format),
    Program,
}

impl Claim {
    pub fn family(self) -> Family {
        match self {
            Claim::Format(f) => f.family(),
            Claim::Program => Family::Program,
        }
    }
}

/// The file name's extension, lower case, if it has one.
pub fn extension(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let (stem, ext) = base.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty() && ext.len() <= 8).then(|| ext.to_ascii_lowercase())
}

/// What a file name claims, from its extension; `None` when it claims nothing we know.
pub fn claim_of_name(name: &str) -> Option<Claim> {
    let ext = extension(name)?;
    if PROGRAM_EXTENSIONS.contains(&ext.as_str()) {
        return Some(Claim::Program);
    }
    FORMATS.iter().find(|i| i.extensions.contains(&ext.as_str())).map(|i| Claim::Format(i.format))
}

/// What a declared MIME type claims; generic types (`application/octet-stream`, empty) claim nothing.
pub fn claim_of_type(mime: &str) -> Option<Claim> {
    let m = mime.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if m.is_empty() {
        return None;
    }
    if PROGRAM_MIME.contains(&m.as_str()) {
        return Some(Claim::Program);
    }
    FORMATS.iter().find(|i| i.mime.contains(&m.as_str())).map(|i| Claim::Format(i.format))
}

/// Decides the format from the first bytes (at least `HEAD_BYTES` of them when the file is that
/// long). Never panics; claims a format only when its signature is there.
pub fn sniff(head: &[u8]) -> Content {
    use Content::Known;
    let at = |offset: usize, sig: &[u8]| head.get(offset..offset + sig.len()) == Some(sig);
    if at(0, &[0xFF, 0xD8, 0xFF]) {
        return Known(Format::Jpeg);
    }
    if at(0, b"\x89PNG\r\n\x1a\n") {
        return Known(Format::Png);
    }
    if at(0, b"GIF87a") || at(0, b"GIF89a") {
        return Known(Format::Gif);
    }
    if at(0, b"RIFF") {
        if at(8, b"WEBP") {
            return Known(Format::Webp);
        }
        if at(8, b"AVI ") {
            return Known(Format::Avi);
        }
    }
    if is_bmp(head) {
        return Known(Format::Bmp);
    }
    if at(4, b"ftyp") {
        if let Some(f) = iso_media(head) {
            return Known(f);
        }
        return Content::Unknown;
    }
    // QuickTime files from older cameras start with an atom other than ftyp.
    if [b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"].iter().any(|atom| at(4, *atom)) && box_size_plausible(head) {
        return Known(Format::Mov);
    }
    if at(0, &[0x1A, 0x45, 0xDF, 0xA3]) {
        return match ebml_doctype(head) {
            Some(DocType::Webm) => Known(Format::Webm),
            Some(DocType::Matroska) => Known(Format::Mkv),
            None => Content::Unknown,
        };
    }
    if at(0, b"%PDF-") {
        return Known(Format::Pdf);
    }
    if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") || at(0, b"PK\x07\x08") {
        return Known(Format::Zip);
    }
    if is_program(head) {
        return Content::Program;
    }
    Content::Unknown
}

/// Program signatures: Windows PE/DOS ("MZ"), ELF, Mach-O (both byte orders, 32/64 bit, fat),
/// scripts ("#!"), Windows shortcuts, Android DEX.
fn is_program(head: &[u8]) -> bool {
    const SIGNATURES: &[&[u8]] = &[
        b"MZ",
        b"\x7fELF",
        &[0xFE, 0xED, 0xFA, 0xCE],
        &[0xFE, 0xED, 0xFA, 0xCF],
        &[0xCE, 0xFA, 0xED, 0xFE],
        &[0xCF, 0xFA, 0xED, 0xFE],
        &[0xCA, 0xFE, 0xBA, 0xBE],
        b"#!",
        &[0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00],
        b"dex\n",
    ];
    SIGNATURES.iter().any(|s| head.starts_with(s))
}

fn u32_be(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|x| u32::from_be_bytes([x[0], x[1], x[2], x[3]]))
}

fn u32_le(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
}

/// "BM", four reserved zero bytes, and a known DIB header size: "BM" alone is too weak.
fn is_bmp(head: &[u8]) -> bool {
    head.starts_with(b"BM")
        && head.get(6..10) == Some(&[0, 0, 0, 0])
        && u32_le(head, 14).is_some_and(|dib| matches!(dib, 12 | 16 | 40 | 52 | 56 | 64 | 108 | 124))
}

/// An ISO BMFF box size: 0 (to the end), 1 (64-bit size follows) or at least 8.
fn box_size_plausible(head: &[u8]) -> bool {
    u32_be(head, 0).is_some_and(|s| s == 0 || s == 1 || s >= 8)
}

/// The format of an ISO base media file from its `ftyp` box: the major brand decides when we
/// know it, else the first compatible brand we know.
fn iso_media(head: &[u8]) -> Option<Format> {
    let size = u32_be(head, 0)? as usize;
    // ftyp = size, "ftyp", major brand, minor version, compatible brands (4 bytes each).
    if size < 16 || !size.is_multiple_of(4) || size > 4096 {
        return None;
    }
    let major = head.get(8..12)?;
    let end = size.min(head.len());
    let compatible = head.get(16..end).unwrap_or(&[]).chunks_exact(4);
    let mut generic_heif = false;
    for brand in std::iter::once(major).chain(compatible) {
        match brand_format(brand) {
            Brand::Is(f) => return Some(f),
            Brand::GenericHeif => generic_heif = true,
            Brand::Audio if brand == major => return None,
            Brand::Audio | Brand::Unknown => {}
        }
    }
    generic_heif.then_some(Format::Heif)
}

enum Brand {
    Is(Format),
    /// mif1/mif2/msf1 (and the MIAF and Apple profile brands): HEIF, the codec is said by
    /// another brand.
    GenericHeif,
    /// M4A/M4B/M4P/F4A: sound, not evidence of anything seen.
    Audio,
    Unknown,
}

fn brand_format(brand: &[u8]) -> Brand {
    match brand {
        b"heic" | b"heix" | b"hevc" | b"hevx" | b"heim" | b"heis" | b"hevm" | b"hevs" => Brand::Is(Format::Heic),
        b"avif" | b"avis" => Brand::Is(Format::Avif),
        b"avci" | b"avcs" => Brand::Is(Format::Heif),
        b"mif1" | b"mif2" | b"msf1" | b"miaf" | b"MiHA" | b"MiHB" | b"MiHE" => Brand::GenericHeif,
        b"qt  " => Brand::Is(Format::Mov),
        b"3gp4" | b"3gp5" | b"3gp6" | b"3gp7" | b"3gp8" | b"3gp9" | b"3gg6" | b"3gg9" | b"3ge6" | b"3ge7" | b"3ge9" | b"3gs7" | b"3gs9" | b"3g2a" | b"3g2b"
        | b"3g2c" => Brand::Is(Format::ThreeGp),
        b"isom" | b"iso2" | b"iso3" | b"iso4" | b"iso5" | b"iso6" | b"iso7" | b"iso8" | b"iso9" | b"mp41" | b"mp42" | b"mp71" | b"avc1" | b"dash" | b"M4V "
        | b"M4VH" | b"M4VP" | b"mmp4" | b"MSNV" | b"NDAS" | b"NDSC" | b"NDSH" | b"f4v " | b"XAVC" | b"MP4 " => Brand::Is(Format::Mp4),
        b"M4A " | b"M4B " | b"M4P " | b"F4A " | b"F4B " => Brand::Audio,
        _ => Brand::Unknown,
    }
}

enum DocType {
    Webm,
    Matroska,
}

/// The DocType element (ID 0x4282) of an EBML header: "webm" or "matroska".
fn ebml_doctype(head: &[u8]) -> Option<DocType> {
    let mut i = 4;
    while i + 3 <= head.len() {
        if head[i] == 0x42 && head[i + 1] == 0x82 {
            // A one-byte length (0x81..=0x88) is how every muxer writes this short string.
            let len_byte = head[i + 2];
            if (0x81..=0x88).contains(&len_byte) {
                let len = (len_byte & 0x7F) as usize;
                let value = head.get(i + 3..i + 3 + len)?;
                return match value {
                    b"webm" => Some(DocType::Webm),
                    b"matroska" => Some(DocType::Matroska),
                    _ => None,
                };
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
pub(crate) use tests::sample;

#[cfg(test)]
mod tests {
    use super::*;

    /// The first bytes of a file of each format, as real encoders write them.
    pub(crate) fn sample(format: Format) -> Vec<u8> {
        let mut v: Vec<u8> = match format {
            Format::Jpeg => b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".to_vec(),
            Format::Png => b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0DIHDR\x00\x00\x0F\xA0\x00\x00\x0B\xB8\x08\x02\x00\x00\x00".to_vec(),
            Format::Gif => b"GIF89a\x40\x01\xF0\x00\xF7\x00\x00".to_vec(),
            Format::Bmp => {
                let mut b = b"BM".to_vec();
                b.extend(1_440_054u32.to_le_bytes());
                b.extend([0, 0, 0, 0]);
                b.extend(54u32.to_le_bytes());
                b.extend(40u32.to_le_bytes());
                b.extend(800u32.to_le_bytes());
                b.extend(600u32.to_le_bytes());
                b
            }
            Format::Webp => b"RIFF\x24\x10\x00\x00WEBPVP8 \x18\x10\x00\x00".to_vec(),
            Format::Heic => ftyp(b"heic", &[b"mif1", b"heic"]),
            Format::Heif => ftyp(b"mif1", &[b"mif1"]),
            Format::Avif => ftyp(b"avif", &[b"avif", b"mif1", b"miaf"]),
            Format::Mp4 => ftyp(b"isom", &[b"isom", b"iso2", b"avc1", b"mp41"]),
            Format::Mov => ftyp(b"qt  ", &[b"qt  "]),
            Format::Avi => b"RIFF\x00\x10\x00\x00AVI LIST\x94\x00\x00\x00hdrlavih".to_vec(),
            Format::Webm => ebml(b"webm"),
            Format::Mkv => ebml(b"matroska"),
            Format::ThreeGp => ftyp(b"3gp4", &[b"isom", b"3gp4"]),
            Format::Pdf => b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(),
            Format::Zip => b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec(),
        };
        v.resize(HEAD_BYTES.max(v.len()), 0x11);
        v
    }

    pub(crate) fn ftyp(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len() as u32;
        let mut v = size.to_be_bytes().to_vec();
        v.extend(b"ftyp");
        v.extend(major);
        v.extend([0, 0, 0, 0]);
        for b in compatible {
            v.extend(*b);
        }
        v.extend(b"\x00\x00\x00\x08free");
        v
    }

    fn ebml(doctype: &[u8]) -> Vec<u8> {
        let mut v = vec![0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04];
        v.extend([0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x80 | doctype.len() as u8]);
        v.extend(doctype);
        v.extend([0x42, 0x87, 0x81, 0x04]);
        v
    }

    const ALL: [Format; 16] = [
        Format::Jpeg,
        Format::Png,
        Format::Gif,
        Format::Bmp,
        Format::Webp,
        Format::Heic,
        Format::Heif,
        Format::Avif,
        Format::Mp4,
        Format::Mov,
        Format::Avi,
        Format::Webm,
        Format::Mkv,
        Format::ThreeGp,
        Format::Pdf,
        Format::Zip,
    ];

    #[test]
    fn every_format_is_recognised_from_its_first_bytes() {
        for f in ALL {
            assert_eq!(sniff(&sample(f)), Content::Known(f), "{f:?}");
            // Only the first bytes of a big file arrive; a shorter head must still do.
            let short = &sample(f)[..32.min(sample(f).len())];
            assert_eq!(sniff(short), Content::Known(f), "{f:?} from 32 bytes");
        }
    }

    #[test]
    fn every_format_has_exactly_one_table_row() {
        for f in ALL {
            assert_eq!(FORMATS.iter().filter(|i| i.format == f).count(), 1, "{f:?}");
            assert!(!f.info().extensions.is_empty() && !f.info().mime.is_empty() && !f.info().source.0.is_empty());
        }
        assert_eq!(FORMATS.len(), ALL.len());
    }

    #[test]
    fn variants_of_real_files_are_recognised() {
        // JPEG straight from a phone camera: Exif first, no JFIF.
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE1\x2F\xFEExif\x00\x00MM\x00*"), Content::Known(Format::Jpeg));
        assert_eq!(sniff(b"GIF87a\x01\x00\x01\x00"), Content::Known(Format::Gif));
        // iPhone HEIC: major brand heic.
        assert_eq!(sniff(&ftyp(b"heic", &[b"mif1", b"heic", b"miaf", b"MiHB"])), Content::Known(Format::Heic));
        // Generic HEIF whose compatible brands name HEVC.
        assert_eq!(sniff(&ftyp(b"mif1", &[b"mif1", b"heic"])), Content::Known(Format::Heic));
        // Android phones: mp42 / isom.
        assert_eq!(sniff(&ftyp(b"mp42", &[b"isom", b"mp42"])), Content::Known(Format::Mp4));
        // An unknown major brand with a known compatible one.
        assert_eq!(sniff(&ftyp(b"XYZW", &[b"mp41"])), Content::Known(Format::Mp4));
        assert_eq!(sniff(&ftyp(b"M4V ", &[b"M4V ", b"M4A ", b"mp42", b"isom"])), Content::Known(Format::Mp4));
        // Phones' HEIF variants: a generic major brand with the codec among the compatible
        // ones, Apple's profile brands, AVC-coded HEIF, a second-edition HEIF.
        assert_eq!(sniff(&ftyp(b"MiHE", &[b"MiHE", b"miaf", b"MiHB", b"heic"])), Content::Known(Format::Heic));
        assert_eq!(sniff(&ftyp(b"msf1", &[b"msf1", b"hevc"])), Content::Known(Format::Heic));
        assert_eq!(sniff(&ftyp(b"mif2", &[b"mif2", b"miaf"])), Content::Known(Format::Heif));
        assert_eq!(sniff(&ftyp(b"mif1", &[b"mif1", b"avci"])), Content::Known(Format::Heif));
        assert_eq!(sniff(&ftyp(b"heix", &[b"mif1", b"heix"])), Content::Known(Format::Heic));
        // iPhone video.
        assert_eq!(sniff(&ftyp(b"qt  ", &[b"qt  "])), Content::Known(Format::Mov));
        // Old QuickTime without ftyp.
        assert_eq!(sniff(b"\x00\x00\x00\x08wide\x00\x00\x12\x34mdat"), Content::Known(Format::Mov));
        assert_eq!(sniff(b"\x00\x00\x02\x00moov\x00\x00\x00\x6Cmvhd"), Content::Known(Format::Mov));
        assert_eq!(sniff(&ftyp(b"3g2a", &[b"3g2a"])), Content::Known(Format::ThreeGp));
        assert_eq!(sniff(b"PK\x05\x06\x00\x00\x00\x00"), Content::Known(Format::Zip));
    }

    /// The first 64 bytes of files real encoders wrote (FFmpeg 5.1, libheif 1.15, Debian 12's
    /// `ls`), hex. The same heads decide the comparison with the `infer` and `file-format`
    /// crates in docs/ARCHITECTURE.md ("Libraries we use and why"): infer, for one, reads
    /// neither the WebM nor the MKV here (it wants 257 bytes) nor the 3GP, and calls the HEIC
    /// plain HEIF.
    #[test]
    fn heads_of_real_encoder_output_are_recognised() {
        use Content::{Known, Program, Unknown};
        let heads: &[(&str, Content)] = &[
            (
                "ffd8ffe000104a46494600010200000100010000fffe00104c61766335392e33372e31303000ffdb004300080a0a0b0a0b0d0d0d0d0d0d100f10101010101010",
                Known(Format::Jpeg),
            ),
            (
                "89504e470d0a1a0a0000000d4948445200000140000000f00802000000fe4f2a3c00000009704859730000000100000001004f25c4d600000a3149444154789c",
                Known(Format::Png),
            ),
            (
                "4749463839614001f000f71f310000002400004800006c0000900000b40000d80000fc00000024002424004824006c2400902400b42400d82400fc2400004800",
                Known(Format::Gif),
            ),
            (
                "424d3684030000000000360000002800000040010000f00000000100180000000000008403000000000000000000000000000000000000000000000000000000",
                Known(Format::Bmp),
            ),
            (
                "52494646340c00005745425056503820280c0000d052009d012a4001f0003e91449d4aa5a3bfa22138bc1bf012094ddc2d0224cb803f403a3a8806fefea7f8c5",
                Known(Format::Webp),
            ),
            (
                "0000001c6674797068656963000000006d696631686569636d696166000001426d657461000000000000002168646c7200000000000000007069637400000000",
                Known(Format::Heic),
            ),
            (
                "0000001c667479706176696600000000617669666d6966316d696166000000ea6d657461000000000000002168646c7200000000000000007069637400000000",
                Known(Format::Avif),
            ),
            (
                "000000206674797069736f6d0000020069736f6d69736f32617663316d703431000000086672656500001ac16d646174000002ae0605ffffaadc45e9bde6d948",
                Known(Format::Mp4),
            ),
            (
                "0000001466747970717420200000020071742020000000087769646500001ac16d646174000002ae0605ffffaadc45e9bde6d948b7962cd820d923eeef783236",
                Known(Format::Mov),
            ),
            (
                "52494646f6740000415649204c495354381200006864726c6176696838000000a0860100a861000000000000100900000a000000000000000100000000001000",
                Known(Format::Avi),
            ),
            (
                "1a45dfa3a34286810142f7810142f2810442f381084282886d6174726f736b614287810442858102185380670100000000001c44114d9b74c0bf84a8a5b8ee4d",
                Known(Format::Mkv),
            ),
            (
                "1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878102428581021853806701000000000028ee114d9b74ba4dbb8b53ab841549a96653",
                Known(Format::Webm),
            ),
            (
                "0000001c6674797033677034000002003367703469736f6d69736f3200000008667265650000668a6d646174000080020c052620202021ffff310101010ffff6",
                Known(Format::ThreeGp),
            ),
            // Sound only (AAC in MP4): not evidence of anything seen.
            ("0000001c667479704d344120000002004d34412069736f6d69736f320000000866726565000023256d646174de02004c61766335392e33372e313030000260ac", Unknown),
            ("7f454c4602010100000000000000000003003e0001000000d0610000000000004000000000000000704702000000000000000000400038000d0040001f001e00", Program),
        ];
        for (hex, want) in heads {
            let head: Vec<u8> = (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
            assert_eq!(head.len(), HEAD_BYTES);
            assert_eq!(sniff(&head), *want, "{hex}");
        }
    }

    #[test]
    fn programs_are_programs_whatever_else() {
        for head in [
            &b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xFF\xFF"[..],
            b"\x7fELF\x02\x01\x01\x00",
            &[0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01],
            &[0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x02],
            b"#!/bin/sh\nrm -rf ~\n",
            &[0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, 0, 0, 0, 0],
            b"dex\n035\x00",
        ] {
            assert_eq!(sniff(head), Content::Program, "{head:?}");
        }
    }

    #[test]
    fn lookalikes_and_truncations_are_not_claimed() {
        for head in [
            &b""[..],
            b"\xFF\xD8",                           // SOI but cut before the next marker
            b"\x89PNG\r\n",                        // signature cut short
            b"GIF90a",                             // no such version
            b"BM\x00\x00\x00\x00\x01\x00\x00\x00", // BM with non-zero reserved bytes
            b"BMP is a nice format, says this text file",
            b"RIFF\x00\x00\x00\x00WAVEfmt ",                     // sound
            b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom", // audio major brand
            b"\x00\x00\x00\x07ftypisom",                         // impossible box size
            b"\x1A\x45\xDF\xA3\x42\x82\x84abcd",                 // EBML with another doctype
            b"\x1A\x45\xDF\xA3\x9F\x42\x86\x81\x01",             // EBML cut before the doctype
            b"%PDX-1.4",
            b"PK\x01\x02",
            b"Hello, this is a text file and not a photo.",
            b"<html><body>photo</body></html>",
        ] {
            assert!(!matches!(sniff(head), Content::Known(_)), "claimed {:?} for {head:?}", sniff(head));
        }
    }

    #[test]
    fn names_and_types_claim_formats() {
        assert_eq!(claim_of_name("IMG_0001.JPG"), Some(Claim::Format(Format::Jpeg)));
        assert_eq!(claim_of_name("holiday.photo.jpeg"), Some(Claim::Format(Format::Jpeg)));
        assert_eq!(claim_of_name("setup.exe"), Some(Claim::Program));
        assert_eq!(claim_of_name("clip.MOV"), Some(Claim::Format(Format::Mov)));
        assert_eq!(claim_of_name("notes.txt"), None);
        assert_eq!(claim_of_name("README"), None);
        assert_eq!(claim_of_name(".hidden"), None);
        assert_eq!(claim_of_type("image/jpeg"), Some(Claim::Format(Format::Jpeg)));
        assert_eq!(claim_of_type("Video/MP4; codecs=avc1"), Some(Claim::Format(Format::Mp4)));
        assert_eq!(claim_of_type("application/x-msdownload"), Some(Claim::Program));
        assert_eq!(claim_of_type("application/octet-stream"), None);
        assert_eq!(claim_of_type(""), None);
    }
}
