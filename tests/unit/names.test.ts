/**
 * What a credential is called: a push certificate is never named after its vendor (Apple's
 * portal lists every Intune tenant's as "Microsoft Corporation"), but by the tenant of the MDM
 * console it is used in, else its topic's short form.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeObservation } from '../../lib/credentials/merge';
import { startGuide } from '../../lib/guide/machine';
import { identifyingName, shortTopic } from '../../lib/inventory/names';
import { toObservation } from '../../lib/observation';
import { scanPage } from '../../lib/scan';
import { credentialName, guideName } from '../../lib/wording/describe';

const NOW = new Date('2026-11-22T12:00:00Z');
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const page = (path: string) => new DOMParser().parseFromString(readFileSync(resolve(import.meta.dirname, '../fixtures/pages', path), 'utf8'), 'text/html');
const PORTAL = 'https://identity.apple.com/pushcert/';
const INTUNE = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';

describe('names', () => {
  it("Apple's portal: the vendor is a detail, the certificate is told apart by its topic", () => {
    const scan = scanPage(PORTAL, page('apple-push/certificates.en.html'), NOW);
    expect(scan.credentials.map((c) => [c.name, c.vendor])).toEqual([['', 'Microsoft Corporation'], ['', 'IBM MaaS360']]);
    const [stored] = mergeObservation([], toObservation(scan, PORTAL, NOW)!, NOW);
    expect(stored).toMatchObject({ name: '', vendor: 'Microsoft Corporation', topic: TOPIC });
    expect(identifyingName(stored!)).toBe('');
    expect(credentialName(stored!)).toBe('topic 4f1c2a9e…');
    const guide = startGuide(stored!, NOW)!;
    expect(guideName(guide)).toBe('topic 4f1c2a9e…');
  });

  it('the same certificate seen on the MDM console is named after its tenant there, and keeps its vendor', () => {
    const portal = scanPage(PORTAL, page('apple-push/certificates.en.html'), NOW);
    const fromPortal = mergeObservation([], toObservation(portal, PORTAL, NOW)!, NOW);
    const intune = scanPage(INTUNE, page('intune/push-certificate.en.html'), NOW);
    const obs = { ...toObservation(intune, INTUNE, NOW)!, account: 'Contoso' };
    const merged = mergeObservation(fromPortal, obs, NOW).find((c) => c.topic === TOPIC)!;
    expect(merged).toMatchObject({ vendor: 'Microsoft Corporation' });
    expect(merged.name).not.toBe('Microsoft Corporation');
    // Kept as first seen (Apple's portal), it is still named after the tenant the console showed it under.
    expect(merged.console).toBe('apple-push');
    expect(credentialName(merged)).toBe('Contoso');
    expect(startGuide(merged, NOW)!.name).toBe('Contoso');
    const onIntune = { ...merged, console: 'intune' as const, account: 'Contoso' };
    expect(credentialName(onIntune)).toBe('Contoso');
    expect(startGuide(onIntune, NOW)!.name).toBe('Contoso');
  });

  it('tokens keep the names their consoles give them; a topic is shortened to its first UUID part', () => {
    expect(identifyingName({ kind: 'ade', name: 'HQ servers', account: 'Contoso', console: 'intune' })).toBe('HQ servers');
    // A token without a name is not named after its tenant: a tenant has several.
    expect(identifyingName({ kind: 'vpp', name: '', account: 'Contoso', console: 'intune' })).toBe('');
    // An Apple site's account is an Apple ID, not a tenant.
    expect(identifyingName({ kind: 'apns', name: '', account: 'mdm@contoso.example', console: 'apple-push' })).toBe('');
    expect(shortTopic(TOPIC)).toBe('4f1c2a9e');
    expect(credentialName({ kind: 'vpp', name: '', console: 'intune' })).toBe('Content token (VPP)');
  });
});
