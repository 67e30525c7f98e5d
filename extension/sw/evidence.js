// The service worker's side of the evidence checks and of the dispute form assistant: the core
// runs here, whatever the page's CSP. Bytes cross the message channel as base64 (Chromium's
// runtime messages are JSON).
import { getCore } from './core.js';
import { getMemoryJson } from './storage.js';

export const EVIDENCE_MESSAGES = new Set(['evidence-check', 'evidence-location', 'dispute-assist']);

const fromBase64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function answerEvidence(msg) {
  const core = await getCore();
  switch (msg.type) {
    case 'evidence-check':
      return { verdicts: JSON.parse(core.check_evidence(String(msg.request))).verdicts };
    case 'evidence-location':
      try {
        const out = core.strip_location(fromBase64(String(msg.head)), !!msg.complete);
        // `lost`: what a damaged Exif block removed whole took with it (orientation, …).
        return out ? { bytes: toBase64(out.bytes), lost: Array.from(out.lost) } : { bytes: null, lost: [] };
      } catch (e) {
        const more = /^need-more:(\d+)$/.exec(String(e && e.message));
        if (more) return { needMore: Number(more[1]) };
        throw e;
      }
    case 'dispute-assist':
      return { answer: JSON.parse(core.dispute_assist(String(msg.request), await getMemoryJson())) };
    default:
      throw new Error(`unknown message ${msg.type}`);
  }
}
