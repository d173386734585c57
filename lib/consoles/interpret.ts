/**
 * Interpret: turns the records collected from a page into credentials, with the one vocabulary.
 * A record becomes a credential when it has one expiry (every expiry field in it says the same
 * day) and a kind that the record, the headings above it or the recognised page make certain.
 * A date that cannot be read for certain stays null: never another day. What could not be
 * settled is returned as `unsure`, so the page can say it could not read everything.
 */
import type { CredentialKind } from '../credentials/kinds';
import { dateInDays } from '../credentials/urgency';
import { mentionsHealth, NOTICE_HINT, noticeHealth, statusHealth, worseHealth, type Health } from '../credentials/health';
import type { Steps } from '../steps';
import { remembered } from '../memo';
import { findDates, numericOrder, parseDisplayedDate, possibleOrders, readDates, type IsoDate, type Order } from '../dates/parse';
import { dateHint, primaryText, type Field, type PageRecord } from '../dom/collect';
import { EMAIL_RE, textOf, TOPIC_RE } from '../dom/read';
import type { FoundCredential } from './adapter';
import type { ConsoleWords } from './types';
import { EXPIRY_PREFIX, EXPIRY_STEMS, isBareTokenLabel, isKindPhrase, isLocationLabel, kindsIn, nameRank, normWords, relativeDays, saysExpiry, type FieldType } from './vocabulary';

export interface InterpretOptions {
  lang: string;
  now: Date;
  /** The kind the recognised page holds; null on a page of mixed kinds or one not recognised. */
  pageKind: CredentialKind | null;
  /** The page's titles (normalised), consulted after the record's own headings. */
  titles: readonly string[];
  /** Read alert sentences; structured records are always read. */
  sentences: boolean;
  /** The kind the page's address names, consulted after its titles. */
  urlKind?: CredentialKind | null;
  /** The console's own words for the credentials (its module's `words`). */
  words?: ConsoleWords;
}

export type UnsureReason = 'kind' | 'several-expiries' | 'date';

/** Something on the page that looks like a credential's expiry but could not be read for certain. */
export interface Unsure {
  reason: UnsureReason;
  kind?: CredentialKind;
  name?: string;
  appleId?: string;
  topic?: string;
  element: Element;
}

export interface Reading {
  credentials: FoundCredential[];
  unsure: Unsure[];
  /** A virtualised grid shows only part of its rows. */
  partial?: { shown: number; total: number };
}

/** Looks like a date, readable or not (`31/13/2027`, `3 Foo 2027`): a value that is trying to be one. */
/** A text that is a date and at most a time, nothing else: "2026/11/22 8:00", "Nov 22, 2026, 10:02 PM". */
const ONLY_DATE = /^(?:\d{1,4}\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,4}日?|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}),?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?$/u;
const DATE_SHAPE = /\d{1,4}\s*[/.\-年]\s*\d{1,2}\s*[/.\-月]\s*\d{1,4}|\d{1,2}\.?\s+\p{L}{3,}\.?\s+\d{4}|\p{L}{3,}\.?\s+\d{1,2},?\s+\d{4}/u;

function typeOf(f: Field): FieldType {
  return f.key as FieldType;
}

/** Every date-looking text of the page: the widest evidence of how this console prints dates. */
function pageDates(records: PageRecord[]): string[] {
  const out: string[] = [];
  for (const r of records) {
    if (r.source === 'sentence') out.push(r.text);
    for (const f of r.fields) if (DATE_SHAPE.test(f.value)) out.push(f.value);
  }
  return out;
}

type Settle = (text: string, record?: PageRecord, field?: Field) => Order | null;

/** What one date text allows (both orders, one, or none), remembered: a grid repeats its dates on every reading. Shared: not to be changed. */
const ordersOfText = remembered((text: string) => possibleOrders([text]));

