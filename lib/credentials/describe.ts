/** How an expiry reads to the admin, in the UI language: "Expires in 12 days", "Expired 3 days ago; grace period ends in 27 days". */
import type { AnyKind, Urgency } from './urgency';
import { daysLeft, graceEndsOn, urgencyOf } from './urgency';
import { t, uiLanguage } from '../i18n';
import { consoleOf } from '../consoles/hosts';
import type { ConsoleId } from '../consoles/list';

// Creating an Intl formatter costs far more than formatting with one: one per language.
const dates = new Map<string, Intl.DateTimeFormat>();

/**
 * "today", "in 12 days", "3 days ago" in the UI language. From the translations rather than
 * Intl.RelativeTimeFormat: the first Intl formatter of a page loads locale data, tens of
 * milliseconds a console page would wait for while its badges are drawn.
 */
export function relativeDays(days: number): string {
  switch (days) {
    case 0:
      return t('relToday');
    case 1:
      return t('relTomorrow');
    case -1:
      return t('relYesterday');
    case 2:
      return t('relInTwoDays');
    case -2:
      return t('relTwoDaysAgo');
    default:
      return days > 0 ? t('relInDays', days) : t('relDaysAgo', -days);
  }
}

export function formatDate(iso: string, lang = uiLanguage()): string {
  const [y, m, d] = iso.split('-').map(Number);
  let f = dates.get(lang);
  if (!f) dates.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export interface ExpiryView {
  urgency: Urgency;
  days: number | null;
  text: string;
}

export function expiryView(kind: AnyKind, expiresOn: string | null, now: Date, timeZone?: string): ExpiryView {
  const urgency = urgencyOf(kind, expiresOn, now, timeZone);
  if (!expiresOn) return { urgency, days: null, text: t('dateUnknown') };
  const days = daysLeft(expiresOn, now, timeZone);
  if (urgency === 'grace') {
    const end = daysLeft(graceEndsOn(expiresOn), now, timeZone);
    return { urgency, days, text: t('graceWhen', relativeDays(days), relativeDays(end)) };
  }
  return { urgency, days, text: days < 0 ? t('expiredWhen', relativeDays(days)) : t('expiresWhen', relativeDays(days)) };
}

export function kindLabel(kind: AnyKind): string {
  return t(`kind_${kind}`);
}

export function consequence(kind: AnyKind): string {
  return t(`consequence_${kind}`);
}

/** A console's name as the admin reads it: its brand, or for a console that is not one its translated name. */
export function productName(id: ConsoleId): string {
  const c = consoleOf(id);
  return c.productKey ? t(c.productKey) : c.product;
}

/** Invisible and direction-changing characters: shown as a mark, never obeyed (a name cannot reverse the text around it). */
const HIDDEN = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Page text as the admin reads it: hidden characters marked, cut at `max` characters. Render it in a <bdi> so its direction stays its own. */
export function displayText(text: string, max = 120): string {
  const shown = text.replace(HIDDEN, '\uFFFD');
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}
