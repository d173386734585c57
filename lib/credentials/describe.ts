/** How an expiry reads to the admin, in the UI language: "Expires in 12 days", "Expired 3 days ago; grace period ends in 27 days". */
import type { AnyKind, Urgency } from './urgency';
import { daysLeft, graceEndsOn, urgencyOf } from './urgency';
import { t, uiLanguage } from '../i18n';

export function relativeDays(days: number, lang = uiLanguage()): string {
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
}

export function formatDate(iso: string, lang = uiLanguage()): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
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