/** `possibleOrders` of many texts: what all of them allow. */
function ordersOfAll(texts: readonly string[]): Set<'mdy' | 'dmy'> {
  let mdy = true;
  let dmy = true;
  for (const t of texts) {
    const set = ordersOfText(t);
    mdy &&= set.has('mdy');
    dmy &&= set.has('dmy');
    if (!mdy && !dmy) break;
  }
  const out = new Set<'mdy' | 'dmy'>();
  if (mdy) out.add('mdy');
  if (dmy) out.add('dmy');
  return out;
}

/**
 * How the dates of a page are printed, settled once per column: a date's day/month order comes
 * from its own digits, its column across the table or list, the other dates of its record, then
 * every date on the page (one console prints them alike), then the page's language. Each column
 * and the page are looked at once, so a long grid costs no more per row than a short one.
 */
function orderSettler(records: PageRecord[], lang: string): Settle {
  const columns = new Map<Element, Map<string, string[]>>();
  for (const r of records) {
    let byLabel = columns.get(r.group);
    if (!byLabel) columns.set(r.group, (byLabel = new Map()));
    for (const f of r.fields) {
      const list = byLabel.get(f.label) ?? [];
      list.push(f.value);
      byLabel.set(f.label, list);
    }
  }
  const columnOrders = new Map<string[], Set<'mdy' | 'dmy'>>();
  const allowed = ordersOfText;
  let pageOrders: Set<'mdy' | 'dmy'> | undefined;
  const fromLang = numericOrder(lang);
  return (text, record, field) => {
    let possible = allowed(text);
    if (record && field) {
      const column = columns.get(record.group)?.get(field.label) ?? [];
      let inColumn = columnOrders.get(column);
      if (!inColumn) columnOrders.set(column, (inColumn = ordersOfAll(column)));
      const others = record.fields.filter((f) => f !== field && (typeOf(f) === 'expiry' || typeOf(f) === 'other-date')).map((f) => allowed(f.value));
      possible = new Set([...possible].filter((o) => inColumn!.has(o) && others.every((s) => s.has(o))));
    }
    if (possible.size === 2) {
      pageOrders ??= possibleOrders(pageDates(records));
      if (pageOrders.size === 1) possible = pageOrders;
    }
    if (possible.size === 1) return [...possible][0]!;
    if (possible.size === 0) return null;
    return fromLang === 'ymd' ? null : fromLang;
  };
}

/** A validity period, `du 05/03/2026 au 05/03/2027`, `Mar 5, 2026 – Mar 5, 2027`: its end is the expiry. */
const RANGE = /^(.*\d.*?)\s*(?:\bau\b|\bto\b|\buntil\b|\bbis\b|\bhasta\b|\ba\b|[–—～~〜]|\s-\s)\s*(.*\d.*)$/i;

function periodEnd(text: string, lang: string): string {
  const m = RANGE.exec(text);
  return m && findDates(m[1]!, lang).length === 1 && findDates(m[2]!, lang).length === 1 ? m[2]! : text;
}

/** The day a value shows: an absolute date (a period's end), else a date in its hint (tooltip, `datetime`), else relative text. */
function readDay(value: string, settle: Settle, record: PageRecord, field: Field, opts: InterpretOptions): { day: IsoDate | null; dated: boolean } {
  const text = periodEnd(value.replace(EXPIRY_PREFIX, ''), opts.lang);
  const shown = readDates(text, opts.lang, settle(text, record, field));
  if (shown.shown) return { day: shown.value, dated: true };
  const hint = dateHint(field.element);
  if (hint) {
    const fromHint = parseDisplayedDate(hint, opts.lang, settle(hint, record, field));
    if (fromHint) return { day: fromHint, dated: true };
  }
  const days = relativeDays(text);
  if (days !== null) return { day: dateInDays(opts.now, days), dated: true };
  return { day: null, dated: DATE_SHAPE.test(text) };
}

