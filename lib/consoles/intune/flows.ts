/** Intune's renewal flows: its own steps around Apple's. Kept apart from index.ts so the content script does not carry them (the guide's state carries the steps it needs). */
import { abmContentSteps, abmTokenSteps } from '../apple-business/steps';
import { portalSteps } from '../apple-push/steps';
import { CONTROL_LABELS as L, verifyStep, type Flow } from '../flow';

const IL = {
  downloadCsr: ['download your csr', 'download csr', 'téléchargez votre csr', 'télécharger votre csr', 'csr をダウンロードします', 'csr をダウンロード'],
  createPush: ['create your mdm push certificate', 'créez votre certificat push mdm', 'créer votre certificat push mdm', 'mdm プッシュ証明書を作成します', 'mdm プッシュ証明書を作成'],
  renewToken: ['renew token', 'renouveler le jeton', 'トークンを更新', 'token erneuern', 'renovar token'],
  finishAde: ['renew token', 'create', 'renouveler le jeton', 'créer', 'トークンを更新', '作成'],
  pushField: ['apple mdm push certificate', 'certificat push mdm apple', 'apple mdm プッシュ証明書'],
} as const;

export const flows: readonly Flow[] = [
  {
    id: 'intune-apns',
    console: 'intune',
    kind: 'apns',
    steps: [
      { id: 'intune-csr', sites: ['intune'], target: { type: 'control', labels: IL.downloadCsr }, say: 'g_intune_apns_csr', done: { type: 'click' } },
      { id: 'intune-portal', sites: ['intune'], target: { type: 'control', labels: IL.createPush }, say: 'g_intune_apns_portal', args: ['appleId'], done: { type: 'click' } },
      ...portalSteps,
      { id: 'intune-pem', sites: ['intune'], target: { type: 'file', labels: IL.pushField }, say: 'g_intune_apns_choose', args: ['appleId'], done: { type: 'file' } },
      { id: 'intune-upload', sites: ['intune'], target: { type: 'control', labels: L.upload }, say: 'g_console_upload', done: { type: 'click' } },
      verifyStep('intune'),
    ],
  },
  {
    id: 'intune-ade',
    console: 'intune',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'intune-renew-token', sites: ['intune'], target: { type: 'control', labels: IL.renewToken }, say: 'g_intune_ade_renew', args: ['name', 'appleId'], done: { type: 'click' } },
      { id: 'intune-p7m', sites: ['intune'], target: { type: 'file' }, say: 'g_intune_ade_choose', done: { type: 'file' } },
      { id: 'intune-next', sites: ['intune'], target: { type: 'control', labels: L.next }, say: 'g_intune_next', done: { type: 'click' } },
      { id: 'intune-finish', sites: ['intune'], target: { type: 'control', labels: IL.finishAde }, say: 'g_intune_ade_confirm', done: { type: 'click' } },
      verifyStep('intune'),
    ],
  },
  {
    id: 'intune-vpp',
    console: 'intune',
    kind: 'vpp',
    // An expired VPP token renewed in Intune: every app shows twice unless it is renewed in place.
    expiredWarn: 'guideVppExpired',
    steps: [
      ...abmContentSteps,
      { id: 'intune-vpp-select', sites: ['intune'], target: { type: 'item', match: 'name' }, say: 'g_intune_vpp_select', args: ['name'], done: { type: 'click' } },
      { id: 'intune-vpp-edit', sites: ['intune'], target: { type: 'control', labels: L.edit }, say: 'g_intune_vpp_edit', done: { type: 'click' } },
      { id: 'intune-vpp-file', sites: ['intune'], target: { type: 'file' }, say: 'g_intune_vpp_choose', done: { type: 'file' } },
      { id: 'intune-vpp-save', sites: ['intune'], target: { type: 'control', labels: L.save }, say: 'g_console_save', done: { type: 'click' } },
      verifyStep('intune'),
    ],
  },
];
