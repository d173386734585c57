/**
 * When to notify. Pure: credentials, settings and the clock in; the alerts due out.
 *
 * - A credential that has reached a threshold (or was first seen already inside one) gets one
 *   alert for that threshold: key `t<days>`. The keys raised are stored on the credential, so
 *   no alert repeats, whatever restarts in between.
 * - In the last week (7 days to the day itself) alerts become daily when `dailyLastWeek` is on:
 *   key `d<days>`. A push certificate in its grace period is told daily too: `g<days>`.
 * - Past its date a credential is told once: `overdue`.
 * - Nothing while notifications are off, in quiet hours (the next check after them catches
 *   up), for archived or snoozed credentials, or without a date.
 */
import { alertDate } from '../inventory/merge';
import type { Credential } from '../inventory/model';
import { APNS_GRACE_DAYS, daysLeft, thresholdReached, urgencyOf, type Urgency } from '../credentials/urgency';
import { isQuiet, type Settings } from '../settings';

export interface DueAlert {
  credential: Credential;
  key: string;
  days: number;
  urgency: Urgency;
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
    if (!date) continue;
    const days = daysLeft(date, now, timeZone);
    const key = alertKey(c, days, settings);
    if (!key || c.alerts[key]) continue;
    due.push({ credential: c, key, days, urgency: urgencyOf(c.kind, date, now, timeZone) });
  }
  return due.sort((a, b) => a.days - b.days);
}

/** Credentials due within 30 days or overdue: the toolbar badge counts them. */
export function dueSoon(all: readonly Credential[], now: Date, timeZone?: string): { count: number; urgencies: Urgency[] } {
  const urgencies: Urgency[] = [];
  for (const c of all) {
    if (c.archived) continue;
    const date = alertDate(c);
    if (!date || daysLeft(date, now, timeZone) > 30) continue;
    urgencies.push(urgencyOf(c.kind, date, now, timeZone));
  }
  return { count: urgencies.length, urgencies };
}