/** The expiry in a sentence: the first date after its expiry word, or the relative days there. */
function sentenceExpiry(record: PageRecord, settle: Settle, opts: InterpretOptions): { day: IsoDate | null; dated: boolean } | null {
  const text = record.text;
  // "expires <time datetime=2027-01-15>in 54 days</time>": the machine-readable date the sentence carries.
  const times = Array.from(record.element.querySelectorAll('time[datetime]'));
  if (times.length === 1) {
    const day = parseDisplayedDate(times[0]!.getAttribute('datetime')!, opts.lang);
    const shown = findDates(textOf(times[0]!), opts.lang);
    if (day && shown.length === 0) return { day, dated: true };
  }
  const clauses = text.split(/(?<=[.!?。;])\s+(?=\S)/);
  const found: { day: IsoDate | null; dated: boolean }[] = [];
  for (const clause of clauses) {
    const m = EXPIRY_STEMS.exec(clause);
    if (!m) continue;
    const before = normWords(clause.slice(0, m.index + m[0].length + 12));
    if (!saysExpiry(before) && !/\b(?:expir|caduc|vence)/i.test(m[0])) continue;
    // Warranty, AppleCare or a licence that expires: not a credential's expiry. An example in help text is no date at all.
    if (/applecare|warranty|garantie|garantía|保証|licen|password|mot de passe|passwort|contraseña|パスワード/i.test(clause)) continue;
    if (/\b(?:for example|e\.g\.|such as|par exemple|tel(?:le)? que|z\. ?b\.|zum beispiel|wie etwa|por ejemplo)\b|例えば|たとえば|などの/i.test(clause)) continue;
    const after = clause.slice(m.index);
    const dates = findDates(after, opts.lang);
    if (dates.length) {
      found.push({ day: parseDisplayedDate(dates[0]!.text, opts.lang, settle(dates[0]!.text)), dated: true });
      continue;
    }
    // "ist am 15.11.2026 abgelaufen", "2027/03/03 に期限切れ": the clause's one date, before the word.
    const all = findDates(clause, opts.lang);
    if (all.length === 1) {
      found.push({ day: parseDisplayedDate(all[0]!.text, opts.lang, settle(all[0]!.text)), dated: true });
      continue;
    }
    // "expires in 12 days", "有効期限まであと 12 日", "12 日後に期限切れ" (the number may come before the word in Japanese).
    const days = relativeDays(after) ?? relativeDays(clause);
    if (days !== null) found.push({ day: dateInDays(opts.now, days), dated: true });
  }
  if (found.length === 0) return null;
  const days = new Set(found.map((f) => f.day));
  return days.size === 1 ? found[0]! : { day: null, dated: true };
}

type Kinds = { strong: CredentialKind[]; weak: CredentialKind[] };
/** The kinds a text names, read afresh (with a console's own words for the strong ones). */
const readKinds = (own?: ConsoleWords) => (text: string): Kinds => {
  const w = normWords(text);
  return { strong: kindsIn(w, 'strong', own), weak: kindsIn(w, 'weak') };
};
const commonKinds = remembered(readKinds(), 5000);
/** One memory per console vocabulary: the same text may name a kind on one console and not on another. */
const ownKinds = new WeakMap<ConsoleWords, (text: string) => Kinds>();

/** The kinds a text names, strong and weak, remembered: the same labels and headings repeat on every row. */
function kindsOf(text: string, own?: ConsoleWords): Kinds {
  if (!own) return commonKinds(text);
  let read = ownKinds.get(own);
  if (!read) ownKinds.set(own, (read = remembered(readKinds(own), 5000)));
  return read(text);
}

