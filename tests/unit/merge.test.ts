import { describe, expect, it } from 'vitest';
import { alertDate, conflicts, findMatch, mergeObservation } from '../../lib/credentials/merge';
import type { Credential } from '../../lib/credentials/model';
import type { Observation, ObservedCredential } from '../../lib/observation';

const NOW = new Date('2026-11-22T12:00:00Z');
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';

function obs(partial: Partial<Observation> & { credentials: ObservedCredential[] }): Observation {
  return { console: 'intune', page: 'ade-token-list', url: 'https://intune.microsoft.com/', seenAt: NOW.toISOString(), ...partial };
}

function run(observations: Observation[], start: Credential[] = []): Credential[] {
  let all = [...start];
  for (const o of observations) {
    const changed = mergeObservation(all, o, NOW);
    all = [...all.filter((c) => !changed.some((x) => x.id === c.id)), ...changed];
  }
  return all;
}

describe('merging observations', () => {
  it('creates a credential with its source', () => {
    const [c, ...rest] = run([obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05', appleId: 'abm@contoso.example' }] })]);
    expect(rest).toHaveLength(0);
    expect(c).toMatchObject({ kind: 'ade', name: 'HQ', console: 'intune', expiresOn: '2026-12-05', appleId: 'abm@contoso.example', archived: false });
    expect(c!.sources).toEqual([
      { type: 'page', key: 'page:intune:ade-token-list:', console: 'intune', page: 'ade-token-list', url: 'https://intune.microsoft.com/', expiresOn: '2026-12-05', seenAt: NOW.toISOString() },
    ]);
  });

  it('is idempotent: the same page seen twice is one credential with one source', () => {
    const o = obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] });
    const all = run([o, o]);
    expect(all).toHaveLength(1);
    expect(all[0]!.sources).toHaveLength(1);
    expect(all[0]!.history).toEqual([]);
  });

  it('matches the same ADE token in Intune and in ABM by name', () => {
    const all = run([
      obs({ credentials: [{ kind: 'ade', name: 'Contoso ABM – Headquarters', expiresOn: '2026-12-05' }] }),
      obs({ console: 'abm', page: 'mdm-servers', url: 'https://business.apple.com/', credentials: [{ kind: 'ade', name: 'contoso abm - headquarters', expiresOn: '2026-12-05' }] }),
    ]);
    expect(all).toHaveLength(1);
    expect(all[0]!.sources.map((s) => s.console)).toEqual(['intune', 'abm']);
  });

  it('matches the same push certificate in Intune and in the Apple portal by topic', () => {
    const all = run([
      obs({ page: 'apns-certificate', credentials: [{ kind: 'apns', name: '', expiresOn: '2027-03-14', topic: TOPIC }] }),
      obs({ console: 'apple-push', page: 'certificates', credentials: [
        { kind: 'apns', name: 'Microsoft Corporation', expiresOn: '2027-03-14', topic: TOPIC },
        { kind: 'apns', name: 'IBM MaaS360', expiresOn: '2026-01-03', topic: 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d' },
      ] }),
    ]);
    expect(all).toHaveLength(2);
    const intune = all.find((c) => c.topic === TOPIC)!;
    expect(intune.sources).toHaveLength(2);
    expect(intune.name).toBe('Microsoft Corporation');
  });

  it('matches a push certificate seen without topic to the console’s own one', () => {
    const all = run([
      obs({ console: 'maas360', page: 'apns-certificate', account: '3007', credentials: [{ kind: 'apns', name: '', expiresOn: '2027-01-03', topic: TOPIC }] }),
      obs({ console: 'maas360', page: 'home-notifications', account: '3007', credentials: [{ kind: 'apns', name: '', expiresOn: '2027-01-03' }] }),
    ]);
    expect(all).toHaveLength(1);
  });

  it('keeps same-named tokens of two tenants apart', () => {
    const all = run([
      obs({ account: 'contoso', credentials: [{ kind: 'vpp', name: 'Apps', expiresOn: '2026-12-05' }] }),
      obs({ account: 'fabrikam', credentials: [{ kind: 'vpp', name: 'Apps', expiresOn: '2027-01-05' }] }),
    ]);
    expect(all).toHaveLength(2);
  });

  it('does not guess between two same-named tokens seen elsewhere', () => {
    const start = run([
      obs({ account: 'a', credentials: [{ kind: 'ade', name: 'Main', expiresOn: '2026-12-05' }] }),
      obs({ account: 'b', credentials: [{ kind: 'ade', name: 'Main', expiresOn: '2027-01-05' }] }),
    ]);
    expect(findMatch(start, { kind: 'ade', name: 'Main', expiresOn: '2026-12-05' }, 'abm')).toBeNull();
  });

  it('records a forward move as a renewal and clears raised alerts', () => {
    const [first] = run([obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] })]);
    const alerted = { ...first!, alerts: { t14: '2026-11-21T00:00:00.000Z' } };
    const later = '2026-11-25T09:00:00.000Z';
    const [renewed] = run([obs({ seenAt: later, credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2027-11-25' }] })], [alerted]);
    expect(renewed!.expiresOn).toBe('2027-11-25');
    expect(renewed!.history).toEqual([{ from: '2026-12-05', to: '2027-11-25', noticedAt: later, source: 'page:intune:ade-token-list:' }]);
    expect(renewed!.alerts).toEqual({});
  });

  it('keeps and flags a conflicting earlier date instead of overwriting', () => {
    const all = run([
      obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2027-11-25' }] }),
      obs({ console: 'abm', page: 'mdm-servers', credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] }),
    ]);
    const c = all[0]!;
    expect(c.expiresOn).toBe('2027-11-25');
    expect(conflicts(c).map((s) => [s.console, s.expiresOn])).toEqual([['abm', '2026-12-05']]);
    expect(alertDate(c)).toBe('2026-12-05');
  });

  it('clears the conflict once the lagging source shows the new date', () => {
    const all = run([
      obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2027-11-25' }] }),
      obs({ console: 'abm', page: 'mdm-servers', credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] }),
      obs({ console: 'abm', page: 'mdm-servers', seenAt: '2026-11-23T00:00:00.000Z', credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2027-11-25' }] }),
    ]);
    expect(conflicts(all[0]!)).toEqual([]);
    expect(alertDate(all[0]!)).toBe('2027-11-25');
  });

  it('a reading without a date changes no date but updates the status', () => {
    const all = run([
      obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05', status: 'Active' }] }),
      obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: null, status: 'Expired' }] }),
    ]);
    expect(all[0]).toMatchObject({ expiresOn: '2026-12-05', status: 'Expired' });
  });

  it('keeps archived credentials archived', () => {
    const [c] = run([obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] })]);
    const [again] = run([obs({ credentials: [{ kind: 'ade', name: 'HQ', expiresOn: '2026-12-05' }] })], [{ ...c!, archived: true }]);
    expect(again!.archived).toBe(true);
  });
});

