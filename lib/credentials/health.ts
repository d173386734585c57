/**
 * A credential's health beside its date: a push certificate revoked in Apple's portal, a VPP
 * token another MDM took over, the same location uploaded twice, terms nobody accepted. Pure:
 * the words consoles show in, a state out; readings and the clock in, the state that counts out.
 *
 * The status words here are the reading layer's too (it imports them): one vocabulary, in
 * English, French, Japanese, German and Spanish. Sources: Intune's documented VPP token states
 * (Active, Expired, Invalid, Assigned to external MDM, Duplicate, in Microsoft Learn's fr/ja/de/es
 * pages), the Apple portal's Status column (Active, Expired, Revoked), Jamf Pro's notification
 * types (revoked tokens and certificates, terms not signed), Apple Business Manager's terms notices
 * (../shared/REAL-WORLD.md). A status word we do not know is kept as text, never taken as "active".
 */
import { remembered } from '../memo';
import { URGENCY_ORDER, type Urgency } from './urgency';
import { NOTICE_HINT } from './seeds';

/** Every state a credential can be in, worst first (the order ranks them). */
export const HEALTH_ORDER = [
  'revoked',
  'taken-by-other-mdm',
  'invalid',
  'expired',
  'terms-pending',
  'duplicate',
  'in-grace',
  'expiring',
  'unknown',
  'active',
] as const;
export type Health = (typeof HEALTH_ORDER)[number];

/** States a console can show that its date cannot tell: each is told to the admin once, when it appears. */
export const PROBLEMS = ['revoked', 'taken-by-other-mdm', 'invalid', 'expired', 'terms-pending', 'duplicate'] as const satisfies readonly Health[];
export type Problem = (typeof PROBLEMS)[number];
export const isProblem = (state: Health): state is Problem => (PROBLEMS as readonly Health[]).includes(state);

/** Where a state was read: the credential's own page (a status cell, a badge), an alert about it on another page, a file, the admin. */
export type HealthVia = 'page' | 'alert' | 'file' | 'manual';

/** One reading of a credential's state, as stored: what was shown, where and when. */
export interface HealthReading {
  state: Health;
  /** The words as shown ("Révoqué", "Assigned to external MDM"), kept when they were read from a page. */
  text?: string;
  via: HealthVia;
  /** The source key it came from (see Source.key). */
  source: string;
  seenAt: string;
}

/** How bad each state is, on the scale the popup orders by and the toolbar badge colours by. */
const URGENCY_OF: Record<Health, Urgency | null> = {
  revoked: 'expired',
  'taken-by-other-mdm': 'expired',
  invalid: 'expired',
  expired: 'expired',
  'terms-pending': 'urgent',
  duplicate: 'urgent',
  'in-grace': 'grace',
  expiring: null,
  unknown: null,
  active: null,
};

export function healthUrgency(state: Health): Urgency | null {
  return URGENCY_OF[state];
}

export function worseHealth(a: Health, b: Health): Health {
  return HEALTH_ORDER.indexOf(a) <= HEALTH_ORDER.indexOf(b) ? a : b;
}

// ---------------------------------------------------------------------------------------------
// The words. Matched on lower-case NFKC text; phrases anywhere in a status value, whole values
// for the words that also appear inside other words ("valid" in "invalid", 有効 in 無効 … no, but
// 有効 in 有効期限).