/** The kind a record is about: its own words, the headings above it, the page, its address, then weak words. */
function kindOf(record: PageRecord, opts: InterpretOptions): { kind: CredentialKind | null; evidence: boolean } {
  const own: string[] = record.fields.filter((f) => typeOf(f) !== 'status').map((f) => f.label);
  if (record.source === 'sentence') {
    own.push(record.text);
    // An alert's own title ("Volume Purchasing Service Token Will Expire") over its text: the same alert.
    const title = record.headings[0];
    if (title && EXPIRY_STEMS.test(title) && !kindsOf(record.text, opts.words).strong.length) own.push(title);
  }
  // On a page of mixed kinds (Intune's connector status), a row's name says what it is.
  if (!opts.pageKind) {
    const named = record.fields.filter((f) => typeOf(f) === 'name' || typeOf(f) === 'kind').map((f) => f.value);
    own.push(...named);
    // A row whose first column has a header we do not know ("項目", "Item"): its cells are its own words.
    if (record.source === 'row' && named.length === 0) own.push(record.text);
  }
  const ownKinds = new Set(own.flatMap((t) => kindsOf(t, opts.words).strong));
  // A push topic in the record's Subject ID field: a push certificate.
  if (record.fields.some((f) => typeOf(f) === 'topic' && TOPIC_RE.test(f.value))) ownKinds.add('apns');
  if (ownKinds.size === 1) return { kind: [...ownKinds][0]!, evidence: true };
  if (ownKinds.size > 1) return { kind: null, evidence: true };
  const ownWeak = new Set(own.flatMap((t) => kindsOf(t, opts.words).weak));
  // A sentence must say itself what it is about: a heading above an alert is not its subject.
  if (record.source === 'sentence') return ownWeak.size === 1 ? { kind: [...ownWeak][0]!, evidence: true } : { kind: null, evidence: ownWeak.size > 1 };
  let evidence = false;
  for (const heading of record.headings) {
    const kinds = new Set(kindsOf(heading, opts.words).strong);
    if (kinds.size === 1) return { kind: [...kinds][0]!, evidence: true };
    // The nearest heading that names a kind names several: a farther one (a neighbour's title,
    // the page's) does not say which of them this record is.
    if (kinds.size > 1) {
      evidence = true;
      break;
    }
  }
  if (opts.pageKind) return { kind: opts.pageKind, evidence: true };
  const titleKinds = new Set(opts.titles.flatMap((t) => kindsOf(t, opts.words).strong));
  if (titleKinds.size === 1) return { kind: [...titleKinds][0]!, evidence: true };
  if (opts.urlKind) return { kind: opts.urlKind, evidence: true };
  const weak = new Set([...ownWeak, ...record.headings.flatMap((h) => kindsOf(h, opts.words).weak)]);
  if (weak.size === 1) return { kind: [...weak][0]!, evidence: true };
  return { kind: null, evidence: evidence || weak.size > 1 || titleKinds.size > 1 };
}

