/** The desktop notification for the alerts due: one credential, or several consolidated into one. */
import { credentialName, credentialView, formatDate, healthAdvice, kindLabel } from './describe';
import { t } from '../i18n';
import type { DueAlert } from '../notify/plan';
import { identifyingName } from '../inventory/names';

export interface NotificationContent {
  title: string;
  message: string;
  /** Credential ids, in order, so that a click knows what it was about (kept in the notification id). */
  ids: string[];
  /** Longest time until expiry among them: decides the snooze offered (a day in the last week, else a week). */
  snoozeDays: 1 | 7;
}

export function buildNotification(due: DueAlert[], now: Date, timeZone?: string): NotificationContent {
  const lines = due.map(({ credential: c }) => {
    const view = credentialView(c, now, timeZone);
    return { c, view };
  });
  const snoozeDays = due.every((d) => d.days <= 7) ? 1 : 7;
  if (lines.length === 1) {
    const { c, view } = lines[0]!;
    const parts = [credentialName(c)];
    if (c.expiresOn) parts.push(formatDate(c.expiresOn));
    // A problem read on a console says what it means: "Another MDM server now uses this token …".
    const advice = view.fromReading ? healthAdvice(view.health) : '';
    return { title: t('notifyTitle', kindLabel(c.kind), view.text), message: parts.join(' · ') + (advice ? `\n${advice}` : ''), ids: [c.id], snoozeDays };
  }
  return {
    title: t('notifyManyTitle', lines.length),
    message: lines
      .map(({ c, view }) => t('notifyLine', identifyingName(c) || kindLabel(c.kind), view.text, c.expiresOn ? formatDate(c.expiresOn) : '—'))
      .join('\n'),
    ids: lines.map(({ c }) => c.id),
    snoozeDays,
  };
}
