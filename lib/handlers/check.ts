/**
 * The scheduled check: which alerts are due, recorded and shown once; the toolbar badge; and what
 * a click on a notification or its snooze button does. The MV3 worker is stopped whenever idle,
 * so the alerts already raised are stored on each credential in the same transaction that decides them.
 */
import { browser } from 'wxt/browser';
import { renewUrl } from '../consoles/renew-url';
import { snoozed } from '../credentials/changes';
import type { Credential } from '../credentials/model';
import { worstUrgency, type Urgency } from '../credentials/urgency';
import { ensureCatalogue, t } from '../i18n';
import { notificationId, parseNotificationId } from '../notify/id';
import { dueAlerts, dueSoon } from '../notify/plan';
import { loadSettings } from '../settings-store';
import { buildNotification } from '../wording/notification';
import { loadAccess } from './consoles';
import { credentialsById, inventory, serial, updateOne } from './store';

export const CHECK_ALARM = 'token-radar-check';
/** Hourly: the day's thresholds are caught within the hour, and quiet hours end on time. */
const CHECK_PERIOD_MINUTES = 60;

export async function ensureAlarm(): Promise<void> {
  const existing = await browser.alarms.get(CHECK_ALARM);
  if (!existing) await browser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES, delayInMinutes: 1 });
}

const BADGE_COLOURS: Partial<Record<Urgency, string>> = {
  expired: '#b3261e',
  grace: '#b3261e',
  today: '#c2410c',
  urgent: '#c2410c',
  soon: '#8a5a00',
};

export async function updateBadge(all: Credential[], now: Date): Promise<void> {
  const { count, urgencies } = dueSoon(all, now);
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  // What the number means, for the tooltip and screen readers (the badge itself is only a number).
  await browser.action.setTitle({ title: count === 0 ? t('actionTitle') : count === 1 ? t('badgeTitleOne') : t('badgeTitleMany', count) });
  if (count) {
    // Only credentials within 30 days are counted, so the worst is at least 'soon'.
    const colour = BADGE_COLOURS[worstUrgency(urgencies) ?? 'soon'] ?? BADGE_COLOURS.soon!;
    await browser.action.setBadgeBackgroundColor({ color: colour });
    if ('setBadgeTextColor' in browser.action) await browser.action.setBadgeTextColor({ color: '#ffffff' });
  }
}

let soon: ReturnType<typeof setTimeout> | undefined;
/**
 * One check shortly after a burst of reports (a console page reports from each of its frames, and
 * again as it changes), instead of one queued behind each: the next report need not wait for it.
 */
export function checkSoon(delayMs = 300): void {
  clearTimeout(soon);
  soon = setTimeout(() => {
    soon = undefined;
    void check();
  }, delayMs);
}

/** Decides and records the alerts due in one transaction, then shows them: an alert is never raised twice. */
export function check(now = new Date()): Promise<number> {
  return serial(async () => {
    // Notifications are worded here: not with message keys.
    await ensureCatalogue();
    const settings = await loadSettings();
    const inv = await inventory();
    let due: ReturnType<typeof dueAlerts> = [];
    await inv.update((all) => {
      due = dueAlerts(all, settings, now);
      const stamp = now.toISOString();
      return {
        put: due.map(({ credential, key, alsoKeys = [] }) => ({ ...credential, alerts: { ...credential.alerts, ...Object.fromEntries([key, ...alsoKeys].map((k) => [k, stamp])) } })),
      };
    });
    if (due.length) {
      const content = buildNotification(due, now);
      const options: { type: 'basic'; iconUrl: string; title: string; message: string; priority: number; buttons?: { title: string }[] } = {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: content.title,
        message: content.message,
        priority: due.some((d) => d.days <= 7) ? 2 : 0,
      };
      if (!import.meta.env.FIREFOX) {
        options.buttons = [
          { title: t('notifyOpen') },
          { title: content.snoozeDays === 1 ? t('snoozeDay') : t('snoozeWeek') },
        ];
      }
      await browser.notifications.create(notificationId(content.ids, content.snoozeDays, now), options);
    }
    await updateBadge(await inv.all(), now);
    return due.length;
  });
}

/** A click on a notification: the console page where the first credential is renewed, else its detail in the popup. */
export async function openFor(notification: string): Promise<void> {
  const parsed = parseNotificationId(notification);
  if (!parsed) return;
  const [first] = await credentialsById(parsed.ids);
  const url = first ? renewUrl(first, (await loadAccess()).sites) : null;
  await browser.tabs.create({ url: url ?? browser.runtime.getURL(`/popup.html#${encodeURIComponent(parsed.ids[0] ?? '')}`) });
  await browser.notifications.clear(notification);
}

/** The notification's snooze button: every credential it named, for the days it offered. */
export async function snoozeFor(notification: string): Promise<void> {
  const parsed = parseNotificationId(notification);
  if (!parsed) return;
  const now = new Date();
  for (const id of parsed.ids) await updateOne(id, (c) => snoozed(c, parsed.snoozeDays, now));
  await browser.notifications.clear(notification);
}