/** A name without the quotes around it (`“Litware Field iPads”`). */
function stripQuotes(text: string): string {
  return text.replace(/^["“„'‘«「『]\s*|\s*["”“'’»」』]$/g, '').trim();
}

/** The text a field shows for a name: its element's first text when the element holds just this value (a cell with row actions under the name). */
function shownName(f: Field): string {
  const first = primaryText(f.element);
  // The common cell: its one text is the value.
  if (first === f.value) return stripQuotes(first);
  // The element holds this value (not a `Label: value` line among others): its first text is the name.
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  const text = first && squeeze(f.element.textContent ?? '').startsWith(squeeze(f.value).slice(0, 20)) ? first : f.value;
  return stripQuotes(text);
}

function nameOf(record: PageRecord, kind: CredentialKind, opts: InterpretOptions): string {
  // One push certificate (and one Symantec certificate) per console: no name of their own.
  if (kind === 'apns' || kind === 'symantec') return '';
  const names = record.fields
    // A "Token" column in a list says whether there is one ("Vorhanden", "Kein Token"); on a card it names it.
    .filter((f) => typeOf(f) === 'name' && !DATE_SHAPE.test(f.value) && !(record.source === 'row' && isBareTokenLabel(f.label)))
    .sort((a, b) => nameRank(a.label) - nameRank(b.label));
  for (const f of names) {
    let text = shownName(f);
    const whole = f.value;
    // 'Apple VPP Tokens: Contoso Apps – Paris' names the token after the connector's label;
    // 'Apple VPP token' over a second line 'Filiale Nord' names it on that line.
    if (/[:：]/.test(text) && kindsIn(normWords(text.split(/[:：]/)[0]!), 'any', opts.words).length) text = text.replace(/^[^:：]*[:：]\s*/, '');
    else if (isKindPhrase(text, opts.words) && whole.length > text.length && whole.startsWith(text)) text = whole.slice(text.length).trim();
    if (text && !isKindPhrase(text, opts.words)) return text;
  }
  if (record.source === 'sentence') {
    const quoted = quotedName(record.text);
    if (quoted) return quoted;
  }
  // A date or a time is never a name (a notification's timestamp under its title); a name with a version or a date in it is.
  if (record.name && !isKindPhrase(record.name, opts.words) && !ONLY_DATE.test(record.name.trim())) return stripQuotes(record.name);
  // Apple Business's 2026 list names each external management service in a "Service" column.
  const service = record.fields.find((f) => typeOf(f) === 'service' && !findDates(f.value, opts.lang).length);
  if (service && !isKindPhrase(shownName(service), opts.words)) return shownName(service);
  // A location names a content token ("Standort München"); the company that owns it does not.
  const org = record.fields.find((f) => typeOf(f) === 'organization' && isLocationLabel(f.label));
  if (org) return shownName(org);
  // A file name beside an upload field (`contoso_HQ.vpptoken`) names the file, not the credential.
  const server = record.fields.find((f) => typeOf(f) === 'kind' && !DATE_SHAPE.test(f.value) && !EXPIRY_STEMS.test(f.value) && !FILE_NAME.test(shownName(f)) && !isKindPhrase(shownName(f), opts.words));
  if (server) return shownName(server);
  // Last: a notification card whose message quotes the name (自動デバイス登録インスタンス「Contoso Schools」の…).
  if (record.source === 'item') return quotedName(record.text) ?? '';
  return '';
}

/** A page's text kept for a credential: a name a page made a megabyte long is cut (the rest is no name). */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** A token or certificate file's name. */
const FILE_NAME = /\.(?:vpptoken|p7m|pem|cer|crt|p12|pfx|plist|csr)\b/i;

/** A name in quotes, each language's pair of quotes (a straight ' only around words, never inside one: d'inscription). */
const QUOTES = [/"([^"]{1,80})"/, /“([^”“]{1,80})”/, /„([^“”]{1,80})[“”]/, /«\s*([^»]{1,80}?)\s*»/, /「([^」]{1,80})」/, /『([^』]{1,80})』/, /‘([^’]{1,80})’/, /(?<![\p{L}\p{N}])'([^']{1,80})'(?![\p{L}\p{N}])/u];

function quotedName(text: string): string | undefined {
  let best: { index: number; name: string } | undefined;
  for (const re of QUOTES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, name: m[1]!.trim() };
  }
  return best?.name;
}

function firstMatch(fields: Field[], type: FieldType, re: RegExp): string | undefined {
  for (const f of fields) if (typeOf(f) === type) {
    const m = f.value.match(re)?.[0];
    if (m) return m;
  }
  return undefined;
}

/** Status words on their own in a card (a badge or pill: "Aktiv", "Läuft bald ab", "Expired"): the worst one, or null. */
function badgeHealth(record: PageRecord): Health | null {
  let worst: Health | null = null;
  const skip = new Set<Element>(record.fields.map((f) => f.element));
  if (record.nameElement) skip.add(record.nameElement);
  const all = record.element.getElementsByTagName('*');
  for (let i = 0; i < all.length && i < 80; i++) {
    const el = all[i]!;
    if (el.firstElementChild || skip.has(el)) continue;
    const text = el.textContent ?? '';
    if (text.length < 2 || text.length > 40) continue;
    const h = statusHealth(text);
    if (h !== 'unknown') worst = worst ? worseHealth(worst, h) : h;
  }
  return worst;
}

/** "Expiring soon" or "expired" in a sentence, when its date (if any) says the same. */
function dateWords(text: string, day: IsoDate | null, now: Date): Health | null {
  const said = statusHealth(text);
  if (said !== 'expired' && said !== 'expiring') return null;
  if (!day) return said;
  const today = dateInDays(now, 0);
  if (said === 'expired') return day < today ? said : null;
  return day >= today && day <= dateInDays(now, 60) ? said : null;
}

