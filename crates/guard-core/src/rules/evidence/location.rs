//! Location metadata out of JPEG photos before they reach the site: the GPS data that phones
//! write into the Exif segment (and that editors copy into XMP) says where the shopper lives.
//!
//! Only the headers before the image data are touched, so the content script sends the first
//! bytes of the file and puts the answer in front of the rest, untouched. The Exif segment is
//! rewritten in place, same length: the GPS IFD is zeroed and its pointer removed from IFD0,
//! so orientation and the other tags stay. An Exif segment too damaged to rewrite safely is
//! dropped whole, and the answer says what went with it (orientation, capture date, camera,
//! as far as the damaged block can still be read), so the shopper is told; an XMP packet
//! naming GPS is dropped. Source: Exif 2.32 (CIPA DC-008), TIFF 6.0, ITU T.81 for the JPEG
//! segment structure.

use serde::Serialize;

/// What to do with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stripped {
    /// Not a JPEG, or no location in it: the file stays exactly as it is.
    Nothing,
    /// Use `bytes` in place of all the bytes given; the rest of the file follows unchanged.
    /// `lost`: what a damaged Exif block dropped whole took with it (empty when the location
    /// was removed in place and everything else kept).
    Prefix { bytes: Vec<u8>, lost: Vec<Lost> },
    /// The headers go on beyond the bytes given: ask again with at least this many.
    NeedMore(usize),
}

/// Besides the location, what went with an Exif block too damaged to rewrite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lost {
    /// Which way up the photo is (tag Orientation): it may now show sideways.
    Orientation,
    /// When it was taken (DateTimeOriginal, DateTimeDigitized, DateTime).
    CaptureDate,
    /// The camera's make and model.
    Camera,
    /// Part of the block could not be read at all: whatever it held (it may have included
    /// the above).
    Unreadable,
}

impl Lost {
    pub fn as_str(self) -> &'static str {
        match self {
            Lost::Orientation => "orientation",
            Lost::CaptureDate => "capture-date",
            Lost::Camera => "camera",
            Lost::Unreadable => "unreadable",
        }
    }
}

const ORIENTATION: u16 = 0x0112;
const DATE_TIME: u16 = 0x0132;
const MAKE: u16 = 0x010F;
const MODEL: u16 = 0x0110;
const EXIF_POINTER: u16 = 0x8769;
const DATE_TIME_ORIGINAL: u16 = 0x9003;
const DATE_TIME_DIGITIZED: u16 = 0x9004;

const GPS_POINTER: u16 = 0x8825;
const XMP: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const XMP_EXTENSION: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";

enum Edit {
    /// Replace `start..start+bytes.len()` by `bytes` (same length).
    Rewrite {
        start: usize,
        bytes: Vec<u8>,
    },
    Drop {
        start: usize,
        end: usize,
    },
}

/// `prefix`: the first bytes of the file; `complete`: they are the whole file.
pub fn strip_gps(prefix: &[u8], complete: bool) -> Stripped {
    if !prefix.starts_with(&[0xFF, 0xD8]) {
        return Stripped::Nothing;
    }
    let need = |n: usize| if complete { None } else { Some(Stripped::NeedMore(n.max(prefix.len() + 1))) };
    let mut edits = vec![];
    let mut lost: Vec<Lost> = vec![];
    let mut pos = 2;
    loop {
        if pos + 2 > prefix.len() {
            match need(pos + 4) {
                Some(more) => return more,
                None => break,
            }
        }
        if prefix[pos] != 0xFF {
            break; // not a marker where one must be: leave the rest alone
        }
        let seg_start = pos;
        while pos < prefix.len() && prefix[pos] == 0xFF {
            pos += 1;
        }
        let Some(&marker) = prefix.get(pos) else {
            match need(pos + 4) {
                Some(more) => return more,
                None => break,
            }
        };
        pos += 1;
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => continue,
            0xDA | 0xD9 => break, // image data (or the end) follows: no headers after this
            _ => {}
        }
        let Some(len) = prefix.get(pos..pos + 2).map(|b| u16::from_be_bytes([b[0], b[1]]) as usize) else {
            match need(pos + 2) {
                Some(more) => return more,
                None => break,
            }
        };
        if len < 2 {
            break;
        }
        let end = pos + len;
        if end > prefix.len() {
            match need(end + 4) {
                Some(more) => return more,
                None => break,
            }
        }
        let data = &prefix[pos + 2..end];
        if marker == 0xE1 {
            if let Some(tiff) = data.strip_prefix(b"Exif\0\0") {
                let tiff_start = pos + 2 + 6;
                match exif_without_gps(tiff) {
                    ExifGps::None => {}
                    ExifGps::Removed(bytes) => edits.push(Edit::Rewrite { start: tiff_start, bytes }),
                    ExifGps::Unreadable => {
                        edits.push(Edit::Drop { start: seg_start, end });
                        for l in survey(tiff) {
                            if !lost.contains(&l) {
                                lost.push(l);
                            }
                        }
                    }
                }
            } else if (data.starts_with(XMP) || data.starts_with(XMP_EXTENSION)) && mentions_gps(data) {
                edits.push(Edit::Drop { start: seg_start, end });
            }
        }
        pos = end;
    }
    if edits.is_empty() {
        return Stripped::Nothing;
    }
    let mut out = prefix.to_vec();
    // Drops last-first so earlier offsets stay valid; rewrites keep lengths.
    for e in &edits {
        if let Edit::Rewrite { start, bytes } = e {
            out[*start..*start + bytes.len()].copy_from_slice(bytes);
        }
    }
    for e in edits.iter().rev() {
        if let Edit::Drop { start, end } = e {
            out.drain(*start..*end);
        }
    }
    Stripped::Prefix { bytes: out, lost }
}

