/**
 * The expiry engine: days left, urgency, thresholds and the projected next expiry. Pure: the
 * clock and the time zone are arguments.
 */
import type { CredentialKind } from './kinds';

/** Every kind the inventory knows; `other` is for entries added by hand. */
export type AnyKind = CredentialKind | 'other';

/** From calm to lapsed. `grace`: an APNs certificate past its date but inside the documented 30-day grace period. */
export type Urgency = 'ok' | 'upcoming' | 'soon' | 'urgent' | 'today' | 'grace' | 'expired' | 'unknown';

/** Worst first: the order in which the popup lists credentials and the badge picks its colour. */
export const URGENCY_ORDER: readonly Urgency[] = ['expired', 'grace', 'today', 'urgent', 'soon', 'upcoming', 'unknown', 'ok'];

/** Days before expiry at which the admin is told, by default (0 = the day itself); overdue is always told. */
export const DEFAULT_THRESHOLDS: readonly number[] = [60, 30, 14, 7, 3, 1, 0];

/** Intune and MaaS360 keep an expired push certificate working for 30 days. */
export const APNS_GRACE_DAYS = 30;

/** A formatter costs about a millisecond to create and microseconds to use: one per zone. */
const FORMATS = new Map<string, Intl.DateTimeFormat>();
/** Every credential of a page is measured against the same `now`: its day is worked out once. */
let last: { time: number; zone: string; day: string } | undefined;

/** The calendar date `now` falls on in `timeZone` (IANA name; the system zone when omitted), as 'YYYY-MM-DD'. */
export function calendarDate(now: Date, timeZone?: string): string {
  const zone = timeZone ?? '';
  if (!last || last.time !== now.getTime() || last.zone !== zone) last = { time: now.getTime(), zone, day: dayIn(now, timeZone) };
  return last.day;
}

function dayIn(now: Date, timeZone: string | undefined): string {
  // The system's zone needs no Intl (whose first use loads locale data: tens of milliseconds).
  if (!timeZone) return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  let format = FORMATS.get(timeZone);
  if (!format) FORMATS.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = format.formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function utcDay(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/**
 * Whole days from today (in `timeZone`) to `expiresOn`: 0 on the day itself, negative once past.
 * Counted between calendar dates, so DST changes and the hour of day make no difference.
 */
export function daysLeft(expiresOn: string, now: Date, timeZone?: string): number {
  // Both are midnights in UTC, which has no daylight saving: their difference is whole days.
  // (Plain arithmetic: the panel ranks hundreds of credentials on its first render.)
  return Math.round((utcDay(expiresOn).getTime() - utcDay(calendarDate(now, timeZone)).getTime()) / DAY_MS);
}

const DAY_MS = 86_400_000;

export function urgencyOf(kind: AnyKind, expiresOn: string | null, now: Date, timeZone?: string): Urgency {
  if (!expiresOn) return 'unknown';
  const days = daysLeft(expiresOn, now, timeZone);
  if (days < 0) return kind === 'apns' && days >= -APNS_GRACE_DAYS ? 'grace' : 'expired';
  if (days === 0) return 'today';
  if (days <= 7) return 'urgent';
  if (days <= 30) return 'soon';
  if (days <= 60) return 'upcoming';
  return 'ok';
}

/**
 * The threshold a credential has reached: the smallest configured number of days that is not
 * below its days left, or 'overdue' once past. null while no threshold is reached.
 */
export function thresholdReached(days: number, thresholds: readonly number[] = DEFAULT_THRESHOLDS): number | 'overdue' | null {
  if (days < 0) return 'overdue';
  const reached = thresholds.filter((t) => days <= t);
  return reached.length ? Math.min(...reached) : null;
}

/** A calendar date (held at UTC midnight) as 'YYYY-MM-DD'. */
function isoOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

// Calendar arithmetic on dates held at UTC midnight is done in UTC: date-fns' addDays and
// addYears work in the system's zone, and west of UTC a UTC midnight is the evening before (a
// renewal on 29 February 2028 came out as 1 March 2029 in New York, and a day added across the
// end of summer time could land on the next day).

/** A renewal sets the next expiry one year from the day of renewal, not from the old date (29 February: the 28th). */
export function projectedExpiry(renewedOn: Date, timeZone?: string): string {
  const day = utcDay(calendarDate(renewedOn, timeZone));
  const y = day.getUTCFullYear() + 1;
  const m = day.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoOf(new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), lastOfMonth))));
}

function plusDays(day: Date, days: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));
}

/** The calendar date `days` after the day `now` falls on in `timeZone`. */
export function dateInDays(now: Date, days: number, timeZone?: string): string {
  return isoOf(plusDays(utcDay(calendarDate(now, timeZone)), days));
}

/** The last day an expired push certificate keeps working. */
export function graceEndsOn(expiresOn: string): string {
  return isoOf(plusDays(utcDay(expiresOn), APNS_GRACE_DAYS));
}

export function worstUrgency(list: readonly Urgency[]): Urgency | null {
  let worst: Urgency | null = null;
  for (const u of list) if (worst === null || URGENCY_ORDER.indexOf(u) < URGENCY_ORDER.indexOf(worst)) worst = u;
  return worst;
}
