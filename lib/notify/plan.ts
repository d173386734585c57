/**
 * When to notify. Pure: credentials, settings and the clock in; the alerts due out.
 *
 * - A credential that has reached a threshold (or was first seen already inside one) gets one
 *   alert for that threshold: key `t<days>`. The keys raised are stored on the credential, so
 *   no alert repeats, whatever restarts in between.
 * - In the last week (7 days to the day itself) alerts become daily when `dailyLastWeek` is on:
 *   key `d<days>`. A push certificate in its grace period is told daily too: `g<days>`.
 * - Past its date a credential is told once: `overdue`.
 * - A problem read beside the date (revoked, taken by another MDM, invalid, expired on the
 *   console, terms to accept, duplicate) is told once per state: key `h:<state>`, before dates.
 * - Nothing while notifications are off, in quiet hours (the next check after them catches
 *   up), for archived or snoozed credentials, or without a date.
 */
import { alertDate } from '../credentials/merge';
import type { Credential } from '../credentials/model';
import { APNS_GRACE_DAYS, daysLeft, thresholdReached, urgencyOf, type Urgency } from '../credentials/urgency';
import { isQuiet, type Settings } from '../settings';
import { healthAlertKey, isProblem, standing, type Health } from '../credentials/health';

export interface DueAlert {
  credential: Credential;
  key: string;
  days: number;
  urgency: Urgency;
  /** Set when the alert is for a state read (key `h:<state>`), not for the date. */
  health?: Health;
  /** Other keys this alert answers for (the date's threshold reached at the same time): recorded with `key`. */
  alsoKeys?: string[];
}

export function alertKey(c: Credential, days: number, settings: Settings): string | null {
  if (days < 0) {
    if (c.kind === 'apns' && days >= -APNS_GRACE_DAYS && settings.dailyLastWeek) return `g${-days}`;
    return 'overdue';
  }
  if (days <= 7 && settings.dailyLastWeek) return `d${days}`;
  const reached = thresholdReached(days, settings.thresholds[c.kind]);
  return reached === null || reached === 'overdue' ? null : `t${reached}`;
}

export function dueAlerts(all: readonly Credential[], settings: Settings, now: Date, timeZone?: string): DueAlert[] {
  if (!settings.notifications || isQuiet(settings.quietHours, now, timeZone)) return [];
  const due: DueAlert[] = [];
  for (const c of all) {
    if (c.archived) continue;
    if (c.snoozedUntil && c.snoozedUntil > now.toISOString()) continue;
    const date = alertDate(c);
    const days = date ? daysLeft(date, now, timeZone) : null;
    const dateUrgency = urgencyOf(c.kind, date, now, timeZone);
    const dateKey = days === null ? null : alertKey(c, days, settings);
    const dateDue = !!dateKey && !c.alerts[dateKey];
    // A state read beside the date (revoked, taken by another MDM …) is told once per state, date
    // or not, when it says more than the date does ("Expired" on a date that has passed does not).
    const read = c.health?.state;
    const said = read ? standing(dateUrgency, read) : null;
    const healthKey = read && said?.fromReading ? healthAlertKey(read) : null;
    if (healthKey && !c.alerts[healthKey]) {
      // The date's alert due now is told in the same line, and recorded with it.
      due.push({ credential: c, key: healthKey, ...(dateDue ? { alsoKeys: [dateKey!] } : {}), days: days ?? Number.MAX_SAFE_INTEGER, urgency: said!.urgency, health: read });
      continue;
    }
    if (!dateDue || days === null) continue;
    due.push({ credential: c, key: dateKey!, days, urgency: dateUrgency });
  }
  // Problems first (they are happening now), then the nearest dates.
  return due.sort((a, b) => Number(!a.health) - Number(!b.health) || a.days - b.days);
}

/** Credentials due within 30 days or overdue, or with a problem read beside the date: the toolbar badge counts them. */
export function dueSoon(all: readonly Credential[], now: Date, timeZone?: string): { count: number; urgencies: Urgency[] } {
  const urgencies: Urgency[] = [];
  for (const c of all) {
    if (c.archived) continue;
    const date = alertDate(c);
    const problem = c.health && isProblem(c.health.state) ? c.health.state : undefined;
    if (!problem && (!date || daysLeft(date, now, timeZone) > 30)) continue;
    urgencies.push(standing(urgencyOf(c.kind, date, now, timeZone), problem).urgency);
  }
  return { count: urgencies.length, urgencies };
}
