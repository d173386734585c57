import { describe, expect, it } from 'vitest';
import type { Credential } from '../../lib/credentials/model';
import { buildNotification } from '../../lib/wording/notification';
import { notificationId, parseNotificationId } from '../../lib/notify/id';
import { dueAlerts } from '../../lib/notify/plan';
import { DEFAULT_SETTINGS } from '../../lib/settings';

const NOW = new Date('2026-11-22T12:00:00Z');
const cred = (id: string, extra: Partial<Credential>): Credential => ({
  id, kind: 'ade', name: id, expiresOn: null, sources: [], history: [], alerts: {}, archived: false,
  createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...extra,
});

describe('the notification', () => {
  it('tells one credential by kind, status, name and date, offering a day of snooze in the last week', () => {
    const due = dueAlerts([cred('HQ', { expiresOn: '2026-11-27' })], DEFAULT_SETTINGS, NOW, 'UTC');
    const n = buildNotification(due, NOW, 'UTC');
    expect(n).toEqual({ title: 'Enrollment token (ADE): Expires in 5 days', message: 'HQ · Nov 27, 2026', ids: ['HQ'], snoozeDays: 1 });
  });

  it('consolidates several into one, most urgent first, with a week of snooze when some are far', () => {
    const due = dueAlerts(
      [cred('Stores', { kind: 'vpp', expiresOn: '2026-12-20' }), cred('Push', { kind: 'apns', name: '', topic: 'com.apple.mgmt.External.x', expiresOn: '2026-11-20' })],
      DEFAULT_SETTINGS, NOW, 'UTC',
    );
    const n = buildNotification(due, NOW, 'UTC');
    expect(n.title).toBe('Apple credentials need attention: 2');
    expect(n.message.split('\n')).toEqual([
      'Push certificate (APNs): Expired 2 days ago; it may keep working for up to 28 more day(s), but do not rely on it (Nov 20, 2026)',
      'Stores: Expires in 28 days (Dec 20, 2026)',
    ]);
    expect(n.snoozeDays).toBe(7);
  });

  it('carries what a click needs in its id, so a restarted worker still knows', () => {
    const id = notificationId(['a1', 'b2'], 7, NOW);
    expect(parseNotificationId(id)).toEqual({ ids: ['a1', 'b2'], snoozeDays: 7 });
    // Ids from an import may hold the separators: they survive the round trip.
    const odd = ['a|b', 'c,d', '%e'];
    expect(parseNotificationId(notificationId(odd, 3, NOW))).toEqual({ ids: odd, snoozeDays: 3 });
    expect(parseNotificationId('tr|x|7|%E0%A4%A')).toBeNull();
    expect(parseNotificationId('someone-else')).toBeNull();
  });
});
