/**
 * Renewal flows as data: for each console and kind, the ordered steps across the console tab
 * and the Apple tab. A step names where it happens, the control to press or the field to fill
 * (by its label in every language we read), what to say, what to warn about, and how we tell
 * it is done. The guide never presses anything itself.
 */
import type { ConsoleId } from '../consoles/types';
import type { MessageKey } from '../i18n';

/** What a step's instruction is filled with, in placeholder order. */
export type Arg = 'name' | 'topic' | 'appleId';

export type Target =
  /** A button, link, tab or menu item whose text (or accessible name) reads as one of `labels`. */
  | { type: 'control'; labels: readonly string[] }
  /** A file field (the first on the page, or the one labelled as one of `labels`). */
  | { type: 'file'; labels?: readonly string[] }
  /** In the row that shows the credential (by its topic or its name), the control labelled `labels`. */
  | { type: 'row'; match: 'topic' | 'name'; labels: readonly string[] }
  /** The list item or row that names the credential. */
  | { type: 'item'; match: 'name' }
  | { type: 'none' };

export type Done = { type: 'click' } | { type: 'file' } | { type: 'renewed' };

export interface Step {
  id: string;
  sites: readonly ConsoleId[];
  target: Target;
  say: MessageKey;
  args?: readonly Arg[];
  warn?: MessageKey;
  done: Done;
}

export interface Flow {
  id: string;
  console: 'intune' | 'maas360';
  kind: 'apns' | 'ade' | 'vpp';
  steps: readonly Step[];
}

const APPLE: readonly ConsoleId[] = ['abm', 'asm'];

// Control labels, in normLabel form (lower case, no trailing punctuation).
const L = {
  downloadCsr: ['download your csr', 'download csr', 'téléchargez votre csr', 'télécharger votre csr', 'csr をダウンロードします', 'csr をダウンロード'],
  createPush: ['create your mdm push certificate', 'créez votre certificat push mdm', 'créer votre certificat push mdm', 'mdm プッシュ証明書を作成します', 'mdm プッシュ証明書を作成'],
  renew: ['renew'],
  upload: ['upload', 'charger', 'télécharger le fichier', 'アップロード', 'hochladen', 'cargar'],
  download: ['download'],
  downloadToken: ['download token', 'télécharger le jeton', 'トークンをダウンロード', 'token herunterladen', 'descargar token'],
  downloadContent: ['download', 'télécharger', 'ダウンロード', 'herunterladen', 'descargar'],
  renewToken: ['renew token', 'renouveler le jeton', 'トークンを更新', 'token erneuern', 'renovar token'],
  next: ['next', 'suivant', '次へ', 'weiter', 'siguiente'],
  finishAde: ['renew token', 'create', 'renouveler le jeton', 'créer', 'トークンを更新', '作成'],
  edit: ['edit', 'modifier', '編集', 'bearbeiten', 'editar'],
  save: ['save', 'enregistrer', '保存', 'speichern', 'guardar'],
  maasRenew: ['renew', 'renouveler', '更新'],
  generate: ['generate certificate', 'générer le certificat', '証明書の生成', '証明書を生成'],
  update: ['update', 'mettre à jour', '更新'],
  submit: ['submit', 'soumettre', '送信', 'upload', 'ok'],
  pushField: ['apple mdm push certificate', 'certificat push mdm apple', 'apple mdm プッシュ証明書'],
} as const;

const portalSteps: Step[] = [
  { id: 'portal-renew', sites: ['apple-push'], target: { type: 'row', match: 'topic', labels: L.renew }, say: 'g_portal_renew_row', args: ['topic'], warn: 'g_portal_never_create', done: { type: 'click' } },
  { id: 'portal-csr', sites: ['apple-push'], target: { type: 'file' }, say: 'g_portal_choose_csr', done: { type: 'file' } },
  { id: 'portal-upload', sites: ['apple-push'], target: { type: 'control', labels: L.upload }, say: 'g_portal_upload', done: { type: 'click' } },
  { id: 'portal-download', sites: ['apple-push'], target: { type: 'control', labels: L.download }, say: 'g_portal_download', done: { type: 'click' } },
];

const abmTokenSteps: Step[] = [
  { id: 'abm-server', sites: APPLE, target: { type: 'item', match: 'name' }, say: 'g_abm_select_server', args: ['name'], done: { type: 'click' } },
  { id: 'abm-download', sites: APPLE, target: { type: 'control', labels: L.downloadToken }, say: 'g_abm_download_token', done: { type: 'click' } },
];

