/**
 * The one vocabulary of the reading layer: what consoles call the fields around a credential,
 * and the words that name a kind of credential, in English, French, Japanese, German and
 * Spanish. Labels are matched on normalised words (see `normWords`), not on whole strings, so
 * "Token expiration date", "Date d'expiration du jeton" and "有効期限 (UTC)" all read as an expiry.
 *
 * Sources: the Intune, MaaS360, Apple Business Manager and Apple portal labels in
 * ../shared/REAL-WORLD.md and DOMAIN.md (Microsoft Learn fr/ja/de/es, IBM and Apple docs), and
 * the fixture pages under tests/fixtures/pages/ that use each entry.
 */
import type { CredentialKind } from '../credentials/kinds';
import type { ConsoleWords } from './types';
import { EXPIRY_STEMS } from '../credentials/seeds';
import { remembered } from '../memo';

/** What a label says its value is. */
export type FieldType =
  | 'expiry'
  /** A date or a count that is not the credential's expiry: last sync, created, days left, warranty … */
  | 'other-date'
  | 'name'
  | 'appleId'
  | 'topic'
  | 'status'
  | 'organization'
  /** A label that names a kind of credential ("APNS Certificate", "Server Token"): its value may hold the expiry. */
  | 'kind'
  /** The MDM vendor a push certificate was made for (the Apple portal names certificates by it). */
  | 'vendor'
  /** The Apple service a certificate is for (the Apple portal: Mobile Device Management, or another). */
  | 'service';

/**
 * A label reduced to words: NFKC (full-width forms), lower case, ’ as ', private-use icon glyphs
 * (Fluent UI's sort and drop-hint icons) and trailing `*`, `:`, parenthetical notes removed.
 */
export function normWords(text: string): string {
  // Labels and statuses repeat on every row of a grid: each distinct text is normalised once.
  let out = WORDS_CACHE.get(text);
  if (out === undefined) {
    if (WORDS_CACHE.size > 2000) WORDS_CACHE.clear();
    out = normalizeWords(text);
    WORDS_CACHE.set(text, out);
  }
  return out;
}

const WORDS_CACHE = new Map<string, string>();

function normalizeWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\uE000-\uF8FF\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s*[(（][^)）]*[)）]\s*/g, ' ')
    .replace(/[\s*:：.。,、·•|]+$/g, '')
    .replace(/^[\s*•·|]+/g, '')
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .trim();
}

/**
 * Words (as regular expression sources over normWords text) that make a label an expiry. Checked
 * after OTHER_DATE, so "days until expiration" or "public key expires" never count.
 */
const EXPIRY = [
  'expir', 'expires', 'valid until', 'valid through', 'valid thru', 'expiry', 'good until',
  "date d'expiration", "échéance", 'expire', "valide jusqu'", "valable jusqu'",
  '有効期限', '期限', '失効', '満了',
  'ablauf', 'abgelaufen', 'läuft ab', 'läuft am', 'gültig bis', 'verfällt', 'verfallsdatum',
  'caduc', 'vencimiento', 'vence', 'expira', 'válido hasta', 'valido hasta',
  // A validity period: its end is the expiry (interpret reads the period's last date).
  'validity', 'validité', 'période de validité', 'gültigkeit', 'validez', '有効期間',
  // "Renew by": the day it must be renewed by is the day it expires.
  'renew by', 'renew before', 'renouveler avant', 'à renouveler avant', 'erneuern bis', 'renovar antes',
];

/** Labels with an expiry word that are not the credential's expiry date. */
const OTHER_DATE = [
  'days', 'jours', '日数', 'tage', 'días', 'dias',
  'last', 'dernièr', 'letzte', 'zuletzt', 'últim', 'ultim', '最終', '前回',
  'sync', 'synchro', '同期', 'sincroniz',
  'notif', 'remind', 'rappel', 'alert', 'warn', 'avert', 'erinner', 'aviso', '通知',
  'public key', 'clé publique', '公開鍵', 'öffentlich', 'clave pública', 'clave publica',
  'warranty', 'applecare', 'garantie', 'garantía', '保証', 'coverage',
  'licen', 'credit', 'crédit', 'guthaben', 'crédito', 'subscription', 'abonnement', 'suscrip', 'trial', 'essai', 'prueba',
  'password', 'mot de passe', 'passwort', 'contraseña', 'パスワード', 'session', 'sitzung', 'sesión',
  'created', 'créé', 'erstellt', 'creado', '作成', 'uploaded', 'téléchargé', 'hochgeladen', 'subido', 'cargado',
  'updated', 'mis à jour', 'modif', 'aktualisiert', 'geändert', 'actualiz', '更新', 'アップデート', 'software update', 'os update',
  'connected on', 'date connected', 'connecté le', 'verbunden am', 'conectado el', 'added', 'ajouté', 'hinzugefügt', 'agregado',
  'check-in', 'enrolled', 'inscrit', 'registriert', 'inscrito', 'renewed', 'renouvelé', 'erneuert', 'renovado',
  'valid from', 'valide à partir', 'gültig ab', 'válido desde', 'not before', 'issued', 'émis', 'ausgestellt', 'emitido', '発行',
];