/** Phrases that say the state wherever they stand in a status value or a notice. */
const PHRASES: readonly [Exclude<Health, 'active' | 'unknown'>, RegExp][] = [
  ['revoked', /\brevoked|\brevocation\b|révoqu|revoqu|取り消[しさ]|取消済|失効|widerrufen|zurückgezogen|revocad[oa]/],
  [
    'taken-by-other-mdm',
    /(?:external|another|other|different)\s+mdm|mdm\s+extern[eao]?|(?:autre|un autre)\s+(?:serveur\s+)?mdm|gestion\s+mdm\s+externe|外部\s*mdm|(?:別|他)の\s*mdm|externe[mnr]?\s+mdm|(?:einem\s+)?anderen\s+mdm|otr[oa]\s+(?:servidor\s+)?mdm|(?:in use|used) by another (?:mdm|server)|assigned to another (?:mdm|server)|utilisé par un autre serveur|別の\s*(?:mdm\s*)?サーバ|von einem anderen (?:mdm-)?server|en uso por otro servidor/,
  ],
  ['duplicate', /\bduplicat(?:ed?|ion)|\ben double\b|dupliqu|doublon|重複|duplikat|\bdoppelt\b|duplicad[oa]/],
  ['in-grace', /grace period|période de grâce|délai de grâce|猶予期間|kulanz|karenz|periodo de gracia|período de gracia/],
  ['expiring', /expiring|expires soon|expire bientôt|bientôt expir|まもなく期限切れ|期限切れ間近|期限間近|間もなく期限|läuft bald ab|caduca pronto|vence pronto|por (?:caducar|vencer)|próximo a (?:caducar|vencer)/],
  ['expired', /\bexpired|expiré|expirad[oa]|期限切れ|有効期限が切れ|abgelaufen|caducad[oa]|vencid[oa]/],
  ['invalid', /\binvalid(?!at)|\bnot valid\b|no longer valid|n'est plus valide|nicht mehr gültig|ya no es válid[oa]|non valide|\binvalide\b|無効|ungültig|no válid[oa]|inválid[oa]/],
];

/** Terms to accept: the terms, and a word saying they wait for someone (a footer link "Terms and conditions" says neither). */
const TERMS = /terms (?:and|&) conditions|\bterms of (?:use|service)\b|new terms|conditions générales|conditions d'utilisation|nouvelles conditions|利用規約|規約|nutzungsbedingungen|geschäftsbedingungen|términos y condiciones|nuevos términos|condiciones de uso/;
const PENDING = /accept|agree|sign|review|pending|not (?:been )?(?:accepted|signed)|awaiting|must|required|accepter|accepté|signer|approuv|en attente|doivent|doit|同意|承諾|確認してください|未承認|必要|akzeptier|zustimm|ausstehend|müssen|erforderlich|acept|firmar|acépt|pendiente|deben|debe|revis/;

/** Whole values that mean the credential works. */
const ACTIVE = /^(?:active|actif|active|activé|activée|enabled|valid|valide|ok|healthy|fehlerfrei|en bon état|connected|connecté|in use|有効|アクティブ|使用中|正常|接続済み|aktiv|gültig|verbunden|activo|activa|válido|válida|conectado|habilitado|en uso)$/;

function norm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** Terms waiting to be accepted, said in this text. */
export function saysTermsPending(text: string): boolean {
  const w = norm(text);
  return TERMS.test(w) && PENDING.test(w);
}

/**
 * The state a console's status value says: a status cell, a badge ("Révoqué", "外部 MDM に
 * 割り当てられています", "Active"). 'unknown' for words we do not know (keep them as text).
 */
export const statusHealth: (value: string) => Health = remembered(readStatus);

function readStatus(value: string): Health {
  const w = norm(value).replace(/^[\s•·●○◉✓✔✗✘✖⚠!*-]+|[\s•·●○◉✓✔✗✘✖⚠!*.-]+$/gu, '');
  if (!w) return 'unknown';
  if (saysTermsPending(w)) return 'terms-pending';
  for (const [state, re] of PHRASES) if (re.test(w)) return state;
  return ACTIVE.test(w) ? 'active' : 'unknown';
}

/** Whether a text speaks of a state or of terms at all (a title such as "利用規約が更新されました。" is no token's name). */
export function mentionsHealth(text: string): boolean {
  const w = norm(text);
  return TERMS.test(w) || PHRASES.some(([, re]) => re.test(w));
}

export { NOTICE_HINT } from './seeds';

/** A text on its own that says a strong state of a credential (a notice): short enough to be one, and saying one. */
export function isNotice(text: string): boolean {
  return text.length <= 400 && NOTICE_HINT.test(text) && noticeHealth(text) !== null;
}

/** The strong states a notice or a card's text says about a credential: those a date cannot tell. Null when it says none. */
export function noticeHealth(text: string): Health | null {
  const w = norm(text);
  if (saysTermsPending(w)) return 'terms-pending';
  for (const [state, re] of PHRASES) {
    if (state === 'revoked' || state === 'taken-by-other-mdm' || state === 'duplicate' || state === 'invalid') {
      if (re.test(w)) return state;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Merging readings, and the state that counts.

/**
 * The reading to keep when a new one arrives. The credential's own page is the authority: an
 * alert about it (a home page notice, another page's banner) never replaces what its own page
 * said, whatever their dates; otherwise the newer reading wins.
 */
export function mergeHealth(current: HealthReading | undefined, incoming: HealthReading): HealthReading {
  if (!current) return incoming;
  if (incoming.via === 'alert' && current.via === 'page') return current;
  if (current.via === 'alert' && incoming.via === 'page') return incoming;
  return incoming.seenAt >= current.seenAt ? incoming : current;
}

/** The state the date alone gives, from its urgency. */
export function dateHealth(urgency: Urgency): Health {
  switch (urgency) {
    case 'expired':
      return 'expired';
    case 'grace':
      return 'in-grace';
    case 'today':
    case 'urgent':
    case 'soon':
      return 'expiring';
    case 'unknown':
      return 'unknown';
    default:
      return 'active';
  }
}

export interface Standing {
  /** The worse of the date's state and the state read. */
  health: Health;
  /** The worse of the date's urgency and the state's: what the popup orders by and the badge colours by. */
  urgency: Urgency;
  /** True when the state read, not the date, decides. */
  fromReading: boolean;
}

/**
 * A credential's standing: its date's urgency and the state last read, the worse of the two. A
 * reading of 'active' never hides a date that has passed; a revoked certificate outranks one
 * expiring next month.
 */
export function standing(dateUrgency: Urgency, read: Health | undefined): Standing {
  const byDate = dateHealth(dateUrgency);
  if (!read || read === 'active' || read === 'unknown') return { health: byDate, urgency: dateUrgency, fromReading: false };
  const health = worseHealth(byDate, read);
  const fromReading = health === read && health !== byDate;
  const u = healthUrgency(read);
  const urgency = u && URGENCY_ORDER.indexOf(u) < URGENCY_ORDER.indexOf(dateUrgency) ? u : dateUrgency;
  return { health, urgency, fromReading };
}

/** The notification key for a state read: told once per change of state (like the thresholds). */
export function healthAlertKey(state: Health): string | null {
  return isProblem(state) ? `h:${state}` : null;
}