describe('health readings', () => {
  const vpp = (health: ObservedCredential['health'], extra: Partial<ObservedCredential> = {}): ObservedCredential => ({ kind: 'vpp', name: 'Stores', expiresOn: '2027-06-01', ...(health ? { health } : {}), ...extra });
  const at = (iso: string) => ({ seenAt: iso });

  it('keeps what the page showed, where and when', () => {
    const [c] = run([obs({ page: 'vpp-token-list', credentials: [vpp('taken-by-other-mdm', { status: 'Assigned to external MDM' })] })]);
    expect(c!.health).toEqual({ state: 'taken-by-other-mdm', text: 'Assigned to external MDM', via: 'page', source: 'page:intune:vpp-token-list:', seenAt: NOW.toISOString() });
  });

  it('a newer reading from the credential’s own page clears an alert’s; an alert never overrides the own page', () => {
    const alert = obs({ page: 'home', ...at('2026-11-20T00:00:00.000Z'), credentials: [vpp('revoked', { via: 'alert' })] });
    const own = obs({ page: 'vpp-token-list', ...at('2026-11-21T00:00:00.000Z'), credentials: [vpp('active', { status: 'Active' })] });
    expect(run([alert, own])[0]!.health).toMatchObject({ state: 'active', via: 'page' });
    const laterAlert = obs({ page: 'home', ...at('2026-11-22T00:00:00.000Z'), credentials: [vpp('revoked', { via: 'alert' })] });
    expect(run([alert, own, laterAlert])[0]!.health).toMatchObject({ state: 'active', via: 'page' });
  });

  it('a page that says nothing of health keeps what was read; a renewal drops what was said of the old token', () => {
    const revoked = obs({ page: 'vpp-token-list', credentials: [vpp('revoked', { status: 'Revoked' })] });
    const silent = obs({ page: 'vpp-token-detail', credentials: [vpp(undefined)] });
    expect(run([revoked, silent])[0]!.health?.state).toBe('revoked');
    const renewed = obs({ page: 'vpp-token-detail', credentials: [vpp(undefined, { expiresOn: '2028-06-01' })] });
    expect(run([revoked, renewed])[0]!.health).toBeUndefined();
  });

  it('well again: the problem alert is cleared so that a later one is told', () => {
    const [c] = run([obs({ credentials: [vpp('active')] })], [
      { ...run([obs({ credentials: [vpp('revoked')] })])[0]!, alerts: { 'h:revoked': 'x', t30: 'y' } },
    ]);
    expect(c!.alerts).toEqual({ t30: 'y' });
  });
});

describe('alerts and the credential’s own page', () => {
  const home = (expiresOn: string, seenAt = NOW.toISOString()) => obs({ console: 'maas360', page: 'home-notifications', seenAt, credentials: [{ kind: 'vpp', name: 'Stores', expiresOn, via: 'alert' }] });
  const own = (expiresOn: string) => obs({ console: 'maas360', page: 'vpp-licenses', credentials: [{ kind: 'vpp', name: 'Stores', expiresOn }] });

  it('an alert gives a date when nothing else has', () => {
    expect(run([home('2027-01-10')])[0]!.expiresOn).toBe('2027-01-10');
  });

  it('an alert never moves the date the credential’s own page showed, later or earlier, and is no disagreement', () => {
    const later = run([own('2027-01-10'), home('2027-06-10')])[0]!;
    expect(later.expiresOn).toBe('2027-01-10');
    expect(later.history).toEqual([]);
    expect(conflicts(later)).toEqual([]);
    const earlier = run([own('2027-01-10'), home('2026-12-01')])[0]!;
    expect(earlier.expiresOn).toBe('2027-01-10');
    expect(alertDate(earlier)).toBe('2027-01-10');
  });

  it('the own page read after an alert decides, as a renewal when later', () => {
    const c = run([home('2027-01-10'), own('2027-06-10')])[0]!;
    expect(c.expiresOn).toBe('2027-06-10');
    expect(c.history).toHaveLength(1);
  });
});
