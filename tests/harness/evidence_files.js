// Files for evidence tests, generated (never stored): a photo drawn and encoded by the browser,
// a photo with GPS, one with a damaged Exif block, an MP4's and a HEIC's first boxes, a Windows
// program renamed as a photo.
'use strict';

// A real photo, drawn and encoded by the browser.
async function canvasImage(page, type, w = 320, h = 240, noise = false, quality = 0.9) {
  const b64 = await page.evaluate(async ({ type, w, h, noise, quality }) => {
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    const g = c.getContext('2d');
    if (noise) {
      // Noise does not compress: a 12-megapixel photo of it is far above 5 MB.
      const img = g.createImageData(w, h);
      let x = 12345;
      for (let i = 0; i < img.data.length; i++) { x = (x * 1103515245 + 12345) >>> 0; img.data[i] = i % 4 === 3 ? 255 : x >>> 24; }
      g.putImageData(img, 0, 0);
    } else {
      g.fillStyle = '#c33'; g.fillRect(0, 0, w, h);
      g.fillStyle = '#fff'; g.font = '40px sans-serif'; g.fillText('broken', 20, 120);
    }
    const blob = await new Promise(r => c.toBlob(r, type, quality));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, { type, w, h, noise, quality });
  return Buffer.from(b64, 'base64');
}

// An Exif APP1 segment with GPS (51°30'26.33" N), inserted right after SOI, as phones write it.
function withGps(jpeg) {
  const le16 = v => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
  const le32 = v => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const entry = (tag, type, count, value) => Buffer.concat([le16(tag), le16(type), le32(count), value]);
  const tiff = Buffer.concat([
    Buffer.from('II'), le16(42), le32(8),
    le16(2), entry(0x0112, 3, 1, Buffer.from([1, 0, 0, 0])), entry(0x8825, 4, 1, le32(38)), le32(0),
    // GPS IFD at 38: LatitudeRef "N", Latitude 3 rationals at 68.
    le16(2), entry(1, 2, 2, Buffer.from('N\0\0\0')), entry(2, 5, 3, le32(68)), le32(0),
    le32(51), le32(1), le32(30), le32(1), le32(2633), le32(100),
  ]);
  const data = Buffer.concat([Buffer.from('Exif\0\0'), tiff]);
  const len = Buffer.alloc(2); len.writeUInt16BE(data.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xFF, 0xE1]), len, data, jpeg.subarray(2)]);
}

// An Exif APP1 segment as a phone writes it (Orientation 6 = rotated, DateTimeOriginal in the
// Exif IFD), whose GPS pointer is damaged (it points far past the segment's end): the block
// cannot be rewritten safely and must go whole.
function withDamagedExif(jpeg) {
  const le16 = v => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
  const le32 = v => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const entry = (tag, type, count, value) => Buffer.concat([le16(tag), le16(type), le32(count), value]);
  const tiff = Buffer.concat([
    Buffer.from('II'), le16(42), le32(8),
    // IFD0 at 8: 3 entries, ends at 50.
    le16(3), entry(0x0112, 3, 1, Buffer.from([6, 0, 0, 0])), entry(0x8769, 4, 1, le32(50)), entry(0x8825, 4, 1, le32(60000)), le32(0),
    // Exif IFD at 50: DateTimeOriginal (20 ASCII bytes at 68).
    le16(1), entry(0x9003, 2, 20, le32(68)), le32(0),
    Buffer.from('2026:03:01 10:00:00\0'),
  ]);
  const data = Buffer.concat([Buffer.from('Exif\0\0'), tiff]);
  const len = Buffer.alloc(2); len.writeUInt16BE(data.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xFF, 0xE1]), len, data, jpeg.subarray(2)]);
}

// The first boxes of an MP4 as a phone writes them, then media data.
function mp4(bytes = 4096) {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
  const mdatLen = Buffer.alloc(4); mdatLen.writeUInt32BE(bytes - 24);
  const body = Buffer.alloc(bytes - 32, 0x5a);
  return Buffer.concat([ftyp, mdatLen, Buffer.from('mdat'), body]);
}

// The first boxes of an iPhone HEIC photo (ftyp heic, compatible mif1/miaf/MiHB/heic), then
// data: phones' normal "High Efficiency" output.
function heic(bytes = 4096) {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 32]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1miafMiHBheic')]);
  return Buffer.concat([ftyp, Buffer.alloc(bytes - ftyp.length, 0x33)]);
}

// A Windows program (DOS stub and PE header), renamed as a photo.
function windowsProgram() {
  const b = Buffer.alloc(2048, 0);
  b.write('MZ', 0); b.writeUInt32LE(0x80, 0x3c); b.write('This program cannot be run in DOS mode.', 0x4e); b.write('PE\0\0', 0x80);
  return b;
}

module.exports = { canvasImage, withGps, withDamagedExif, mp4, heic, windowsProgram };
