import { describe, expect, it } from 'vitest';
import type { Credential } from '../../lib/credentials/model';
import { dueAlerts, dueSoon } from '../../lib/notify/plan';
import { DEFAULT_SETTINGS, isQuiet, normaliseSettings, parseThresholds, type Settings } from '../../lib/settings';

const NOW = new Date('2026-11-22T12:00:00Z');
let n = 0;
function cred(expiresOn: string | null, extra: Partial<Credential> = {}): Credential {
  n++;
  return {
    id: `c${n}`, kind: 'ade', name: `Token ${n}`, expiresOn, sources: [], history: [], alerts: {}, archived: false,
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...extra,
  };
}
const keys = (list: Credential[], settings: Settings = DEFAULT_SETTINGS, now = NOW) =>
  dueAlerts(list, settings, now, 'UTC').map((d) => d.key);

describe('dueAlerts', () => {
  it('raises the threshold reached, once', () => {
    expect(keys([cred('2026-12-22')])).toEqual(['t30']);
    expect(keys([cred('2026-12-22', { alerts: { t30: 'x' } })])).toEqual([]);
  });
  it('counts a credential first seen inside a threshold as crossing it', () => {
    expect(keys([cred('2026-12-01')])).toEqual(['t14']);
  });
  it('is daily in the last week, and once when overdue', () => {
    expect(keys([cred('2026-11-29')])).toEqual(['d7']);
    expect(keys([cred('2026-11-22')])).toEqual(['d0']);
    expect(keys([cred('2026-11-20')])).toEqual(['overdue']);
    expect(keys([cred('2026-11-20', { alerts: { overdue: 'x' } })])).toEqual([]);
  });
  it('follows the thresholds alone without daily escalation', () => {
    const s = { ...DEFAULT_SETTINGS, dailyLastWeek: false };
    expect(keys([cred('2026-11-27')], s)).toEqual(['t7']);
    expect(keys([cred('2026-11-24')], s)).toEqual(['t3']);
  });
  it('tells a push certificate daily through its grace period', () => {
    expect(keys([cred('2026-11-20', { kind: 'apns' })])).toEqual(['g2']);
    expect(keys([cred('2026-10-01', { kind: 'apns' })])).toEqual(['overdue']);
  });
  it('uses per-kind thresholds', () => {
    const s = normaliseSettings({ thresholds: { ade: [31] } });
    expect(keys([cred('2026-12-20')], s)).toEqual(['t31']);
    expect(keys([cred('2026-12-20', { kind: 'vpp' })], s)).toEqual(['t30']);
  });
  it('skips archived, snoozed, dateless credentials and everything when off', () => {
    expect(keys([cred('2026-11-25', { archived: true }), cred(null), cred('2026-11-25', { snoozedUntil: '2026-11-23T00:00:00.000Z' })])).toEqual([]);
    expect(keys([cred('2026-11-25', { snoozedUntil: '2026-11-22T00:00:00.000Z' })])).toEqual(['d3']);
    expect(keys([cred('2026-11-25')], { ...DEFAULT_SETTINGS, notifications: false })).toEqual([]);
  });
  it('holds alerts in quiet hours', () => {
    const s = normaliseSettings({ quietHours: { enabled: true, start: '22:00', end: '07:00' } });
    expect(keys([cred('2026-11-25')], s, new Date('2026-11-22T23:30:00Z'))).toEqual([]);
    expect(keys([cred('2026-11-25')], s, new Date('2026-11-22T07:30:00Z'))).toEqual(['d3']);
  });
  it('lists the most urgent first', () => {
    expect(keys([cred('2026-12-22'), cred('2026-11-23')])).toEqual(['d1', 't30']);
  });
});

