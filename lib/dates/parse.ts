/**
 * Reading the dates consoles print. A console shows a calendar date in the page's language:
 * `3/14/2027` (en-US), `14/03/2027` (fr), `2027/03/14` (ja), `Mar 14, 2027`, `14 mars 2027`,
 * `2027年3月14日`, often followed by a time and a zone. We return the calendar date as
 * displayed, `YYYY-MM-DD`, or null when the text holds no date or the date is ambiguous:
 * no date is better than a wrong date.
 */
import { remembered } from '../memo';
import { FOLDED_ASCII } from '../dom/read';

export type IsoDate = string;

/** Day-month order for numeric dates. */
export type Order = 'mdy' | 'dmy' | 'ymd';

/** English-speaking regions that write the day first. */
const DAY_FIRST_ENGLISH = new Set(['gb', 'au', 'nz', 'ie', 'in', 'za', 'sg', 'hk', 'my', 'ph', 'ng', 'ke', 'pk', 'mt', 'cy']);

/** The numeric order a language writes dates in, or null when we cannot tell (then only unambiguous dates are read). */
export function numericOrder(lang: string): Order | null {
  const [language, region] = lang.toLowerCase().split(/[-_]/);
  switch (language) {
    case 'en':
      if (region && DAY_FIRST_ENGLISH.has(region)) return 'dmy';
      if (region === 'ca') return null; // Canada writes both orders
      return 'mdy';
    case 'fr':
    case 'de':
    case 'es':
    case 'it':
    case 'nl':
    case 'pt':
    case 'ru':
    case 'pl':
      return 'dmy';
    case 'ja':
    case 'zh':
    case 'ko':
    case 'hu':
    case 'lt':
    case 'sv':
      return 'ymd';
    default:
      return null;
  }
}

/** Month names and abbreviations (lower case, accents kept) in the languages we read. */
const MONTHS: Record<string, number> = {};
function addMonths(names: string[][]) {
  names.forEach((variants, i) => {
    for (const v of variants) MONTHS[v] = i + 1;
  });
}
addMonths([
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
]);
addMonths([
  ['janvier', 'janv'], ['février', 'févr', 'fevrier', 'fevr', 'fév'], ['mars'], ['avril', 'avr'], ['mai'], ['juin'],
  ['juillet', 'juil'], ['août', 'aout'], ['septembre'], ['octobre'], ['novembre'], ['décembre', 'déc', 'decembre'],
]);
addMonths([
  ['januar', 'jän', 'jänner'], ['februar'], ['märz', 'mär', 'maerz'], ['april'], ['mai'], ['juni'],
  ['juli'], ['august'], ['september'], ['oktober', 'okt'], ['november'], ['dezember', 'dez'],
]);
addMonths([
  ['enero', 'ene'], ['febrero'], ['marzo'], ['abril', 'abr'], ['mayo'], ['junio'],
  ['julio'], ['agosto', 'ago'], ['septiembre', 'setiembre', 'set'], ['octubre'], ['noviembre'], ['diciembre', 'dic'],
]);

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';
const YEAR4 = '(\\d{4})';

/**
 * Whether `day` `month` `year` (month 1-12) is a day of the calendar. date-fns `isExists` answers
 * the same by building a Date; a grid's every date is asked twice (both orders), so the calendar's
 * rule is written out.
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  // Years 0-99 are none, as for isExists (a Date takes them for 1900-1999): `12/31/0001`, a
  // placeholder some consoles print for "no date", says nothing about the order of the others.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

function iso(year: number, month: number, day: number): IsoDate | null {
  if (year < 1990 || year > 2199) return null;
  if (!isRealDay(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthOf(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Numeric a/b/y (or y/a/b) read in the given order; null when the order makes it impossible. */
function numeric(first: number, second: number, year: number, order: 'mdy' | 'dmy'): IsoDate | null {
  return order === 'mdy' ? iso(year, first, second) : iso(year, second, first);
}

function expandYear(y: string): number | null {
  if (y.length === 4) return Number(y);
  if (y.length === 2) return 2000 + Number(y);
  return null;
}

/**
 * A zero-padded part beside a one-digit one ('2027/01/2', '01/2/2027'): no date format mixes
 * them, but a date cut short leaves exactly that. Not read.
 */
function mixedPadding(x: string, y: string): boolean {
  return (x.length === 2 && x[0] === '0' && y.length === 1) || (y.length === 2 && y[0] === '0' && x.length === 1);
}