/// What a damaged TIFF block holds besides the location, read as far as it can be: the tags
/// of IFD0 and of the Exif IFD it points to. `Unreadable` when part of it cannot be read.
fn survey(tiff: &[u8]) -> Vec<Lost> {
    let order = match tiff.get(0..2) {
        Some(b"II") => Order(true),
        Some(b"MM") => Order(false),
        _ => return vec![Lost::Unreadable],
    };
    let mut tags = vec![];
    let mut whole = order.u16(tiff, 2) == Some(42);
    // The entries of the IFD at `at` that lie within the block; false when it is cut short.
    let read_ifd = |at: usize, tags: &mut Vec<u16>| -> bool {
        let Some(n) = order.u16(tiff, at) else { return false };
        for k in 0..n as usize {
            match order.u16(tiff, at + 2 + 12 * k) {
                Some(tag) if at + 2 + 12 * (k + 1) <= tiff.len() => tags.push(tag),
                _ => return false,
            }
        }
        true
    };
    match order.u32(tiff, 4) {
        Some(ifd0) if whole => whole = read_ifd(ifd0 as usize, &mut tags),
        _ => whole = false,
    }
    if let Some(k) = tags.iter().position(|t| *t == EXIF_POINTER) {
        // The pointer's value: the entry's last four bytes.
        let ifd0 = order.u32(tiff, 4).unwrap_or(0) as usize;
        match order.u32(tiff, ifd0 + 2 + 12 * k + 8) {
            Some(exif) if (exif as usize) < tiff.len() => whole &= read_ifd(exif as usize, &mut tags),
            _ => whole = false,
        }
    }
    let mut out = vec![];
    if tags.contains(&ORIENTATION) {
        out.push(Lost::Orientation);
    }
    if tags.iter().any(|t| matches!(*t, DATE_TIME | DATE_TIME_ORIGINAL | DATE_TIME_DIGITIZED)) {
        out.push(Lost::CaptureDate);
    }
    if tags.iter().any(|t| matches!(*t, MAKE | MODEL)) {
        out.push(Lost::Camera);
    }
    if !whole {
        out.push(Lost::Unreadable);
    }
    out
}

fn mentions_gps(xmp: &[u8]) -> bool {
    xmp.windows(6).any(|w| w == b"GPSLat" || w == b"GPSLon" || w == b"GPSAlt")
}

enum ExifGps {
    None,
    Removed(Vec<u8>),
    Unreadable,
}

#[derive(Clone, Copy)]
struct Order(bool); // true = little endian ("II")

impl Order {
    fn u16(self, b: &[u8], at: usize) -> Option<u16> {
        let x = b.get(at..at + 2)?;
        Some(if self.0 { u16::from_le_bytes([x[0], x[1]]) } else { u16::from_be_bytes([x[0], x[1]]) })
    }
    fn u32(self, b: &[u8], at: usize) -> Option<u32> {
        let x = b.get(at..at + 4)?;
        Some(if self.0 { u32::from_le_bytes([x[0], x[1], x[2], x[3]]) } else { u32::from_be_bytes([x[0], x[1], x[2], x[3]]) })
    }
    fn put_u16(self, b: &mut [u8], at: usize, v: u16) {
        let bytes = if self.0 { v.to_le_bytes() } else { v.to_be_bytes() };
        b[at..at + 2].copy_from_slice(&bytes);
    }
}