const NAME = [
  'display name', "nom d'affichage", '表示名', 'anzeigename', 'nombre para mostrar',
  'name', 'nom', '名前', '名称', 'トークン名', 'nombre', 'bezeichnung',
  'connector', 'connecteur', 'コネクタ', 'konnektor', 'conector',
  'server name', 'nom du serveur', 'サーバ名', 'servername', 'nombre del servidor', 'nombre de servidor',
];
const APPLE_ID = [
  'apple id', 'apple-id', 'id apple', 'identifiant apple', 'compte apple', 'apple account', 'id. de apple', 'id de apple', 'cuenta de apple',
  'managed apple', 'アップル id', 'connected by', 'connecté par', '接続者', 'verbunden von', 'conectado por',
  'created by', 'créé par', '作成者', 'erstellt von', 'creado por', 'downloaded by', 'téléchargé par', 'heruntergeladen von', 'descargado por',
];
const TOPIC = [
  'subject id', 'subject dn', 'subject', 'topic', "id d'objet", "id de l'objet", 'id du sujet', 'id de sujet', 'sujet', 'rubrique',
  'サブジェクト', 'トピック', 'antragsteller', 'betreff-id', 'thema', 'id. de asunto', 'id de asunto', 'asunto', 'tema',
];
const STATUS = ['status', 'state', 'état', 'etat', 'statut', '状態', 'ステータス', '状況', 'zustand', 'estado', 'health', 'santé'];
/** Words of a location (an Apple Business Manager location names its content token). */
const LOCATION = ['location', 'emplacement', '場所', 'standort', 'ubicación', 'ubicacion'];
const ORGANIZATION = ['organization', 'organisation', "nom de l'organisation", 'organización', '組織', ...LOCATION];

/** A location's label, not an organisation's: its value can name a content token, a company's cannot. */
export function isLocationLabel(label: string): boolean {
  return hasAny(normWords(label), LOCATION);
}

/** A label that is just the word "token": on a card it names one; in a list it may only say whether there is one. */
export function isBareTokenLabel(label: string): boolean {
  return BARE_TOKEN.test(normWords(label));
}

const BARE_TOKEN = /^(?:token|jeton|トークン)$/;

/** Kind words: strong ones name a kind for certain; weak ones only where nothing stronger speaks. */
const KIND_WORDS: { kind: CredentialKind; strong: RegExp; weak?: RegExp }[] = [
  {
    kind: 'apns',
    strong:
      /\bapns\b|push[- ]?(?:notification[s]? )?cert|mdm[- ]push|push mdm|certificats? (?:push|apns)|プッシュ(?:通知)?証明書|push-zertifikat|push\w*zertifikat|certificados? (?:push|de inserción)|apple push notification/,
  },
  {
    kind: 'ade',
    strong:
      /\bdep\b|\bade\b|enrol+ment program|device enrol+ment|automated device|programme d'inscription|inscription automatis|登録プログラム|enrollment program ?トークン|registrierungsprogramm|geräteregistrierung|programa de inscripción|inscripción automatizada|自動デバイス登録/,
    // In an MDM console, "the Apple Business Manager token" is its enrollment (ADE) token.
    weak: /apple (?:business|school) manager|server token|service token|jetons? (?:de |du )?serveur|サーバ ?ー?トークン|サービス ?トークン|servertoken|token del servidor|mdm[- ]?server|serveurs? mdm|mdm ?サーバ|servidor(?:es)? mdm|management service|services? de gestion|管理サービス|verwaltungsdienst|servicios? de (?:gestión|administración)/,
  },
  {
    kind: 'vpp',
    strong:
      /\bvpp\b|content tokens?|jetons? de contenu|apps (?:and|et|und|y) (?:books|livres|bücher|libros)|app ?(?:と|&) ?ブック|コンテンツ ?トークン|inhaltstoken|tokens? de contenido|volume purchas|compras? por volumen|achats? en volume|volumenkauf|ボリューム購入|一括購入|\bstoken\b/,
  },
  { kind: 'symantec', strong: /symantec/ },
];

