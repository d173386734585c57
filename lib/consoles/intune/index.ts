/**
 * Microsoft Intune admin center. Newer pages render inside cross-origin frames on
 * `*.reactblade*.portal.azure.net`; match patterns cannot say `reactblade*`, so each
 * variant seen in the field is listed.
 */
import { abmContentSteps, abmTokenSteps } from '../apple-business';
import { portalSteps } from '../apple-push';
import { CONTROL_LABELS as L, verifyStep, type Flow } from '../flow';
import type { ConsoleModule } from '../types';
import { intunePages } from './pages';

const ADMIN_CENTER = 'https://intune.microsoft.com/';
const APPLE_ENROLLMENT = `${ADMIN_CENTER}#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment`;
const APPLE_VPP = `${ADMIN_CENTER}#view/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/~/appleVpp`;

const IL = {
  downloadCsr: ['download your csr', 'download csr', 'téléchargez votre csr', 'télécharger votre csr', 'csr をダウンロードします', 'csr をダウンロード'],
  createPush: ['create your mdm push certificate', 'créez votre certificat push mdm', 'créer votre certificat push mdm', 'mdm プッシュ証明書を作成します', 'mdm プッシュ証明書を作成'],
  renewToken: ['renew token', 'renouveler le jeton', 'トークンを更新', 'token erneuern', 'renovar token'],
  finishAde: ['renew token', 'create', 'renouveler le jeton', 'créer', 'トークンを更新', '作成'],
  pushField: ['apple mdm push certificate', 'certificat push mdm apple', 'apple mdm プッシュ証明書'],
} as const;

const flows: readonly Flow[] = [
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

export const intune: ConsoleModule<'intune'> = {
  id: 'intune',
  product: 'Microsoft Intune',
  role: 'mdm',
  hosts: [
    { host: 'intune.microsoft.com' },
    { host: 'endpoint.microsoft.com' },
    // Intune for Education: the same tenant and credentials, a school-facing front end.
    { host: 'intuneeducation.portal.azure.com' },
    { host: '*.reactblade.portal.azure.net' },
    { host: '*.reactblade-ms.portal.azure.net' },
    { host: '*.reactblade-rc.portal.azure.net' },
  ],
  pages: intunePages,
  flows,
  // Newer Intune pages are frames on *.reactblade.portal.azure.net: open the admin center itself.
  renewUrl: (url, kind) => (url.hostname.endsWith('.portal.azure.net') ? (kind === 'vpp' ? APPLE_VPP : APPLE_ENROLLMENT) : url.href),
};
