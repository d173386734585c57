/**
 * Renewal flows as data: for each console and kind, the ordered steps across the console tab
 * and the Apple tab. A step names where it happens, the control to press or the field to fill
 * (by its label in every language we read), what to say, what to warn about, and how we tell
 * it is done. The guide (lib/guide/) follows them; it never presses anything itself. Each
 * console's flows live in its module; the Apple sites' steps are shared by every console.
 */
import type { CredentialKind } from '../credentials/kinds';
import type { MessageKey } from '../i18n';
import type { ConsoleId } from './list';

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
  /** What to say instead when the credential's topic is not known (its console never shows it): the row named by its expiry date. */
  sayByDate?: MessageKey;
  warn?: MessageKey;
  done: Done;
}

export interface Flow {
  id: string;
  console: ConsoleId;
  kind: CredentialKind;
  steps: readonly Step[];
  /** Said on the first step when the credential has already expired (it changes what renewing means). */
  expiredWarn?: MessageKey;
}

/** Control labels every console shares, in normLabel form (lower case, no trailing punctuation). */
export const CONTROL_LABELS = {
  renew: ['renew'],
  upload: ['upload', 'charger', 'télécharger le fichier', 'アップロード', 'hochladen', 'cargar'],
  download: ['download'],
  downloadToken: ['download token', 'télécharger le jeton', 'トークンをダウンロード', 'token herunterladen', 'descargar token'],
  downloadContent: ['download', 'télécharger', 'ダウンロード', 'herunterladen', 'descargar'],
  next: ['next', 'suivant', '次へ', 'weiter', 'siguiente'],
  edit: ['edit', 'modifier', '編集', 'bearbeiten', 'editar'],
  save: ['save', 'enregistrer', '保存', 'speichern', 'guardar'],
  update: ['update', 'mettre à jour', '更新'],
  submit: ['submit', 'soumettre', '送信', 'upload', 'ok'],
} as const;

/** The last step of every flow: the console shows the new expiry. */
export function verifyStep(site: ConsoleId): Step {
  return { id: 'verify', sites: [site], target: { type: 'none' }, say: 'g_verify', done: { type: 'renewed' } };
}