/** Every printed form `candidates` reads (global: `lastIndex` is reset before each use). */
const PATTERNS = {
  cjk: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
  ymd: /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]*\d)/g,
  mdy: new RegExp(`(?<![\\p{L}])${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR4}(?!\\d)`, 'gu'),
  java: new RegExp(`(?<![\\p{L}])${MONTH_WORD}\\s+(\\d{1,2})\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(?:[A-Z]{2,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?\\s+)?${YEAR4}(?!\\d)`, 'gu'),
  dmy: new RegExp(`(?<!\\d)(\\d{1,2})(?:er|\\.)?\\s+(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?${YEAR4}(?!\\d)`, 'gu'),
  numeric: /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)/g,
};

interface Candidate {
  index: number;
  length: number;
  value: IsoDate | null;
}

/**
 * Every date-shaped span in `text`, each read (or rejected as ambiguous / impossible) in
 * `lang`. Ordered by position.
 */
function candidates(text: string, lang: string, settled?: Order | null): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d/.test(text)) return out;
  const order = settled === undefined ? numericOrder(lang) : settled;
  const seen = (index: number) => out.some((c) => index >= c.index && index < c.index + c.length);
  const push = (m: RegExpExecArray, value: IsoDate | null) => {
    if (!seen(m.index)) out.push({ index: m.index, length: m[0].length, value });
  };
  let m: RegExpExecArray | null;

  // The patterns are compiled once (module constants); each search starts at the text's start.
  const { cjk, ymd, mdy, java, dmy, numeric: numericRe } = PATTERNS;
  for (const re of [cjk, ymd, mdy, java, dmy, numericRe]) re.lastIndex = 0;
  // 2027年3月14日 (ja, zh)
  while ((m = cjk.exec(text))) push(m, iso(Number(m[1]), Number(m[2]), Number(m[3])));

  // ISO 2027-03-14, also 2027-03-14T09:40:11-0800 and year-first with / or . (2027/03/14)
  while ((m = ymd.exec(text))) push(m, mixedPadding(m[3]!, m[4]!) ? null : iso(Number(m[1]), Number(m[3]), Number(m[4])));

  // Month name first: Mar 14, 2027 / March 14 2027
  while ((m = mdy.exec(text))) {
    const month = monthOf(m[1]!);
    if (month) push(m, iso(Number(m[3]), month, Number(m[2])));
  }

  // Java's Date.toString, as old consoles print it: Thu Feb 11 02:00:00 JST 2027 (the day as shown).
  while ((m = java.exec(text))) {
    const month = monthOf(m[1]!);
    if (month) push(m, iso(Number(m[3]), month, Number(m[2])));
  }

  // Day first with month name: 14 Mar 2027 / 14 mars 2027 / 14. März 2027 / 14 de marzo de 2027 / 1er janvier 2027
  while ((m = dmy.exec(text))) {
    const month = monthOf(m[2]!);
    if (month) push(m, iso(Number(m[3]), month, Number(m[1])));
  }

  // Numeric with the year last: 3/14/2027, 14/03/2027, 14.03.2027, 3/14/27
  while ((m = numericRe.exec(text))) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = expandYear(m[4]!);
    if (year === null) continue;
    // A two-digit year is only read where the page's order is known, and not as '00'–'20': that is
    // what a four-digit 20xx cut short leaves (a page still loading, a clipped cell), and no
    // credential of today is dated 2020 or before in short form. Shown as a date not read.
    if (m[4]!.length === 2 && (!(order === 'mdy' || order === 'dmy') || year <= 2020)) {
      push(m, null);
      continue;
    }
    if (mixedPadding(m[1]!, m[3]!)) {
      push(m, null);
      continue;
    }
    const asMdy = numeric(a, b, year, 'mdy');
    const asDmy = numeric(a, b, year, 'dmy');
    if (order === 'mdy' || order === 'dmy') {
      // The page's language decides; a date impossible in that order is not re-read in the other.
      push(m, order === 'mdy' ? asMdy : asDmy);
    } else if (a === b) {
      push(m, asMdy);
    } else {
      // Unknown order (or a year-first language showing year-last dates): only one reading may be possible.
      push(m, asMdy && asDmy ? null : (asMdy ?? asDmy));
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

/**
 * The one date in `text`, or null when there is none, when there are several different ones,
 * or when it is ambiguous. `lang` is the page's language (`<html lang>`), '' when unknown.
 */
export function parseDisplayedDate(text: string, lang: string, order?: Order | null): IsoDate | null {
  return readDates(text, lang, order).value;
}

/** `parseDisplayedDate` that also tells whether `text` showed a date at all (`shown` is 0 for "in 12 days"). */
export function readDates(text: string, lang: string, order?: Order | null): { readonly shown: number; readonly value: IsoDate | null } {
  // A column repeats its dates (the same sync time on every row): each text is read once, by a
  // reader for its order and language (the order's token holds no ':', so the key is unambiguous).
  const key = `${order === undefined ? 'u' : (order ?? 'n')}:${lang}`;
  let read = readers.get(key);
  if (!read) {
    if (readers.size >= 16) readers.clear();
    readers.set(key, (read = remembered((t) => readDatesNow(t, lang, order))));
  }
  return read(text);
}

const readers = new Map<string, (text: string) => { readonly shown: number; readonly value: IsoDate | null }>();

function readDatesNow(text: string, lang: string, order?: Order | null): { shown: number; value: IsoDate | null } {
  const found = candidates(normalise(text), lang, order);
  if (found.length === 0) return { shown: 0, value: null };
  const values = new Set(found.map((c) => c.value));
  return { shown: found.length, value: values.size === 1 ? found[0]!.value : null };
}

/** Every date-shaped span in `text`, read as `parseDisplayedDate` would (null where ambiguous). */
export function findDates(text: string, lang: string): { text: string; value: IsoDate | null }[] {
  const clean = normalise(text);
  return candidates(clean, lang).map((c) => ({ text: clean.slice(c.index, c.index + c.length), value: c.value }));
}

/**
 * The orders ('mdy', 'dmy') in which every year-last numeric date in `texts` is a real date.
 * Texts without such a date say nothing. Both orders when nothing decides.
 */
export function possibleOrders(texts: readonly string[]): Set<'mdy' | 'dmy'> {
  const out = new Set<'mdy' | 'dmy'>(['mdy', 'dmy']);
  for (const raw of texts) {
    for (const m of normalise(raw).matchAll(PATTERNS.numeric)) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = expandYear(m[4]!) ?? 2000;
      const asMdy = isRealDay(year, a, b);
      const asDmy = isRealDay(year, b, a);
      // A date impossible in both orders (31/13/2027) says nothing about the order.
      if (!asMdy && asDmy) out.delete('mdy');
      if (!asDmy && asMdy) out.delete('dmy');
    }
  }
  return out;
}

