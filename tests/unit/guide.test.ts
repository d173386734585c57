import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../lib/credentials/model';
import { findStepTarget } from '../../lib/guide/find';
import { FLOWS, flowById } from '../../lib/guide/flows';
import { flowOf, reduce, startGuide } from '../../lib/guide/machine';
import { textOf } from '../../lib/dom/read';

const dir = resolve(import.meta.dirname, '../fixtures/pages');
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');
const NOW = new Date('2026-11-22T12:00:00Z');

const INTUNE_TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const MAAS_TOPIC = 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d';

/** For every step with a control: the fixture pages (in each language we have) where it must be found, the credential it is for, and what the control says. */
const WHERE: Record<string, [file: string, guide: { name: string; topic?: string }, text: RegExp][]> = {
  'intune-csr': [['intune/push-certificate.en.html', { name: '' }, /^Download your CSR$/], ['intune/push-certificate.ja.html', { name: '' }, /^CSR をダウンロードします$/]],
  'intune-portal': [['intune/push-certificate.en.html', { name: '' }, /Create your MDM push Certificate/], ['intune/push-certificate.ja.html', { name: '' }, /MDM プッシュ証明書を作成します/]],
  'portal-renew': [
    ['apple-push/certificates.en.html', { name: '', topic: INTUNE_TOPIC }, /^Renew$/],
    ['apple-push/certificates.en.html', { name: '', topic: MAAS_TOPIC }, /^Renew$/],
  ],
  'portal-csr': [['apple-push/renew.en.html', { name: '' }, /^$/]],
  'portal-upload': [['apple-push/renew.en.html', { name: '' }, /^Upload$/]],
  'portal-download': [['apple-push/confirmation.en.html', { name: '' }, /^Download$/]],
  'intune-pem': [['intune/push-certificate.en.html', { name: '' }, /^$/], ['intune/push-certificate.ja.html', { name: '' }, /^$/]],
  'intune-upload': [['intune/push-certificate.en.html', { name: '' }, /^Upload$/], ['intune/push-certificate.ja.html', { name: '' }, /^アップロード$/]],
  'abm-server': [
    ['abm/mdm-servers.en.html', { name: 'Contoso ABM – Headquarters' }, /^Contoso ABM – Headquarters/],
    ['asm/mdm-servers.ja.html', { name: '学園 MDM サーバ' }, /^学園 MDM サーバ/],
    ['asm/management-services.en.html', { name: 'Fixture Grammar School MDM' }, /^Fixture Grammar School MDM/],
  ],
  'abm-download': [
    ['abm/mdm-servers.en.html', { name: '' }, /^Download Token$/],
    ['asm/mdm-servers.ja.html', { name: '' }, /^トークンをダウンロード$/],
    ['asm/management-services.en.html', { name: '' }, /^Download Token$/],
  ],
  'abm-content': [
    ['abm/content-tokens.fr.html', { name: 'Contoso Apps – Lyon' }, /^Télécharger$/],
    ['asm/content-tokens.ja.html', { name: '本校' }, /^ダウンロード$/],
  ],
  'intune-renew-token': [['intune/ade-token.en.html', { name: 'Contoso ABM – Headquarters' }, /^Renew token$/]],
  'intune-p7m': [['intune/ade-renew.en.html', { name: '' }, /^$/]],
  'intune-next': [['intune/ade-renew.en.html', { name: '' }, /^Next$/]],
  'intune-finish': [['intune/ade-renew.en.html', { name: '' }, /^Renew token$/]],
  'intune-vpp-select': [['intune/vpp-token-list.fr.html', { name: 'Contoso Apps – Lyon' }, /^Contoso Apps – Lyon/]],
  'intune-vpp-edit': [['intune/vpp-token-edit.en.html', { name: '' }, /^Edit$/]],
  'intune-vpp-file': [['intune/vpp-token-edit.en.html', { name: '' }, /^$/]],
  'intune-vpp-save': [['intune/vpp-token-edit.en.html', { name: '' }, /^Save$/]],
  'maas-renew': [['maas360/apns-certificate.en.html', { name: '' }, /^Renew$/]],
  'maas-generate': [['maas360/apns-renew.en.html', { name: '' }, /^Generate Certificate$/]],
  'maas-pem': [['maas360/apns-renew.en.html', { name: '' }, /^$/]],
  'maas-upload': [['maas360/apns-renew.en.html', { name: '' }, /^Upload$/]],
  'maas-update': [
    ['maas360/dep-tokens.en.html', { name: 'Fabrikam-DEP-EU' }, /^Update$/],
    ['maas360/dep-tokens.ja.html', { name: '工場-DEP' }, /^更新$/],
    ['maas360/vpp-licenses.en.html', { name: 'Fabrikam Apps Field' }, /^Update$/],
  ],
  'maas-p7m': [['maas360/dep-update-dialog.en.html', { name: '' }, /^$/]],
  'maas-vpp-file': [['maas360/vpp-update-dialog.en.html', { name: '' }, /^$/]],
  'maas-submit': [['maas360/dep-update-dialog.en.html', { name: '' }, /^Submit$/], ['maas360/vpp-update-dialog.en.html', { name: '' }, /^Submit$/]],
  'jamf-renew': [['jamf/push-certificate.en.html', { name: '' }, /^Renew$/]],
  'jamf-csr': [['jamf/push-renew.en.html', { name: '' }, /^Download Signed CSR$/]],
  'jamf-pem': [['jamf/push-renew.en.html', { name: '' }, /^$/]],
  'jamf-upload': [['jamf/push-renew.en.html', { name: '' }, /^Upload$/]],
  'jamf-save': [['jamf/push-renew.en.html', { name: '' }, /^Save$/]],
  'jamf-ade-select': [['jamf/ade-instances.en.html', { name: 'Contoso Schools' }, /^Contoso Schools$/]],
  'jamf-ade-edit': [['jamf/ade-instance.ja.html', { name: '' }, /^編集$/]],
  'jamf-ade-upload': [['jamf/ade-instance.ja.html', { name: '' }, /^サーバトークンファイルのアップロード$/]],
  'jamf-ade-file': [['jamf/ade-instance.ja.html', { name: '' }, /^$/]],
  'jamf-ade-save': [['jamf/ade-instance.ja.html', { name: '' }, /^保存$/]],
  'jamf-vpp-select': [['jamf/volume-purchasing.ja.html', { name: '大阪支店' }, /^大阪支店$/]],
  'jamf-vpp-edit': [['jamf/vpp-location.ja.html', { name: '' }, /^編集$/]],
  'jamf-vpp-renew': [['jamf/vpp-location.ja.html', { name: '' }, /^サービストークンの更新$/]],
  'jamf-vpp-file': [['jamf/vpp-location.ja.html', { name: '' }, /^$/]],
  'jamf-vpp-save': [['jamf/vpp-location.ja.html', { name: '' }, /^保存$/]],
  'clomo-csr': [['clomo/push-certificate.ja.html', { name: '' }, /^CSR ファイル$/]],
  'clomo-pem': [['clomo/push-certificate.ja.html', { name: '' }, /^$/]],
  'clomo-apns-save': [['clomo/push-certificate.ja.html', { name: '' }, /^保存$/]],
  'clomo-ade-change': [['clomo/basic-settings.ja.html', { name: '' }, /^変更する$/]],
  'clomo-ade-file': [['clomo/basic-settings.ja.html', { name: '' }, /^$/]],
  'clomo-ade-save': [['clomo/basic-settings.ja.html', { name: '' }, /^保存$/]],
  'clomo-vpp-change': [['clomo/app-portal.ja.html', { name: '' }, /^変更する$/]],
  'clomo-vpp-file': [['clomo/app-portal.ja.html', { name: '' }, /^$/]],
  'clomo-vpp-save': [['clomo/app-portal.ja.html', { name: '' }, /^保存$/]],
};

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