/// Bytes per value of each TIFF field type.
fn type_size(t: u16) -> Option<usize> {
    Some(match t {
        1 | 2 | 6 | 7 => 1,
        3 | 8 => 2,
        4 | 9 | 11 | 13 => 4,
        5 | 10 | 12 => 8,
        _ => return None,
    })
}

/// The TIFF structure with its GPS IFD zeroed and the pointer to it removed.
fn exif_without_gps(tiff: &[u8]) -> ExifGps {
    match try_exif_without_gps(tiff) {
        Ok(Some(bytes)) => ExifGps::Removed(bytes),
        Ok(None) => ExifGps::None,
        Err(()) => ExifGps::Unreadable,
    }
}

fn try_exif_without_gps(tiff: &[u8]) -> Result<Option<Vec<u8>>, ()> {
    let order = match tiff.get(0..2) {
        Some(b"II") => Order(true),
        Some(b"MM") => Order(false),
        _ => return Err(()),
    };
    if order.u16(tiff, 2) != Some(42) {
        return Err(());
    }
    let ifd0 = order.u32(tiff, 4).ok_or(())? as usize;
    let n = order.u16(tiff, ifd0).ok_or(())? as usize;
    let entries = ifd0 + 2;
    let ifd0_end = entries + 12 * n + 4;
    if ifd0_end > tiff.len() {
        return Err(());
    }
    let Some(idx) = (0..n).find(|k| order.u16(tiff, entries + 12 * k) == Some(GPS_POINTER)) else {
        return Ok(None);
    };
    let gps = order.u32(tiff, entries + 12 * idx + 8).ok_or(())? as usize;
    let m = order.u16(tiff, gps).ok_or(())? as usize;
    if m == 0 {
        return Ok(None); // a pointer to nothing: no location to remove
    }
    let gps_end = gps + 2 + 12 * m + 4;
    let overlaps = |a: usize, b: usize| a < ifd0_end && ifd0 < b;
    if gps_end > tiff.len() || overlaps(gps, gps_end) {
        return Err(());
    }
    let mut out = tiff.to_vec();
    for k in 0..m {
        let e = gps + 2 + 12 * k;
        let size = type_size(order.u16(tiff, e + 2).ok_or(())?);
        let count = order.u32(tiff, e + 4).ok_or(())? as usize;
        if let Some(total) = size.and_then(|s| s.checked_mul(count)).filter(|t| *t > 4) {
            let at = order.u32(tiff, e + 8).ok_or(())? as usize;
            let end = at.checked_add(total).ok_or(())?;
            if end > tiff.len() || overlaps(at, end) {
                return Err(());
            }
            out[at..end].fill(0);
        }
    }
    out[gps..gps_end].fill(0);
    // Remove the pointer: later entries and the next-IFD offset move up one entry.
    let from = entries + 12 * (idx + 1);
    out.copy_within(from..ifd0_end, entries + 12 * idx);
    out[ifd0_end - 12..ifd0_end].fill(0);
    order.put_u16(&mut out, ifd0, (n - 1) as u16);
    Ok(Some(out))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A TIFF block as a phone writes it: Make, Orientation = 6, a GPS IFD with latitude and
    /// longitude (51°30'26" N, 0°7'39" W).
    pub(crate) fn tiff_with_gps(le: bool) -> Vec<u8> {
        let o = Order(le);
        let p16 = |v: u16| if o.0 { v.to_le_bytes() } else { v.to_be_bytes() };
        let p32 = |v: u32| if o.0 { v.to_le_bytes() } else { v.to_be_bytes() };
        let mut t = Vec::new();
        t.extend(if le { b"II" } else { b"MM" });
        t.extend(p16(42));
        t.extend(p32(8));
        // IFD0 at 8: 3 entries, ends at 8 + 2 + 36 + 4 = 50.
        t.extend(p16(3));
        t.extend(p16(0x010F));
        t.extend(p16(2));
        t.extend(p32(6));
        t.extend(p32(50)); // Make -> 50
        t.extend(p16(0x0112));
        t.extend(p16(3));
        t.extend(p32(1));
        t.extend(p16(6));
        t.extend([0, 0]); // Orientation 6
        t.extend(p16(GPS_POINTER));
        t.extend(p16(4));
        t.extend(p32(1));
        t.extend(p32(56)); // GPS IFD -> 56
        t.extend(p32(0));
        t.extend(b"Phone\0"); // 50..56
                              // GPS IFD at 56: 4 entries, ends at 56 + 2 + 48 + 4 = 110; rationals at 110 and 134.
        t.extend(p16(4));
        t.extend(p16(1));
        t.extend(p16(2));
        t.extend(p32(2));
        t.extend(b"N\0\0\0");
        t.extend(p16(2));
        t.extend(p16(5));
        t.extend(p32(3));
        t.extend(p32(110));
        t.extend(p16(3));
        t.extend(p16(2));
        t.extend(p32(2));
        t.extend(b"W\0\0\0");
        t.extend(p16(4));
        t.extend(p16(5));
        t.extend(p32(3));
        t.extend(p32(134));
        t.extend(p32(0));
        for (n, d) in [(51, 1), (30, 1), (2633, 100), (0, 1), (7, 1), (3901, 100)] {
            t.extend(p32(n));
            t.extend(p32(d));
        }
        t
    }

    fn segment(marker: u8, data: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend(((data.len() + 2) as u16).to_be_bytes());
        s.extend(data);
        s
    }

    pub(crate) fn jpeg_with(app1: &[u8]) -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        j.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
        j.extend(segment(0xE1, app1));
        j.extend(segment(0xDB, &[0u8; 65]));
        j.extend(segment(0xDA, &[1, 1, 0, 0, 0x3F, 0]));
        j.extend((0..2000u32).map(|i| (i * 7 % 251) as u8 & 0xFE)); // entropy-coded data
        j.extend([0xFF, 0xD9]);
        j
    }

    fn exif(le: bool) -> Vec<u8> {
        let mut a = b"Exif\0\0".to_vec();
        a.extend(tiff_with_gps(le));
        a
    }

    fn find(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len()).any(|w| w == needle)
    }

    fn gps_and_orientation(jpeg: &[u8], le: bool) -> (bool, Option<u16>) {
        let start = jpeg.windows(6).position(|w| w == b"Exif\0\0").unwrap() + 6;
        let t = &jpeg[start..];
        let o = Order(le);
        let n = o.u16(t, 8).unwrap() as usize;
        let tags: Vec<u16> = (0..n).map(|k| o.u16(t, 10 + 12 * k).unwrap()).collect();
        let orientation = tags.iter().position(|&x| x == 0x0112).map(|k| o.u16(t, 10 + 12 * k + 8).unwrap());
        (tags.contains(&GPS_POINTER), orientation)
    }

    #[test]
    fn gps_goes_orientation_and_image_data_stay() {
        for le in [true, false] {
            let original = jpeg_with(&exif(le));
            assert_eq!(gps_and_orientation(&original, le), (true, Some(6)));
            let latitude_seconds = if le { 2633u32.to_le_bytes() } else { 2633u32.to_be_bytes() };
            assert!(find(&original, &latitude_seconds));
            let Stripped::Prefix { bytes: clean, lost } = strip_gps(&original, true) else { panic!("nothing stripped") };
            assert_eq!(lost, vec![], "removed in place: nothing else lost");
            assert_eq!(clean.len(), original.len(), "rewritten in place");
            assert_eq!(gps_and_orientation(&clean, le), (false, Some(6)));
            assert!(!find(&clean, &latitude_seconds) && !find(&clean, b"N\0\0\0W"));
            assert!(find(&clean, b"Phone\0"));
            let sos = original.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
            assert_eq!(&clean[sos..], &original[sos..], "image data untouched");
            // Stripping again finds nothing: the same file object would be kept.
            assert_eq!(strip_gps(&clean, true), Stripped::Nothing);
        }
    }

    #[test]
    fn only_the_first_bytes_are_needed() {
        let original = jpeg_with(&exif(true));
        let Stripped::Prefix { bytes: whole, .. } = strip_gps(&original, true) else { panic!() };
        // Given only the headers and a little image data, the answer is the same prefix.
        let Stripped::Prefix { bytes: head, .. } = strip_gps(&original[..400], false) else { panic!() };
        assert_eq!(head, whole[..400]);
        // Cut inside the Exif segment: ask for more, at least to its end.
        match strip_gps(&original[..60], false) {
            Stripped::NeedMore(n) => assert!(n > 60 && n >= 20 + 2 + 2 + 6 + tiff_with_gps(true).len()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn photos_without_location_are_left_alone() {
        let mut no_gps = tiff_with_gps(true);
        no_gps[8] = 2; // IFD0 with its first two entries only
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(no_gps);
        assert_eq!(strip_gps(&jpeg_with(&app1), true), Stripped::Nothing);
        assert_eq!(strip_gps(&jpeg_with(b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0"), true), Stripped::Nothing);
        assert_eq!(strip_gps(b"\x89PNG\r\n\x1a\n", true), Stripped::Nothing);
        assert_eq!(strip_gps(b"", true), Stripped::Nothing);
    }

    #[test]
    fn xmp_with_gps_and_unreadable_exif_are_dropped() {
        let mut xmp = XMP.to_vec();
        xmp.extend(b"<x:xmpmeta><rdf:Description exif:GPSLatitude=\"51,30.44N\"/></x:xmpmeta>");
        let original = jpeg_with(&xmp);
        let Stripped::Prefix { bytes: clean, .. } = strip_gps(&original, true) else { panic!() };
        assert_eq!(clean.len(), original.len() - xmp.len() - 4);
        assert!(!find(&clean, b"GPSLatitude"));
        // A GPS pointer aiming outside the segment: drop the Exif segment whole.
        let mut broken = tiff_with_gps(true);
        broken[42..46].copy_from_slice(&60_000u32.to_le_bytes());
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(&broken);
        let original = jpeg_with(&app1);
        let Stripped::Prefix { bytes: clean, lost } = strip_gps(&original, true) else { panic!() };
        assert!(!find(&clean, b"Exif\0\0"));
        assert_eq!(&clean[clean.len() - 100..], &original[original.len() - 100..]);
        // Its orientation went with it, and the answer says so (IFD0 could still be read).
        assert_eq!(lost, vec![Lost::Orientation, Lost::Camera]);
    }

    #[test]
    fn what_a_damaged_exif_block_took_with_it_is_named() {
        // A phone's block: IFD0 with Orientation and an Exif IFD with DateTimeOriginal, then a
        // GPS pointer aiming past the end.
        let o = Order(true);
        let mut t = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
        let entry = |t: &mut Vec<u8>, tag: u16, typ: u16, count: u32, value: u32| {
            t.extend(tag.to_le_bytes());
            t.extend(typ.to_le_bytes());
            t.extend(count.to_le_bytes());
            t.extend(value.to_le_bytes());
        };
        t.extend(3u16.to_le_bytes()); // IFD0 at 8, ends at 8 + 2 + 36 + 4 = 50
        entry(&mut t, ORIENTATION, 3, 1, 6);
        entry(&mut t, EXIF_POINTER, 4, 1, 50);
        entry(&mut t, GPS_POINTER, 4, 1, 60_000);
        t.extend(0u32.to_le_bytes());
        t.extend(1u16.to_le_bytes()); // Exif IFD at 50
        entry(&mut t, DATE_TIME_ORIGINAL, 2, 20, 68);
        t.extend(0u32.to_le_bytes());
        t.extend(b"2026:03:01 10:00:00\0");
        assert_eq!(o.u16(&t, 50), Some(1));
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(&t);
        let Stripped::Prefix { bytes, lost } = strip_gps(&jpeg_with(&app1), true) else { panic!() };
        assert!(!find(&bytes, b"Exif\0\0"));
        assert_eq!(lost, vec![Lost::Orientation, Lost::CaptureDate]);
        // IFD0 cut short: what could be read, and that the rest could not.
        let cut = &t[..30];
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend(cut);
        let Stripped::Prefix { lost, .. } = strip_gps(&jpeg_with(&app1), true) else { panic!() };
        assert_eq!(lost, vec![Lost::Orientation, Lost::Unreadable]);
        // Not even a TIFF header: nothing can be told, and the answer says that.
        let Stripped::Prefix { lost, .. } = strip_gps(&jpeg_with(b"Exif\0\0XX\x00\x2a garbage"), true) else { panic!() };
        assert_eq!(lost, vec![Lost::Unreadable]);
    }
}