/**
 * The day-month order for a set of dates printed the same way (one column, one panel): the
 * dates themselves decide when one of them is only possible in one order (`3/14/2027` makes the
 * column month-first, whatever the page's language says); otherwise the page's language; null
 * when neither decides, or when the dates contradict each other.
 */
export function settleOrder(texts: readonly string[], lang: string, wider: readonly string[] = []): Order | null {
  let possible = possibleOrders(texts);
  // The column or panel does not decide: the other dates on the page, printed by the same console, may.
  if (possible.size === 2 && wider.length) possible = possibleOrders(wider);
  if (possible.size === 1) return [...possible][0]!;
  if (possible.size === 0) return null;
  const fromLang = numericOrder(lang);
  return fromLang === 'ymd' ? null : fromLang;
}

/**
 * The language to read a page's dates in. Portals print dates in the viewer's regional format
 * while declaring only the UI language (`lang="en"`): where the page names no region, the
 * browser's own locale (the admin's), when it shares the language, says more.
 */
export function dateLanguage(pageLang: string, browserLocale?: string): string {
  const page = pageLang.toLowerCase();
  const browser = (browserLocale ?? '').toLowerCase();
  if (!browser) return page;
  if (!page) return browser;
  const [pl, pr] = page.split(/[-_]/);
  const [bl] = browser.split(/[-_]/);
  return !pr && pl === bl ? browser : page;
}

/** Folds the spaces and full-width digits consoles print into plain ones. */
export function normalise(text: string): string {
  // Printable ASCII with single spaces between words (most dates a console prints) is already folded.
  if (FOLDED_ASCII.test(text)) return text;
  return text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0F]/g, '/')
    .replace(/[\u00A0\u202F\u2007\u200B]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
