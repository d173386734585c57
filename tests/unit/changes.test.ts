/** What the admin does to a credential (lib/credentials/changes.ts), each a pure function. */
import { describe, expect, it } from 'vitest';
import { archived, fromFile, renewed, saved, snoozed } from '../../lib/credentials/changes';
import type { Credential } from '../../lib/credentials/model';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const EARLIER = '2026-10-01T08:00:00.000Z';
const page = { type: 'page' as const, key: 'page:intune:vpp-token-list:', console: 'intune' as const, expiresOn: '2026-12-04', seenAt: EARLIER };
const base: Credential = {
  id: 'c1', kind: 'vpp', console: 'intune', name: 'HQ', expiresOn: '2026-12-04', sources: [page], history: [], alerts: { 't:30': EARLIER },
  snoozedUntil: '2026-11-25T00:00:00.000Z', health: { state: 'revoked', via: 'page', source: page.key, seenAt: EARLIER }, archived: false, createdAt: EARLIER, updatedAt: EARLIER,
};

describe('saved by hand', () => {
  it('a new credential: the manual source holds its date, empty optional fields are left out', () => {
    const c = saved(undefined, { kind: 'ade', name: 'Stores', expiresOn: '2027-02-01', appleId: '', owner: 'Jane', notes: undefined }, 'n1', NOW);
    expect(c).toEqual({
      id: 'n1', kind: 'ade', name: 'Stores', expiresOn: '2027-02-01', owner: 'Jane', archived: false, history: [], alerts: {},
      sources: [{ type: 'manual', key: 'manual', expiresOn: '2027-02-01', seenAt: NOW.toISOString() }], createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
    });
  });

  it('an edit that keeps the date keeps the sources and the alerts already raised', () => {
    const c = saved(base, { kind: 'vpp', name: 'HQ – Paris', expiresOn: '2026-12-04' }, 'c1', NOW);
    expect(c).toMatchObject({ name: 'HQ – Paris', sources: [page], alerts: base.alerts, updatedAt: NOW.toISOString() });
  });

  it('an edit that moves the date is the manual reading, and its alerts start afresh', () => {
    const c = saved(base, { kind: 'vpp', name: 'HQ', expiresOn: '2027-12-04' }, 'c1', NOW);
    expect(c.sources).toEqual([page, { type: 'manual', key: 'manual', expiresOn: '2027-12-04', seenAt: NOW.toISOString() }]);
    expect(c.alerts).toEqual({});
  });
});

describe('marked renewed', () => {
  it('records the renewal, lifts alerts and snooze, and forgets what was said of the old token', () => {
    const c = renewed(base, '2027-12-04', NOW);
    expect(c.history).toEqual([{ from: '2026-12-04', to: '2027-12-04', noticedAt: NOW.toISOString(), source: 'manual' }]);
    expect(c).toMatchObject({ expiresOn: '2027-12-04', alerts: {} });
    expect(c.snoozedUntil).toBeUndefined();
    expect(c.health).toBeUndefined();
    expect(c.sources.at(-1)).toEqual({ type: 'manual', key: 'manual', expiresOn: '2027-12-04', seenAt: NOW.toISOString() });
    expect(base.health).toBeDefined();
  });
});

describe('snoozed and archived', () => {
  it('snoozes for some days, and 0 lifts it', () => {
    expect(snoozed(base, 7, NOW).snoozedUntil).toBe('2026-11-29T12:00:00.000Z');
    expect(snoozed(base, 0, NOW).snoozedUntil).toBeUndefined();
  });
  it('archives and brings back', () => {
    expect(archived(base, true, NOW)).toMatchObject({ archived: true, updatedAt: NOW.toISOString() });
    expect(archived({ ...base, archived: true }, false, NOW).archived).toBe(false);
  });
});

describe('recorded from a file', () => {
  it('a new credential with the file as its source; long text is clipped', () => {
    const c = fromFile(undefined, { kind: 'vpp', name: 'x'.repeat(300), expiresOn: '2027-03-14', topic: 't'.repeat(300) }, 'sToken.vpptoken', 'f1', NOW);
    expect(c).toMatchObject({ id: 'f1', kind: 'vpp', expiresOn: '2027-03-14', sources: [{ type: 'file', key: 'file:sToken.vpptoken', fileName: 'sToken.vpptoken', expiresOn: '2027-03-14' }] });
    expect(c.name).toHaveLength(200);
    expect(c.topic).toHaveLength(200);
  });
  it('on the credential it matched, a later date is a renewal, as for a page', () => {
    const c = fromFile(base, { kind: 'vpp', name: 'HQ', expiresOn: '2027-12-04' }, 'sToken.vpptoken', 'unused', NOW);
    expect(c).toMatchObject({ id: 'c1', expiresOn: '2027-12-04', alerts: {} });
    expect(c.history).toEqual([{ from: '2026-12-04', to: '2027-12-04', noticedAt: NOW.toISOString(), source: 'file:sToken.vpptoken' }]);
    expect(c.sources.map((s) => s.key)).toEqual([page.key, 'file:sToken.vpptoken']);
  });
  it('the MDM server key is an other credential', () => {
    expect(fromFile(undefined, { kind: 'other', name: 'MDM server public key (ADE): X', expiresOn: '2027-11-20' }, 'PublicKey.pem', 'k1', NOW)).toMatchObject({ kind: 'other', expiresOn: '2027-11-20' });
  });
});
