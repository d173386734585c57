/** Where the guide stands on a page (lib/guide/progress.ts): a pure function of the page, its scan and the guide. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../lib/credentials/model';
import { startGuide, type GuideState } from '../../lib/guide/machine';
import { guideProgress } from '../../lib/guide/progress';
import { textOf } from '../../lib/dom/read';
import { scanPage } from '../../lib/scan';

const NOW = new Date('2026-11-22T12:00:00Z');
const PUSH_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const page = () => new DOMParser().parseFromString(readFileSync(resolve(import.meta.dirname, '../fixtures/pages/intune/push-certificate.en.html'), 'utf8'), 'text/html');
const push = (expiresOn: string): Credential => ({
  id: 'c1', kind: 'apns', console: 'intune', name: '', expiresOn, topic: TOPIC, appleId: 'mdm-admin@contoso.example',
  sources: [], history: [], alerts: {}, archived: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
});
const at = (state: GuideState, stepId: string): GuideState => ({ ...state, step: state.steps!.findIndex((s) => s.id === stepId) });

describe('guide progress on a page', () => {
  it("outlines the current step's control, and reports the renewal when the page shows a later expiry", () => {
    const doc = page();
    const progress = guideProgress(doc, scanPage(PUSH_URL, doc, NOW), startGuide(push('2026-12-04'), NOW));
    expect(textOf(progress.target!)).toBe('Download your CSR');
    expect(progress.actions).toEqual([{ type: 'renewed', expiresOn: '2027-03-14' }]);
    expect(progress.lagging).toBe(false);
  });

  it('on the verify step, a page still showing the old expiry is said to lag, and nothing is reported', () => {
    const doc = page();
    const state = startGuide(push('2027-03-14'), NOW)!;
    const last = state.steps!.at(-1)!;
    expect(last.done.type).toBe('renewed');
    const progress = guideProgress(doc, scanPage(PUSH_URL, doc, NOW), at(state, last.id));
    expect(progress).toMatchObject({ lagging: true, actions: [] });
  });

  it("a click that navigated away before it was reported: the page shows the next step's control, not this one's", () => {
    const doc = page();
    const csr = Array.from(doc.querySelectorAll('button, a')).find((el) => textOf(el) === 'Download your CSR')!;
    csr.remove();
    const progress = guideProgress(doc, scanPage(PUSH_URL, doc, NOW), startGuide(push('2027-03-14'), NOW));
    expect(progress.target).toBeNull();
    expect(progress.actions).toEqual([{ type: 'done', stepId: 'intune-csr' }]);
  });

  it('nothing on a step of another site, and nothing for a guide that is not under way', () => {
    const doc = page();
    const scan = scanPage(PUSH_URL, doc, NOW);
    const state = startGuide(push('2027-03-14'), NOW)!;
    const portal = state.steps!.find((s) => !s.sites.includes('intune'))!;
    expect(guideProgress(doc, scan, at(state, portal.id)).target).toBeNull();
    expect(guideProgress(doc, scan, { ...state, status: 'cancelled' })).toEqual({ target: null, lagging: false, actions: [] });
    expect(guideProgress(doc, scan, null)).toEqual({ target: null, lagging: false, actions: [] });
  });
});
