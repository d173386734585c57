import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../lib/credentials/model';
import { findStepTarget } from '../../lib/guide/find';
import { FLOWS, flowById } from '../../lib/guide/flows';
import { flowOf, reduce, startGuide } from '../../lib/guide/machine';
import { textOf } from '../../lib/dom/read';
import { STEP_PAGES as WHERE, STEP_TOPICS } from '../fixtures/step-pages';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');
const NOW = new Date('2026-11-22T12:00:00Z');

const { INTUNE_TOPIC, MAAS_TOPIC } = STEP_TOPICS;

describe('every flow step finds its control on the fixture pages', () => {
  const steps = new Map(FLOWS.flatMap((f) => f.steps.map((s) => [s.id, s] as const)));
  for (const [id, step] of steps) {
    if (step.target.type === 'none') continue;
    it(`${id} has fixtures`, () => expect(WHERE[id], id).toBeDefined());
    for (const [file, guide, text] of WHERE[id] ?? []) {
      it(`${id} on ${file}${guide.topic ? ` (${guide.topic.slice(-12)})` : guide.name ? ` (${guide.name})` : ''}`, () => {
        const el = findStepTarget(load(file), step, guide);
        expect(el, `${id} in ${file}`).not.toBeNull();
        expect(textOf(el)).toMatch(text);
        if (step.target.type === 'file') expect((el as HTMLInputElement).type).toBe('file');
      });
    }
  }

  it('the portal row is the one with the right topic, not another', () => {
    const doc = load('apple-push/certificates.en.html');
    const step = flowById('intune-apns')!.steps.find((s) => s.id === 'portal-renew')!;
    const a = findStepTarget(doc, step, { name: '', topic: INTUNE_TOPIC })!;
    const b = findStepTarget(doc, step, { name: '', topic: MAAS_TOPIC })!;
    expect(a).not.toBe(b);
    expect(textOf(a.closest('tr'))).toContain(INTUNE_TOPIC);
    expect(findStepTarget(doc, step, { name: '', topic: 'com.apple.mgmt.External.00000000-0000-0000-0000-000000000000' })).toBeNull();
  });

  it('does not find a control that is not on the page', () => {
    const step = flowById('intune-ade')!.steps.find((s) => s.id === 'abm-download')!;
    expect(findStepTarget(load('intune/push-certificate.en.html'), step, { name: '' })).toBeNull();
  });
});

describe('the guide state machine', () => {
  const cred = (extra: Partial<Credential>): Credential => ({
    id: 'c1', kind: 'apns', name: '', expiresOn: '2026-12-04', sources: [], history: [], alerts: {}, archived: false,
    createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), console: 'intune', topic: INTUNE_TOPIC, appleId: 'a@b.example', ...extra,
  });

  it('picks the flow by console and kind, also for a credential first seen on an Apple site', () => {
    expect(flowOf(cred({}))?.id).toBe('intune-apns');
    expect(flowOf(cred({ kind: 'vpp', console: 'maas360' }))?.id).toBe('maas360-vpp');
    expect(flowOf(cred({ kind: 'ade', console: 'abm', sources: [{ type: 'page', key: 'k', console: 'intune', expiresOn: null, seenAt: '' }] }))?.id).toBe('intune-ade');
    expect(flowOf(cred({ kind: 'apns', console: 'jamf' }))?.id).toBe('jamf-apns');
    expect(flowOf(cred({ kind: 'vpp', console: 'clomo' }))?.id).toBe('clomo-vpp');
    expect(startGuide(cred({ kind: 'symantec', console: 'maas360' }), NOW)).toBeNull();
  });

  it('walks Apple\'s side for a console without steps of its own, then says to upload it there', () => {
    const kandji = flowOf(cred({ kind: 'vpp', console: 'kandji' }))!;
    expect(kandji.id).toBe('apple-vpp@kandji');
    expect(kandji.steps.map((s) => s.id)).toEqual(['abm-content', 'console-upload']);
    expect(kandji.steps.at(-1)).toMatchObject({ sites: ['kandji'], say: 'g_any_upload_vpp', done: { type: 'renewed' } });
    // A stored guide finds its flow again by its id.
    expect(flowById('apple-vpp@kandji')).toEqual(kandji);
    expect(flowById('apple-vpp@nowhere')).toBeUndefined();
    // Seen only on an Apple site, or added by hand: Apple's side, then "your MDM console".
    expect(flowOf(cred({ kind: 'ade', console: 'abm' }))?.id).toBe('apple-ade@other');
    expect(flowOf(cred({ kind: 'apns', console: undefined, topic: undefined }))?.steps.map((s) => s.id)).toEqual(['portal-renew', 'portal-csr', 'portal-upload', 'portal-download', 'console-upload']);
    expect(flowOf(cred({ kind: 'symantec', console: 'kandji' }))).toBeUndefined();
  });

  it('advances only on the current step, and goes back, skips, pauses, resumes', () => {
    let s = startGuide(cred({}), NOW)!;
    expect(s).toMatchObject({ flowId: 'intune-apns', step: 0, status: 'active', topic: INTUNE_TOPIC, oldExpiry: '2026-12-04' });
    s = reduce(s, { type: 'done', stepId: 'portal-upload' }, NOW);
    expect(s.step).toBe(0);
    s = reduce(s, { type: 'done', stepId: 'intune-csr' }, NOW);
    s = reduce(s, { type: 'done', stepId: 'intune-csr' }, NOW);
    expect(s.step).toBe(1);
    s = reduce(s, { type: 'skip' }, NOW);
    expect(s.step).toBe(2);
    s = reduce(s, { type: 'back' }, NOW);
    expect(s.step).toBe(1);
    s = reduce(s, { type: 'pause' }, NOW);
    expect(reduce(s, { type: 'done', stepId: 'intune-portal' }, NOW).step).toBe(1);
    s = reduce(s, { type: 'resume' }, NOW);
    expect(reduce(s, { type: 'done', stepId: 'intune-portal' }, NOW).step).toBe(2);
  });

  it('is done when the console shows a later expiry, not the same one', () => {
    const s = startGuide(cred({}), NOW)!;
    expect(reduce(s, { type: 'renewed', expiresOn: '2026-12-04' }, NOW).status).toBe('active');
    expect(reduce(s, { type: 'renewed', expiresOn: '2027-11-22' }, NOW)).toMatchObject({ status: 'done', newExpiry: '2027-11-22' });
    expect(reduce(reduce(s, { type: 'cancel' }, NOW), { type: 'resume' }, NOW).status).toBe('cancelled');
  });
});