describe('dueSoon', () => {
  it('counts credentials due within 30 days or overdue', () => {
    const r = dueSoon([cred('2026-12-22'), cred('2026-12-23'), cred('2026-11-01'), cred(null), cred('2026-11-25', { archived: true })], NOW, 'UTC');
    expect(r.count).toBe(2);
    expect(r.urgencies.sort()).toEqual(['expired', 'soon']);
  });
});

describe('settings', () => {
  it('normalises anything to valid settings', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings({ notifications: 'yes', quietHours: { start: '25:00' }, thresholds: { apns: [-1] } })).toEqual(DEFAULT_SETTINGS);
  });
  it('parses threshold lists', () => {
    expect(parseThresholds('30, 7 ,1,7')).toEqual([30, 7, 1]);
    expect(parseThresholds('30、7')).toEqual([30, 7]);
    expect(parseThresholds('thirty')).toBeNull();
    expect(parseThresholds([400])).toBeNull();
  });
  it('knows quiet hours across midnight and in a time zone', () => {
    const q = { enabled: true, start: '22:00', end: '07:00' };
    expect(isQuiet(q, new Date('2026-11-22T21:59:00Z'), 'UTC')).toBe(false);
    expect(isQuiet(q, new Date('2026-11-22T22:00:00Z'), 'UTC')).toBe(true);
    expect(isQuiet(q, new Date('2026-11-22T06:59:00Z'), 'UTC')).toBe(true);
    expect(isQuiet(q, new Date('2026-11-22T13:30:00Z'), 'Asia/Tokyo')).toBe(true);
    expect(isQuiet({ ...q, enabled: false }, new Date('2026-11-22T23:00:00Z'), 'UTC')).toBe(false);
  });
});

describe('health beside the date', () => {
  const reading = (state: NonNullable<Credential['health']>['state']) => ({ state, via: 'page' as const, source: 'page:intune:vpp-token-list:', seenAt: NOW.toISOString() });
  it('tells a problem once per state, first, with or without a date', () => {
    const revoked = cred('2027-06-01', { health: reading('revoked') });
    const taken = cred(null, { health: reading('taken-by-other-mdm') });
    const soon = cred('2026-12-01');
    expect(keys([soon, revoked, taken])).toEqual(['h:revoked', 'h:taken-by-other-mdm', 't14']);
    expect(keys([cred('2027-06-01', { health: reading('revoked'), alerts: { 'h:revoked': 'x' } })])).toEqual([]);
    // Another problem later is told again.
    expect(keys([cred('2027-06-01', { health: reading('duplicate'), alerts: { 'h:revoked': 'x' } })])).toEqual(['h:duplicate']);
  });
  it('tells the date reached at the same time in the same alert, and records both keys', () => {
    const [alert] = dueAlerts([cred('2026-12-01', { health: reading('duplicate') })], DEFAULT_SETTINGS, NOW, 'UTC');
    expect(alert).toMatchObject({ key: 'h:duplicate', alsoKeys: ['t14'], health: 'duplicate' });
    expect(keys([cred('2026-12-01', { health: reading('duplicate'), alerts: { 'h:duplicate': 'x', t14: 'x' } })])).toEqual([]);
  });
  it('says nothing more when the console only says what the date says: "Expired" on a date that has passed', () => {
    expect(keys([cred('2026-11-01', { health: reading('expired') })])).toEqual(['overdue']);
  });
  it('tells nothing for the states a date already tells, or words it does not know', () => {
    expect(keys([cred('2027-06-01', { health: reading('active') }), cred('2027-06-01', { health: reading('unknown') }), cred('2027-06-01', { health: reading('expiring') })])).toEqual([]);
  });
  it('counts a problem on the toolbar badge whatever its date, at the urgency of the problem', () => {
    const { count, urgencies } = dueSoon([cred('2027-06-01', { health: reading('revoked') }), cred('2027-06-01', { health: reading('terms-pending') }), cred('2027-06-01')], NOW, 'UTC');
    expect(count).toBe(2);
    expect(urgencies).toEqual(['expired', 'urgent']);
  });
});
