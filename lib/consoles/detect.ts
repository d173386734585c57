/** Predicates the console modules recognise their pages with: titles, columns, labels. Pure. */
import { textOf } from '../dom/read';
import type { ScanContext } from './adapter';
import { fieldType, mayMentionExpiry, normWords } from './vocabulary';

/** True when one of the page's titles contains one of `phrases` (lower case). */
export function titled(ctx: ScanContext, phrases: readonly string[]): boolean {
  return ctx.titles.some((t) => phrases.some((p) => t.includes(p)));
}

/** Column headers of every table and grid (`<th>`, ARIA column headers, a first row of `<td>` labels). */
export function columnHeaders(doc: Document): string[] {
  const out = Array.from(doc.querySelectorAll('[role="columnheader"], thead th')).map(textOf);
  for (const row of Array.from(doc.querySelectorAll('tr'))) {
    const cells = Array.from((row as HTMLTableRowElement).cells ?? []);
    if (cells.length < 2 || row.parentElement?.tagName === 'THEAD') continue;
    // A header row of <th>s, or of short <td> labels we know (old grids); a <th> beside a <td> is a form row.
    if (cells.every((c) => c.tagName === 'TH')) out.push(...cells.map(textOf));
    else if (cells.every((c) => c.tagName === 'TD' && textOf(c).length <= 60) && cells.filter((c) => fieldType(textOf(c))).length >= 2) out.push(...cells.map(textOf));
  }
  return out;
}

/** A table or grid with an expiry column. */
export function hasExpiryColumn(doc: Document): boolean {
  return columnHeaders(doc).some((h) => fieldType(h) === 'expiry');
}

/** A column whose header matches `re` (normalised words). */
export function hasColumn(doc: Document, re: RegExp): boolean {
  return columnHeaders(doc).some((h) => re.test(normWords(h)));
}

/** The page says "expires" somewhere. */
export function hasExpiryText(doc: Document): boolean {
  return mayMentionExpiry(doc.body?.textContent ?? '');
}

/** A label element (`<th>`, `<dt>`, `<label>`, row header) that reads as one of `phrases`. */
export function hasLabel(doc: Document, phrases: readonly string[]): boolean {
  return Array.from(doc.querySelectorAll('th, dt, label, [role="rowheader"]')).some((el) => phrases.includes(normWords(textOf(el))));
}