/** A record's text without the names in it (its name fields, its title, quoted names): a token may be called "Duplicate test". */
function withoutNames(record: PageRecord): string {
  let text = record.text;
  for (const f of record.fields) if (typeOf(f) === 'name' && f.value) text = text.split(f.value).join(' ');
  if (record.name) text = text.split(record.name).join(' ');
  for (const q of QUOTES_ALL) text = text.replace(q, ' ');
  return text;
}
const QUOTES_ALL = QUOTES.map((q) => new RegExp(q.source, `${q.flags}g`));

/** What one record says: a credential, what could not be settled, a state said of no credential in particular. */
interface Outcome {
  credential?: FoundCredential;
  unsure: Unsure[];
  /** Terms to accept, said of no credential in particular. */
  pageTerms?: true;
  /** A state said by a notice that names no token. */
  nameless?: { kind: CredentialKind; health: Health; anchor: Element; strong: boolean };
  partial?: Reading['partial'];
}

/**
 * Each record's outcome, with what it was read under. A record collected again from a part of the
 * page that did not change is the same object (lib/dom/collect.ts): its outcome is taken again when
 * the options are the same and each day/month order it asked for is answered the same.
 */
interface KeptOutcome {
  key: string;
  words: ConsoleWords | undefined;
  asks: [string, Field | undefined, Order | null][];
  outcome: Outcome;
}

/** Where a record keeps its outcome: on the record itself (a WeakMap of hundreds of rows costs the collector more). */
const OUTCOME = Symbol('outcome');
type WithOutcome = PageRecord & { [OUTCOME]?: KeptOutcome };

/** Reads the records of a page, pausing every few records. */
export function* interpretSteps(records: PageRecord[], opts: InterpretOptions): Steps<Reading> {
  const settle = orderSettler(records, opts.lang);
  yield;
  // Everything an outcome depends on besides its record and the orders it asks for (`now` by its day).
  const key = JSON.stringify([opts.lang, dateInDays(opts.now, 0), opts.pageKind, opts.sentences, opts.urlKind ?? null, opts.titles]);
  const credentials: FoundCredential[] = [];
  const unsure: Unsure[] = [];
  let partial: Reading['partial'];
  let pageTerms = false;
  /** States said by notices that name no token ("Certificado push (APNs) revocado"). */
  const nameless: NonNullable<Outcome['nameless']>[] = [];
  let n = 0;
  for (const record of records) {
    if (++n % 3 === 0) yield;
    if (record.source === 'sentence' && !opts.sentences) continue;
    let read = (record as WithOutcome)[OUTCOME];
    if (!read || read.key !== key || read.words !== opts.words || !read.asks.every(([text, field, order]) => settle(text, field && record, field) === order)) {
      const asks: [string, Field | undefined, Order | null][] = [];
      const asked: Settle = (text, r, field) => {
        const order = settle(text, r, field);
        asks.push([text, field, order]);
        return order;
      };
      read = { key, words: opts.words, asks, outcome: readRecord(record, asked, opts) };
      // Not enumerable: a copy of the record (collect copies one to add a detail row to it) does not carry it.
      Object.defineProperty(record, OUTCOME, { value: read, writable: true, configurable: true, enumerable: false });
    }
    const outcome = read.outcome;
    // Unsure entries and notices are only read from here on; a credential is changed below (dedupe, notices): a copy.
    if (outcome.unsure.length) unsure.push(...outcome.unsure);
    if (outcome.pageTerms) pageTerms = true;
    if (outcome.nameless) nameless.push(outcome.nameless);
    if (outcome.partial) partial = outcome.partial;
    if (outcome.credential) credentials.push({ ...outcome.credential });
  }
  // A nameless notice is about the page's one credential of its kind; with none read, it is one of its own
  // (CLOMO's single DEP token); with several, it cannot say which (a portal's note about revoked certificates).
  for (const notice of nameless) {
    const same = credentials.filter((c) => c.kind === notice.kind && (c.expiresOn || c.name));
    if (same.length === 1) same[0]!.health = same[0]!.health ? worseHealth(same[0]!.health, notice.health) : notice.health;
    else if (same.length === 0 && notice.strong && !credentials.some((c) => c.kind === notice.kind)) credentials.push({ kind: notice.kind, name: '', expiresOn: null, health: notice.health, via: 'alert', anchor: notice.anchor });
  }
  if (pageTerms) {
    for (const c of credentials) if ((c.kind === 'ade' || c.kind === 'vpp') && (!c.health || worseHealth(c.health, 'terms-pending') === 'terms-pending')) c.health = 'terms-pending';
  }
  return { credentials: dedupe(credentials), unsure, ...(partial ? { partial } : {}) };
}

