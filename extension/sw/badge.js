// The toolbar badge: how many tracked orders need action now (CONTRACT.md section 5), its
// colour by urgency (the core decides the urgency; the colours are ours), and a title saying
// the same in words for screen readers and tooltips.
import { t, useShopperLanguage } from './messages.js';

// White text on these reaches WCAG AA contrast (4.5:1 and more).
const COLOURS = { urgent: '#c5221f', soon: '#a04f00', none: '#5b6b8c' };

// Shows a badge the core computed (`{text, count, urgency}`).
export async function showBadge(badge, settings) {
  await chrome.action.setBadgeText({ text: badge.text });
  await chrome.action.setBadgeBackgroundColor({ color: COLOURS[badge.urgency] || COLOURS.soon });
  if (chrome.action.setBadgeTextColor) await chrome.action.setBadgeTextColor({ color: '#ffffff' });
  await useShopperLanguage(settings);
  const title = badge.count ? t('badgeTitleCount', [String(badge.count)]) : t('badgeTitleNone');
  await chrome.action.setTitle({ title: `${t('extName')}: ${title}` });
  return badge;
}

