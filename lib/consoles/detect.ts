/** Predicates the console modules recognise their pages with: titles, columns, labels. Pure. */
import { isHeaderRow, ownCells } from '../dom/collect';
import { changeLog, type Change, type Since } from '../dom/changes';
import { pageTitlesFrom, textOf } from '../dom/read';
import type { ScanContext } from './adapter';
import { fieldType, mayMentionExpiry, normWords } from './vocabulary';

/** What the last scans of a document worked out about it, kept while what they read does not change. */
interface Known {
  /** `subtitles`: each of the first headings, the element after it, and whether that element could be a subtitle (`pageTitlesFrom`). */
  titles?: { value: string[]; title: string; elements: Element[]; subtitles: [Element, Element | null, boolean][] };
  columns?: { value: string[]; elements: Element[] };
  text?: string;
}
const known = new WeakMap<Document, Known>();

/** The next scan of `doc` works its titles, columns and text out afresh. */
export function forgetContext(doc: Document): void {
  known.delete(doc);
}

/** Where a page's titles are: a change inside one of these, or one of them added or removed, changes them. */
const TITLE_TEXT = 'h1, h2, caption, [role="heading"], [role="tab"]';
const TITLE_BEARERS = 'h1, h2, caption, [role="heading"], [role="grid"][aria-label], [role="table"][aria-label], [role="tab"], table[aria-label]';
const TITLE_ATTRIBUTES = new Set(['role', 'aria-label', 'aria-selected']);
/** Where column headers are (any table row may read as a header row). */
const COLUMN_TEXT = '[role="columnheader"], tr';
const COLUMN_BEARERS = '[role="columnheader"], tr, thead, table';

/** The element a change happened in (a text node's parent), or null. */
function elementOf(change: Change): Element | null {
  const n = change.node;
  return n.nodeType === 1 ? (n as Element) : n.parentElement;
}

/** True when one of `changes` may change what was read: inside `inside`, adding or removing a `bearers`, or an attribute of `attributes`. */
function touches(changes: readonly Change[], inside: string, bearers: string, attributes: ReadonlySet<string>): boolean {
  // Many changes happen in one element (its text replaced: a removal and an addition): asked once each.
  const asked = new Set<Element>();
  for (const c of changes) {
    if (typeof c.what === 'object') {
      if (attributes.has(c.what.attribute)) return true;
      continue;
    }
    const el = elementOf(c);
    if (!el) continue;
    if (!asked.has(el)) {
      asked.add(el);
      if (el.closest(inside)) return true;
    }
    if ((c.what === 'added' || c.what === 'removed') && c.node.nodeType === 1 && (el.matches(bearers) || el.querySelector(bearers))) return true;
  }
  return false;
}

/** What of `known` still holds after `since`; the rest is dropped. */
function stillKnown(doc: Document, was: Known, since: Since): Known {
  if (since.all) return {};
  const { changes } = since;
  const out: Known = {};
  const t = was.titles;
  if (
    t &&
    t.title === doc.title &&
    t.elements.every((el) => el.isConnected) &&
    t.subtitles.every(([h, next, could]) => h.nextElementSibling === next && !(next && (could || mayBeSubtitle(next)) && changes.some((c) => next.contains(c.node)))) &&
    !touches(changes, TITLE_TEXT, TITLE_BEARERS, TITLE_ATTRIBUTES)
  )
    out.titles = t;
  const cols = was.columns;
  if (cols && cols.elements.every((el) => el.isConnected) && !touches(changes, COLUMN_TEXT, COLUMN_BEARERS, new Set(['role']))) out.columns = cols;
  if (was.text !== undefined && changes.every((c) => typeof c.what === 'object')) out.text = was.text;
  return out;
}

/**
 * What every page kind's `detect` may ask of a page; the costly answers are worked out once, when
 * first asked, and kept for the next scan of the same document while nothing they were read from
 * changes (lib/dom/changes.ts).
 */
export function scanContext(url: URL, doc: Document, now: Date, lang: string): ScanContext {
  const log = changeLog(doc);
  let memo: Known = {};
  if (log) {
    const since = log.since('context');
    memo = stillKnown(doc, known.get(doc) ?? {}, since);
    known.set(doc, memo);
    // What is worked out from here on is read after `since`: a change from now on is news to the next scan.
    log.done('context', since);
  }
  return {
    url,
    doc,
    now,
    lang,
    // Read when first asked: a page no kind's address claims and without an expiry word is done before.
    get titles() {
      return (memo.titles ??= titlesOf(doc)).value;
    },
    text: () => (memo.text ??= doc.body?.textContent ?? ''),
    columns: () => (memo.columns ??= columnHeaders(doc)).value,
  };
}

/** The page's titles, with the elements they were read from. */
function titlesOf(doc: Document): NonNullable<Known['titles']> {
  const { titles, elements } = pageTitlesFrom(doc);
  const headings = elements.filter((el) => el.tagName === 'H1' || el.tagName === 'H2').slice(0, 3);
  return { value: titles, title: doc.title, elements, subtitles: headings.map((h) => [h, h.nextElementSibling, !!h.nextElementSibling && mayBeSubtitle(h.nextElementSibling)]) };
}

/** An element after a heading that `pageTitlesFrom` reads as its subtitle when its text is short: a change inside any other (a list, a grid, a section with elements in it) is no subtitle's. */
function mayBeSubtitle(el: Element): boolean {
  return /^(P|DIV|SPAN)$/.test(el.tagName) && !el.firstElementChild;
}

/** True when one of the page's titles contains one of `phrases` (lower case). */
export function titled(ctx: ScanContext, phrases: readonly string[]): boolean {
  return ctx.titles.some((t) => phrases.some((p) => t.includes(p)));
}

/** Column headers of every table and grid: ARIA column headers, and every HTML header row (collect's own rule). */
function columnHeaders(doc: Document): NonNullable<Known['columns']> {
  const elements = Array.from(doc.querySelectorAll('[role="columnheader"]'));
  const value = elements.map(textOf);
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    if (row.querySelector('[role="columnheader"]') || !isHeaderRow(row, fieldType)) continue;
    elements.push(row);
    value.push(...ownCells(row).map(textOf));
  }
  return { value, elements };
}

/** A table or grid with an expiry column. */
export function hasExpiryColumn(ctx: ScanContext): boolean {
  return ctx.columns().some((h) => fieldType(h) === 'expiry');
}

/** A column whose header matches `re` (normalised words). */
export function hasColumn(ctx: ScanContext, re: RegExp): boolean {
  return ctx.columns().some((h) => re.test(normWords(h)));
}

/** The page says "expires" somewhere. */
export function hasExpiryText(ctx: ScanContext): boolean {
  return mayMentionExpiry(ctx.text());
}

/** A label element (`<th>`, `<dt>`, `<label>`, row header) that reads as one of `phrases`. */
export function hasLabel(ctx: ScanContext, phrases: readonly string[]): boolean {
  return Array.from(ctx.doc.querySelectorAll('th, dt, label, [role="rowheader"]')).some((el) => phrases.includes(normWords(textOf(el))));
}
