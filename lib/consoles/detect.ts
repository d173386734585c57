/** Predicates the console modules recognise their pages with: titles, columns, labels. Pure. */
import { isHeaderRow, ownCells } from '../dom/collect';
import { pageTitles, textOf } from '../dom/read';
import type { ScanContext } from './adapter';
import { fieldType, mayMentionExpiry, normWords } from './vocabulary';

/** What every page kind's `detect` may ask of a page; the costly answers are worked out once, when first asked. */
export function scanContext(url: URL, doc: Document, now: Date, lang: string): ScanContext {
  let text: string | undefined;
  let columns: string[] | undefined;
  let titles: string[] | undefined;
  return {
    url,
    doc,
    now,
    lang,
    // Read when first asked: a page no kind's address claims and without an expiry word is done before.
    get titles() {
      return (titles ??= pageTitles(doc));
    },
    text: () => (text ??= doc.body?.textContent ?? ''),
    columns: () => (columns ??= columnHeaders(doc)),
  };
}

/** True when one of the page's titles contains one of `phrases` (lower case). */
export function titled(ctx: ScanContext, phrases: readonly string[]): boolean {
  return ctx.titles.some((t) => phrases.some((p) => t.includes(p)));
}

/** Column headers of every table and grid: ARIA column headers, and every HTML header row (collect's own rule). */
function columnHeaders(doc: Document): string[] {
  const out = Array.from(doc.querySelectorAll('[role="columnheader"]')).map(textOf);
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    if (row.querySelector('[role="columnheader"]') || !isHeaderRow(row, fieldType)) continue;
    out.push(...ownCells(row).map(textOf));
  }
  return out;
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