const abmContentSteps: Step[] = [
  { id: 'abm-content', sites: APPLE, target: { type: 'row', match: 'name', labels: L.downloadContent }, say: 'g_abm_download_vpp', args: ['name'], done: { type: 'click' } },
];

const verify: Step = { id: 'verify', sites: ['intune', 'maas360'], target: { type: 'none' }, say: 'g_verify', done: { type: 'renewed' } };

export const FLOWS: readonly Flow[] = [
  {
    id: 'intune-apns',
    console: 'intune',
    kind: 'apns',
    steps: [
      { id: 'intune-csr', sites: ['intune'], target: { type: 'control', labels: L.downloadCsr }, say: 'g_intune_apns_csr', done: { type: 'click' } },
      { id: 'intune-portal', sites: ['intune'], target: { type: 'control', labels: L.createPush }, say: 'g_intune_apns_portal', args: ['appleId'], done: { type: 'click' } },
      ...portalSteps,
      { id: 'intune-pem', sites: ['intune'], target: { type: 'file', labels: L.pushField }, say: 'g_intune_apns_choose', args: ['appleId'], done: { type: 'file' } },
      { id: 'intune-upload', sites: ['intune'], target: { type: 'control', labels: L.upload }, say: 'g_console_upload', done: { type: 'click' } },
      { ...verify, sites: ['intune'] },
    ],
  },
  {
    id: 'intune-ade',
    console: 'intune',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'intune-renew-token', sites: ['intune'], target: { type: 'control', labels: L.renewToken }, say: 'g_intune_ade_renew', args: ['name', 'appleId'], done: { type: 'click' } },
      { id: 'intune-p7m', sites: ['intune'], target: { type: 'file' }, say: 'g_intune_ade_choose', done: { type: 'file' } },
      { id: 'intune-next', sites: ['intune'], target: { type: 'control', labels: L.next }, say: 'g_intune_next', done: { type: 'click' } },
      { id: 'intune-finish', sites: ['intune'], target: { type: 'control', labels: L.finishAde }, say: 'g_intune_ade_confirm', done: { type: 'click' } },
      { ...verify, sites: ['intune'] },
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
      { ...verify, sites: ['intune'] },
    ],
  },
  {
    id: 'maas360-apns',
    console: 'maas360',
    kind: 'apns',
    steps: [
      { id: 'maas-renew', sites: ['maas360'], target: { type: 'control', labels: L.maasRenew }, say: 'g_maas_apns_renew', done: { type: 'click' } },
      { id: 'maas-generate', sites: ['maas360'], target: { type: 'control', labels: L.generate }, say: 'g_maas_generate', args: ['appleId'], done: { type: 'click' } },
      ...portalSteps,
      { id: 'maas-pem', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_apns_choose', done: { type: 'file' } },
      { id: 'maas-upload', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      { ...verify, sites: ['maas360'] },
    ],
  },
  {
    id: 'maas360-ade',
    console: 'maas360',
    kind: 'ade',
    steps: [
      ...abmTokenSteps,
      { id: 'maas-update', sites: ['maas360'], target: { type: 'row', match: 'name', labels: L.update }, say: 'g_maas_update', args: ['name'], done: { type: 'click' } },
      { id: 'maas-p7m', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_ade_choose', done: { type: 'file' } },
      { id: 'maas-submit', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      { ...verify, sites: ['maas360'] },
    ],
  },
  {
    id: 'maas360-vpp',
    console: 'maas360',
    kind: 'vpp',
    steps: [
      ...abmContentSteps,
      { id: 'maas-update', sites: ['maas360'], target: { type: 'row', match: 'name', labels: L.update }, say: 'g_maas_update', args: ['name'], done: { type: 'click' } },
      { id: 'maas-vpp-file', sites: ['maas360'], target: { type: 'file' }, say: 'g_maas_vpp_choose', done: { type: 'file' } },
      { id: 'maas-submit', sites: ['maas360'], target: { type: 'control', labels: L.submit }, say: 'g_maas_submit', done: { type: 'click' } },
      { ...verify, sites: ['maas360'] },
    ],
  },
];

export function flowById(id: string): Flow | undefined {
  return FLOWS.find((f) => f.id === id);
}

export function flowFor(consoleId: ConsoleId, kind: string): Flow | undefined {
  return FLOWS.find((f) => f.console === consoleId && f.kind === kind);
}

export { L as CONTROL_LABELS };
