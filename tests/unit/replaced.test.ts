import { describe, expect, it } from 'vitest';
import { replacedInObservation, replacedPushCertificates } from '../../lib/inventory/replaced';
import type { Credential } from '../../lib/credentials/model';

const A = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const B = 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d';
const at = '2026-11-22T12:00:00.000Z';
function push(id: string, topic: string, expiresOn: string, extra: Partial<Credential> = {}): Credential {
  return { id, kind: 'apns', name: '', topic, expiresOn, sources: [], history: [], alerts: {}, archived: false, createdAt: at, updatedAt: at, ...extra };
}
const onIntune = { console: 'intune' as const, account: 'Contoso', sources: [{ type: 'page' as const, key: 'page:intune:apns-certificate:Contoso', console: 'intune' as const, expiresOn: null, seenAt: at }] };

describe('a push certificate created anew instead of renewed', () => {
  it('two certificates of one console with different topics: the older is to renew, the newer was created anew', () => {
    const map = replacedPushCertificates([push('old', A, '2027-01-10', onIntune), push('new', B, '2027-11-20', onIntune)]);
    expect(map.get('old')).toEqual({ topic: B, newer: false });
    expect(map.get('new')).toEqual({ topic: A, newer: true });
  });

  it('a certificate only in Apple’s portal, under the console certificate’s Apple ID, created after it', () => {
    const portal = { console: 'apple-push' as const, account: 'MDM-Admin@contoso.example', sources: [{ type: 'page' as const, key: 'page:apple-push:certificates:', console: 'apple-push' as const, expiresOn: null, seenAt: at }] };
    const map = replacedPushCertificates([push('console', A, '2027-01-10', { ...onIntune, appleId: 'mdm-admin@contoso.example' }), push('portal', B, '2027-11-20', portal)]);
    expect(map.get('portal')).toEqual({ topic: A, newer: true });
    // Another Apple ID, or one made before the console's: not a pair.
    expect(replacedPushCertificates([push('console', A, '2027-01-10', { ...onIntune, appleId: 'other@contoso.example' }), push('portal', B, '2027-11-20', portal)]).size).toBe(0);
    expect(replacedPushCertificates([push('console', A, '2027-12-10', { ...onIntune, appleId: 'mdm-admin@contoso.example' }), push('portal', B, '2027-11-20', portal)]).size).toBe(0);
  });

  it('the same topic renewed, other consoles, archived ones: nothing', () => {
    expect(replacedPushCertificates([push('a', A, '2027-01-10', onIntune), push('b', A, '2027-11-20', onIntune)]).size).toBe(0);
    expect(replacedPushCertificates([push('a', A, '2027-01-10', onIntune), push('b', B, '2027-11-20', { ...onIntune, console: 'maas360' })]).size).toBe(0);
    expect(replacedPushCertificates([push('a', A, '2027-01-10', onIntune), push('b', B, '2027-11-20', { ...onIntune, archived: true })]).size).toBe(0);
  });

  it('an observation learns which of its push certificates are half of a pair, by their index on the page', () => {
    const all = [push('old', A, '2027-01-10', onIntune), push('new', B, '2027-11-20', onIntune)];
    const page = [{ kind: 'vpp' }, { kind: 'apns', topic: B }, { kind: 'apns' }, { kind: 'apns', topic: A }];
    expect(replacedInObservation(page, all)).toEqual([
      { index: 1, topic: A, newer: true },
      { index: 3, topic: B, newer: false },
    ]);
    // No topic on the page, or a topic no pair has: nothing to say.
    expect(replacedInObservation([{ kind: 'apns' }, { kind: 'ade' }], all)).toEqual([]);
    expect(replacedInObservation([{ kind: 'apns', topic: 'com.apple.mgmt.External.00000000-0000-0000-0000-000000000000' }], all)).toEqual([]);
  });
});