/** One record: its credential if it makes one, and what it leaves unsure. */
function readRecord(record: PageRecord, settle: Settle, opts: InterpretOptions): Outcome {
  const out: Outcome = { unsure: [] };
  const unsure = out.unsure;
  // The expiry: every expiry field (and a kind field whose value says "Expires …") must agree.
  const expiryFields = record.fields.filter(
    (f) => typeOf(f) === 'expiry' || (typeOf(f) === 'kind' && (EXPIRY_PREFIX.test(f.value) || (DATE_SHAPE.test(f.value) && f.value.length < 60))),
  );
  let expiry: { day: IsoDate | null; dated: boolean } | null = null;
  let anchor: Element = record.element;
  // What the record says of the credential's health beyond its date: its status value, else a
  // badge or notice in its text (its name left out: a token may be called "Duplicate test").
  const statusField = record.fields.find((f) => typeOf(f) === 'status');
  const status = statusField ? primaryText(statusField.element) || statusField.value : '';
  // Its text without names, worked out only where a notice word or a sentence may need it (not for every row of a long grid).
  let unnamedText: string | undefined;
  const unnamed = () => (unnamedText ??= withoutNames(record));
  let health = status
    ? statusHealth(status)
    : ((NOTICE_HINT.test(record.text) ? noticeHealth(unnamed()) : null) ?? (record.source === 'item' ? badgeHealth(record) : null));
  if (record.source === 'sentence') {
    expiry = sentenceExpiry(record, settle, opts);
    // A notice without a date ("The VPP token 'X' is assigned to another MDM") still says something.
    if (!expiry && health) expiry = { day: null, dated: false };
    // "… is expiring soon", "… expired on …": said where the sentence's own date agrees (or it has none).
    if (!health && expiry) health = dateWords(unnamed(), expiry.day, opts.now);
  } else {
    const read = expiryFields.map((f) => ({ f, ...readDay(f.value, settle, record, f, opts) })).filter((r) => r.dated);
    if (read.length) {
      const days = new Set(read.map((r) => r.day));
      const withDay = read.find((r) => r.day) ?? read[0]!;
      anchor = withDay.f.element;
      expiry = days.size === 1 || (days.size === 2 && days.has(null)) ? { day: withDay.day, dated: true } : { day: null, dated: true };
      if (days.size > 1 && !(days.size === 2 && days.has(null))) unsure.push({ reason: 'several-expiries', element: anchor });
    }
  }
  if (!expiry) return out;
  // A certificate for another Apple service (the Apple portal lists them beside MDM ones) is not ours.
  const service = record.fields.find((f) => typeOf(f) === 'service');
  if (service && record.fields.some((f) => typeOf(f) === 'vendor') && !/mobile device management|\bmdm\b|gestion des appareils|geräteverwaltung|gestión de dispositivos|モバイルデバイス管理/i.test(service.value)) return out;
  const { kind: ownKind, evidence } = kindOf(record, opts);
  // A notice naming a token in quotes but not its kind ("Jeton révoqué : « X »") on a page that holds one kind: that kind.
  const kind = ownKind ?? (record.source === 'sentence' && health && opts.pageKind && quotedName(record.text) ? opts.pageKind : null);
  // An alert that names the Apple ID to renew with ("… con el ID de Apple mdm@contoso.example").
  const appleId =
    firstMatch(record.fields, 'appleId', EMAIL_RE) ??
    (record.source === 'sentence' && /apple[- ]?id|id(?:\.)? de apple|identifiant apple|id apple|apple アカウント|apple account/i.test(record.text) ? record.text.match(EMAIL_RE)?.[0] : undefined);
  const topic = firstMatch(record.fields, 'topic', TOPIC_RE) ?? record.text.match(TOPIC_RE)?.[0];
  if (!kind) {
    // Terms to accept, said of no credential in particular, are the account's: every token on the page waits for them.
    if (health === 'terms-pending' && !expiry.dated) out.pageTerms = true;
    if (evidence) unsure.push({ reason: 'kind', element: anchor, ...(appleId ? { appleId } : {}), ...(topic ? { topic } : {}) });
    return out;
  }
  const found: FoundCredential = { kind, name: clip(nameOf(record, kind, opts)), expiresOn: expiry.day, anchor };
  // A notice without a date names its token in quotes or in bold; a bold text that is the notice
  // itself ("利用規約が更新されました。") names nothing.
  if (!expiry.dated && found.name && mentionsHealth(found.name) && !quotedName(record.text)) found.name = '';
  if (!expiry.dated && !found.name) {
    // Terms said of no token are the account's; another state goes to the page's one credential of that kind (below).
    if (health === 'terms-pending') out.pageTerms = true;
    else if (health) {
      // Named by a weak word only ("… de Apple Business Manager" in a VPP token's warning): the page's kind, if it holds one.
      const strong = kindsOf(record.text, opts.words).strong.includes(kind);
      out.nameless = { kind: strong ? kind : (opts.pageKind ?? kind), health, anchor, strong };
    }
    return out;
  }
  if (appleId) found.appleId = appleId;
  if (status) found.status = clip(status);
  // The Apple portal lists certificates by the vendor they were made for: every Intune tenant's
  // says "Microsoft Corporation". Kept as a detail; the certificate is told apart by its topic.
  const vendor = record.fields.find((f) => typeOf(f) === 'vendor');
  if (vendor && kind === 'apns') found.vendor = clip(shownName(vendor));
  if (health) found.health = health;
  if (record.source === 'sentence') found.via = 'alert';
  if (topic) found.topic = topic;
  if (!found.expiresOn && expiry.dated) unsure.push({ reason: 'date', kind, ...(found.name ? { name: found.name } : {}), ...(appleId ? { appleId } : {}), ...(topic ? { topic } : {}), element: anchor });
  if (record.partial) out.partial = record.partial;
  out.credential = found;
  return out;
}