function hasAny(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w));
}

/** The kind a page's address names (`blade=AppleVppTokenProperties`, `#view/…/appleVpp`), or null. */
export function kindInUrl(url: URL): CredentialKind | null {
  const text = decodeURIComponent(`${url.pathname} ${url.search} ${url.hash}`)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[/#?&=._~-]+/g, ' ')
    .toLowerCase();
  const kinds = new Set(kindsIn(text, 'strong'));
  if (/\bpush cert|\bmdm push\b|\bapple mdm push/.test(text)) kinds.add('apns');
  if (/\benrollment program|\bdep tokens?\b|\bade tokens?\b/.test(text)) kinds.add('ade');
  return kinds.size === 1 ? [...kinds][0]! : null;
}

/** True when normalised text says "expires" (and is not one of the other dates). */
export function saysExpiry(words: string): boolean {
  return hasAny(words, EXPIRY) && !hasAny(words, OTHER_DATE);
}

/** A text that starts with an expiry phrase: `Expires Dec 5, 2026`, `有効期限：2027/02/10`, `Expire le 3 mars 2027`. */
export const EXPIRY_PREFIX =
  /^\s*(?:expires?(?: on| le)?|expired(?: on)?|expiration(?: date)?|expiry(?: date)?|valid until|expire le|expiré le|date d'expiration|有効期限|期限|läuft ab(?: am)?|läuft am|abgelaufen am|gültig bis|ablaufdatum|caduca(?: el)?|vence(?: el)?|expira(?: el)?|venció el|caducó el)\s*[:：]?\s*/i;

const FILLER = /\b(?:apple|tokens?|jetons?|certificat(?:e|s)?|zertifikat|certificados?|program(?:me|a)?|the|de|du|des|del|der|die|das|el|la|los|las|le|les|your|vos|votre|ihre|sus|su|für|pour|para|and|et|y|und)\b|トークン|証明書|の/g;

/** A kind phrase or a heading like "Enrollment program tokens" is not a credential's name; "学園 MDM サーバ" is. */
export function isKindPhrase(text: string, own?: ConsoleWords): boolean {
  // Asked of every row's name, often twice: each text is judged once per vocabulary.
  if (!own) return commonKindPhrase(text);
  let judge = ownKindPhrase.get(own);
  if (!judge) ownKindPhrase.set(own, (judge = remembered((t: string) => kindPhraseNow(t, own))));
  return judge(text);
}

const commonKindPhrase = remembered((text: string) => kindPhraseNow(text));
const ownKindPhrase = new WeakMap<ConsoleWords, (text: string) => boolean>();

function kindPhraseNow(text: string, own?: ConsoleWords): boolean {
  const w = normWords(text);
  if (kindsIn(w, 'any', own).length === 0 || /[:：]/.test(text)) return false;
  if (own && ownKinds(w, own).length) {
    // The console's own name for a credential, and nothing else ("MDM 構成プロファイル").
    let rest = w;
    for (const [, list] of OWN_PHRASES.get(own) ?? []) for (const p of list) rest = rest.split(p).join(' ');
    if (rest.replace(FILLER, ' ').replace(/[\s\-–—|:：()]+/g, '').length === 0) return true;
  }
  const rest = w
    .replace(/\bapns\b|\bvpp\b|\bdep\b|\bade\b|\bmdm\b|push|enrol+ment|\bautomated\b|\bdevices?\b|\bapps?\b|\bbooks?\b|\bvolume purchas\w*|compras? por volumen|achats? en volume|volumenkauf\w*|ボリューム購入|inscription|registrierung\w*|inscripción|content|contenu|contenido|server|serveur|servidor|service|サーバ|サービス|登録プログラム|プッシュ(?:通知)?|コンテンツ|notification\w*/g, ' ')
    .replace(FILLER, ' ')
    .replace(/[\s\-–—|:：()]+/g, '');
  return rest.length === 0;
}

/** What a label is, or null for labels the reading layer does not need. `text` as displayed. */
export function fieldType(text: string): FieldType | null {
  const w = normWords(text);
  // Labels are short words: not an address, a link, a number or a date.
  if (!w || w.length > 60 || /@|:\/\/|\d{2,}|[:：]\s*\S/.test(w)) return null;
  if (hasAny(w, EXPIRY)) return hasAny(w, OTHER_DATE) ? 'other-date' : 'expiry';
  if (hasAny(w, APPLE_ID)) return 'appleId';
  if (hasAny(w, TOPIC)) return 'topic';
  if (hasAny(w, STATUS) && !/sync|synchro|同期|sincroniz/.test(w)) return 'status';
  if (hasAny(w, OTHER_DATE)) return 'other-date';
  if (kindsIn(w).length === 1 && isKindPhrase(text)) return 'kind';
  if (hasAny(w, ORGANIZATION)) return 'organization';
  if (/^(?:vendor|anbieter|hersteller|fournisseur|éditeur|proveedor|ベンダー|販売元)$/.test(w)) return 'vendor';
  if (/^(?:service|dienst|servicio|サービス)$/.test(w)) return 'service';
  if (hasAny(w, NAME) && w.split(' ').length <= 5) return 'name';
  // A bare "Token" label over a token's name.
  if (BARE_TOKEN.test(w) || w === 'token de servicio') return 'name';
  return null;
}

/**
 * How well a name label names a credential: 0 for a token's own name ("Token name", "Nom du
 * jeton"), 1 for a plain "Name", 2 for a connector or server name; organisation / location last.
 */
export function nameRank(label: string): number {
  const w = normWords(label);
  const own = /token|jeton|トークン|connector|connecteur|コネクタ|konnektor|conector/.test(w);
  if (own && /name|nom|名|nombre|bezeichnung/.test(w)) return 0;
  if (/^(?:name|nom|名前|nombre|bezeichnung|display name|nom d'affichage|表示名|anzeigename)$/.test(w)) return 1;
  if (own) return 1;
  return 2;
}

/** A console's own kind phrases, normalised once. */
const OWN_PHRASES = new WeakMap<ConsoleWords, [CredentialKind, string[]][]>();

function ownKinds(words: string, own: ConsoleWords): CredentialKind[] {
  let phrases = OWN_PHRASES.get(own);
  if (!phrases) {
    phrases = Object.entries(own.kinds).map(([kind, list]) => [kind as CredentialKind, (list ?? []).map((p) => normWords(p))]);
    OWN_PHRASES.set(own, phrases);
  }
  return phrases.filter(([, list]) => list.some((p) => words.includes(p))).map(([kind]) => kind);
}

/**
 * The kinds a text names (normalised words), strong words first; weak words only when no strong
 * one speaks. `own`: the console's own words (its module's `words`), strong on its pages.
 */
export function kindsIn(words: string, strength: 'strong' | 'weak' | 'any' = 'any', own?: ConsoleWords): CredentialKind[] {
  const strong = KIND_WORDS.filter((k) => k.strong.test(words)).map((k) => k.kind);
  if (own) for (const kind of ownKinds(words, own)) if (!strong.includes(kind)) strong.push(kind);
  if (strength === 'strong') return strong;
  const weak = KIND_WORDS.filter((k) => k.weak?.test(words)).map((k) => k.kind);
  if (strength === 'weak') return weak;
  return strong.length ? strong : weak;
}

/** Collects labels by what they are: the predicate the page collector uses to find fields. */
export function isFieldLabel(text: string): boolean {
  return fieldType(text) !== null;
}

/** Relative expiry text in every language: `in 12 days`, `dans 12 jours`, `12 日後`, `vor 3 Tagen`, `tomorrow`. */
const RELATIVE: { re: RegExp; sign: 1 | -1 }[] = [
  { re: /\b(?:in|within|dans|en|dentro de)\s+(\d{1,4})\s+(?:days?|jours?|tagen?|días?|dias?)\b/i, sign: 1 },
  { re: /(?:あと\s*(\d{1,4})\s*日|(\d{1,4})\s*日後)/, sign: 1 },
  { re: /\b(\d{1,4})\s+(?:days?|jours?)\s+(?:ago|left|remaining|restants?)\b/i, sign: 1 },
  { re: /\b(?:il y a|vor|hace)\s+(\d{1,4})\s+(?:jours?|tagen?|días?|dias?)\b/i, sign: -1 },
  { re: /(\d{1,4})\s*日前/, sign: -1 },
];
const TODAY = /\b(?:today|aujourd'hui|heute|hoy)\b|今日|本日/i;
const TOMORROW = /\b(?:tomorrow|demain|morgen|mañana)\b|明日/i;
const YESTERDAY = /\b(?:yesterday|hier|gestern|ayer)\b|昨日/i;

/** Days from today a relative text names (negative in the past), or null. */
export function relativeDays(text: string): number | null {
  const t = text.normalize('NFKC');
  for (const { re, sign } of RELATIVE) {
    const m = t.match(re);
    if (!m) continue;
    const n = Number(m[1] ?? m[2]);
    if (Number.isNaN(n)) continue;
    // "3 days ago" reads forward in the table above only for "left"/"remaining"; "ago" is past.
    if (/ago\b/i.test(m[0])) return -n;
    return sign * n;
  }
  if (TOMORROW.test(t)) return 1;
  if (YESTERDAY.test(t)) return -1;
  if (TODAY.test(t)) return 0;
  return null;
}

const FILLER_WORDS = ['the', 'of', 'a', 'an', 'to', 'by', 'on', 'for', 'in', 'and', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'der', 'die', 'das', 'des', 'und', 'für', 'von', 'am', 'el', 'los', 'las', 'del', 'y', 'en', 'id', 'apple', 'mdm', 'apns', 'vpp', 'dep', 'ade', 'push', 'certificate', 'certificat', 'zertifikat', 'certificado', 'enrollment', 'program', 'programme', 'programa', 'inscription', 'inscripción', 'registrierungsprogramm', 'content', 'contenu', 'contenido', 'tokens', 'jetons', 'date', 'datum', 'fecha', 'number', 'nombre', 'numéro', 'serial', 'devices', 'appareils', 'geräte', 'dispositivos', 'successful', 'réussie', 'erfolgreiche', 'correcta', 'until', 'bis', 'hasta', 'jusqu', 'au', 'server', 'serveur', 'servidor', 'service', 'services', 'management', 'gestion', 'gestión', 'verwaltung', 'settings', 'paramètres', 'einstellungen', 'configuración', 'mobile', 'device', 'プッシュ', '証明書', '通知', 'の', 'サーバ', '日', '名', '数'];
let knownWords: Set<string> | null = null;

/**
 * True for a text made only of the vocabulary's own words ("Expiration date", "Token name",
 * "有効期限", "Enrollment program tokens"): a label, safe to keep as it is in a page outline.
 * "Fabrikam tokens" is not: one of its words is the page's own.
 */
export function isVocabularyText(text: string): boolean {
  if (!knownWords) {
    knownWords = new Set(FILLER_WORDS);
    for (const list of [EXPIRY, OTHER_DATE, NAME, APPLE_ID, TOPIC, STATUS, ORGANIZATION]) for (const entry of list) for (const w of entry.split(/[\s'/-]+/)) if (w) knownWords.add(w);
  }
  const words = normWords(text).split(/[\s\-–—/|,.:()（）'’]+/).filter(Boolean);
  if (words.length === 0 || words.length > 8) return false;
  const known = knownWords;
  const cjk = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const segmentable = (w: string): boolean => {
    if (known.has(w)) return true;
    for (let i = w.length - 1; i > 0; i--) if (known.has(w.slice(0, i)) && segmentable(w.slice(i))) return true;
    return false;
  };
  return words.every((w) => known.has(w) || [...known].some((k) => k.length >= 4 && w.startsWith(k)) || (cjk.test(w) && segmentable(w)));
}

const STEM_LITERALS = ['expir', 'validit', 'gültigkeit', 'validez', '有効期間', 'renew by', 'renew before', 'renouveler avant', 'erneuern bis', 'renovar antes', 'valid unti', 'échéance', "jusqu'", '有効期限', '期限', '失効', '満了', 'ablauf', 'abgelaufen', 'läuft', 'gültig bis', 'verfällt', 'caduc', 'vencim', 'vence', 'válido hasta'];

/**
 * The cheap first test on a whole page's text: could anything on it be about an expiry? Plain
 * substring searches (fast on a 100 kB portal page), a superset of what EXPIRY_STEMS matches.
 */
export function mayMentionExpiry(text: string): boolean {
  const lower = text.toLowerCase();
  return STEM_LITERALS.some((s) => lower.includes(s));
}

export { EXPIRY_STEMS } from '../credentials/seeds';
