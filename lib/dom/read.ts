/**
 * Readers shared by the console adapters. They find things by what a person reads (header
 * texts, label texts, ARIA roles), never by CSS classes, which consoles rename at will.
 */

/** The text of an element as a person reads it: spaces folded, trimmed. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/**
 * A label or header reduced to what matters for matching: lower case, compatibility forms
 * folded (full-width letters, ’ for '), trailing `*`, `:` and parenthetical notes removed.
 */
export function normLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[\s*:：.]+$/, '')
    .trim();
}

/** True when a label reads as one of `synonyms` (already in normLabel form). */
export function labelIs(text: string, synonyms: readonly string[]): boolean {
  const n = normLabel(text);
  return n !== '' && synonyms.includes(n);
}

export interface TableView {
  /** The <table> or the ARIA grid / table element. */
  root: Element;
  headers: string[];
  rows: { row: Element; cells: Element[] }[];
}

const ARIA_TABLES = '[role="grid"], [role="table"], [role="treegrid"]';

/** Every HTML table and ARIA grid under `root` that has column headers. */
export function readTables(root: ParentNode): TableView[] {
  const out: TableView[] = [];
  for (const table of Array.from(root.querySelectorAll('table'))) {
    if (table.closest(ARIA_TABLES) && table.getAttribute('role') === 'presentation') continue;
    const allRows = Array.from(table.rows);
    const headerRow = allRows.find((r) => r.querySelector('th') && !r.querySelector('td')) ?? null;
    if (!headerRow) continue;
    const headers = Array.from(headerRow.cells).map(textOf);
    const rows = allRows
      .filter((r) => r !== headerRow && r.querySelector('td') && r.closest('table') === table)
      .map((row) => ({ row: row as Element, cells: Array.from(row.cells) as Element[] }));
    out.push({ root: table, headers, rows });
  }
  for (const grid of Array.from(root.querySelectorAll(ARIA_TABLES))) {
    if (grid.tagName === 'TABLE') continue;
    const rowEls = Array.from(grid.querySelectorAll('[role="row"]')).filter((r) => r.closest(ARIA_TABLES) === grid);
    const headerRow = rowEls.find((r) => r.querySelector('[role="columnheader"]'));
    if (!headerRow) continue;
    const headers = Array.from(headerRow.querySelectorAll('[role="columnheader"]')).map(textOf);
    const rows = rowEls
      .filter((r) => r !== headerRow)
      .map((row) => ({ row, cells: Array.from(row.querySelectorAll('[role="gridcell"], [role="cell"], [role="rowheader"]')) }))
      .filter((r) => r.cells.length > 0);
    out.push({ root: grid, headers, rows });
  }
  return out;
}

/** The index of the first header that reads as one of `synonyms`, or -1. */
export function columnOf(table: TableView, synonyms: readonly string[]): number {
  return table.headers.findIndex((h) => labelIs(h, synonyms));
}

export interface LabelledValue {
  label: Element;
  /** The element holding the value (a dd, a td, an input, the next sibling …). */
  value: Element;
  text: string;
}

function valueOfInput(el: Element): string {
  const input = el as HTMLInputElement;
  return typeof input.value === 'string' ? input.value.trim() : textOf(el);
}

/**
 * The value shown next to a label that reads as one of `synonyms`: `<dt>` -> `<dd>`, `<th>` ->
 * `<td>`, `<label for>` -> its control, or a label element followed by its value element.
 * Returns the first one found in document order.
 */
export function valueByLabel(root: ParentNode, synonyms: readonly string[]): LabelledValue | null {
  const candidates = root.querySelectorAll('dt, th, label, [role="rowheader"], span, div, p, strong, b, h3, h4');
  for (const label of Array.from(candidates)) {
    if (label.childElementCount > 2) continue;
    // A wrapper around a label and its field reads like the label: let the <label> itself answer.
    if (label.tagName !== 'LABEL' && label.querySelector('input, select, textarea, label')) continue;
    if (!labelIs(textOf(label), synonyms)) continue;
    const value = valueElementFor(label);
    if (!value) continue;
    const text = value instanceof Element && /^(INPUT|TEXTAREA|SELECT)$/.test(value.tagName) ? valueOfInput(value) : textOf(value);
    if (text) return { label, value, text };
  }
  return null;
}

function valueElementFor(label: Element): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    let next = label.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    return next;
  }
  if (tag === 'LABEL') {
    const id = label.getAttribute('for');
    if (id) return label.ownerDocument.getElementById(id);
    return label.querySelector('input, select, textarea') ?? label.nextElementSibling;
  }
  if (tag === 'TH' || label.getAttribute('role') === 'rowheader') return label.nextElementSibling;
  return label.nextElementSibling;
}

/** Headings, grid labels and the title: the words that say what a page (or frame) is about. */
export function pageTitles(doc: Document): string[] {
  const out = [doc.title];
  for (const el of Array.from(doc.querySelectorAll('h1, h2, [role="heading"], [aria-label][role="grid"], [aria-label][role="table"], table[aria-label], caption, [role="tab"][aria-selected="true"]'))) {
    out.push(el.getAttribute('aria-label') ?? textOf(el));
  }
  // A subtitle printed right under the page's heading ("Enrollment program token" under the token's name).
  for (const h1 of Array.from(doc.querySelectorAll('h1, h2')).slice(0, 3)) {
    const next = h1.nextElementSibling;
    if (next && /^(P|DIV|SPAN)$/.test(next.tagName) && next.childElementCount === 0) {
      const t = textOf(next);
      if (t && t.length <= 80) out.push(t);
    }
  }
  return out.map((t) => t.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'")).filter(Boolean);
}

/** True when one of the page's titles contains one of `phrases` (lower case). */
export function titledAs(titles: readonly string[], phrases: readonly string[]): boolean {
  return titles.some((t) => phrases.some((p) => t.includes(p)));
}

/** APNs push topics in a text: `com.apple.mgmt.External.<uuid>`. */
export const TOPIC_RE = /com\.apple\.mgmt\.[A-Za-z0-9_-]+\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** An Apple ID / e-mail address in a text. */
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