/** The same credential shown twice (a list row and its details pane, a banner and the panel) is one. */
function dedupe(list: FoundCredential[]): FoundCredential[] {
  const out: FoundCredential[] = [];
  // Only a credential of the same kind and name can be the same: a long grid is not compared row by row.
  const byName = new Map<string, FoundCredential[]>();
  for (const c of list) {
    const key = `${c.kind}\u0000${c.name}`;
    const alike = byName.get(key);
    const same = alike?.find((o) => (o.expiresOn === c.expiresOn || !o.expiresOn || !c.expiresOn) && (!o.topic || !c.topic || o.topic === c.topic));
    if (!same) {
      out.push(c);
      if (alike) alike.push(c);
      else byName.set(key, [c]);
      continue;
    }
    if (!same.expiresOn && c.expiresOn) {
      same.expiresOn = c.expiresOn;
      if (c.anchor) same.anchor = c.anchor;
    }
    if (!same.appleId && c.appleId) same.appleId = c.appleId;
    if (!same.topic && c.topic) same.topic = c.topic;
    if (!same.status && c.status) same.status = c.status;
    // The worse state wins on one page; what the credential's own row says makes it no longer an alert.
    if (c.health) same.health = same.health ? worseHealth(same.health, c.health) : c.health;
    if (!c.via) delete same.via;
  }
  return out;
}
