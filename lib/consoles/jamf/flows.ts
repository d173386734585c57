/** Jamf Pro's renewal flows: its own steps around Apple's. Kept apart from index.ts so the content script does not carry them (the guide's state carries the steps it needs). */
import { abmContentSteps, abmTokenSteps } from '../apple-business/steps';
import { portalSteps } from '../apple-push/steps';
import { CONTROL_LABELS as L, verifyStep, type Flow } from '../flow';

/** Jamf Pro's controls, from its documentation and guides that quote its English and Japanese screens. */
const JL = {
  renew: ['renew', '更新', 'renouveler', 'erneuern', 'renovar'],
  signedCsr: ['download signed csr', 'download signed csr from jamf nation', 'download csr', '署名済み csr をダウンロード', 'csr をダウンロード', 'télécharger la csr signée', 'signierte csr herunterladen', 'descargar csr firmada'],
  uploadServerToken: ['upload server token file', 'upload service token', 'サーバトークンファイルのアップロード', 'サーバートークンファイルのアップロード', 'téléverser le fichier de jeton de serveur', 'servertokendatei hochladen', 'cargar archivo de token de servidor'],
  renewServiceToken: ['renew service token', 'サービストークンの更新', 'renouveler le jeton de service', 'diensttoken erneuern', 'renovar token de servicio'],
} as const;

export const flows: readonly Flow[] = [
  {
    id: 'jamf-apns',
    console: 'jamf',
    kind: 'apns',
    steps: [
      { id: 'jamf-renew', sites: ['jamf'], target: { type: 'control', labels: JL.renew }, say: 'g_jamf_apns_renew', done: { type: 'click' } },
      { id: 'jamf-csr', sites: ['jamf'], target: { type: 'control', labels: JL.signedCsr }, say: 'g_jamf_apns_csr', args: ['appleId'], done: { type: 'click' } },
      ...portalSteps,
      { id: 'jamf-pem', sites: ['jamf'], target: { type: 'file' }, say: 'g_jamf_apns_choose', done: { type: 'file' } },
      { id: 'jamf-upload', sites: ['jamf'], target: { type: 'control', labels: L.upload }, say: 'g_console_upload', done: { type: 'click' } },
      { id: 'jamf-save', sites: ['jamf'], target: { type: 'control', labels: L.save }, say: 'g_console_save', done: { type: 'click' } },
      verifyStep('jamf'),
    ],
  },
  {
    id: 'jamf-ade',
    console: 'jamf',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'jamf-ade-select', sites: ['jamf'], target: { type: 'item', match: 'name' }, say: 'g_jamf_ade_select', args: ['name'], done: { type: 'click' } },
      { id: 'jamf-ade-edit', sites: ['jamf'], target: { type: 'control', labels: L.edit }, say: 'g_jamf_edit', done: { type: 'click' } },
      { id: 'jamf-ade-upload', sites: ['jamf'], target: { type: 'control', labels: JL.uploadServerToken }, say: 'g_jamf_ade_upload', done: { type: 'click' } },
      { id: 'jamf-ade-file', sites: ['jamf'], target: { type: 'file' }, say: 'g_jamf_ade_choose', done: { type: 'file' } },
      { id: 'jamf-ade-save', sites: ['jamf'], target: { type: 'control', labels: L.save }, say: 'g_console_save', done: { type: 'click' } },
      verifyStep('jamf'),
    ],
  },
  {
    id: 'jamf-vpp',
    console: 'jamf',
    kind: 'vpp',
    steps: [
      ...abmContentSteps,
      { id: 'jamf-vpp-select', sites: ['jamf'], target: { type: 'item', match: 'name' }, say: 'g_jamf_vpp_select', args: ['name'], done: { type: 'click' } },
      { id: 'jamf-vpp-edit', sites: ['jamf'], target: { type: 'control', labels: L.edit }, say: 'g_jamf_edit', done: { type: 'click' } },
      { id: 'jamf-vpp-renew', sites: ['jamf'], target: { type: 'control', labels: JL.renewServiceToken }, say: 'g_jamf_vpp_renew', done: { type: 'click' } },
      { id: 'jamf-vpp-file', sites: ['jamf'], target: { type: 'file' }, say: 'g_jamf_vpp_choose', done: { type: 'file' } },
      { id: 'jamf-vpp-save', sites: ['jamf'], target: { type: 'control', labels: L.save }, say: 'g_console_save', done: { type: 'click' } },
      verifyStep('jamf'),
    ],
  },
];
