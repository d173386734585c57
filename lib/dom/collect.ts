/**
 * Collect: everything on a page a person would read as "this label, that value", grouped into
 * records: a table or grid row, a card or list item, a details panel, an alert sentence. It
 * knows nothing about credentials: the caller says which texts are labels worth collecting
 * (`labelKey`) and which texts mark a region worth reading at all (`isSeed`).
 *
 * Structures read (see ../shared/REAL-WORLD.md): `<table>`s with `<th>` or `<td>` header rows,
 * headers in a separate table above the body, checkbox columns, detail rows under a row; ARIA
 * grids (Fluent DetailsList: `aria-colindex`, `data-item-key` ↔ `data-automation-key`,
 * virtualised rows); `<dl>`; `<label for>` and `aria-labelledby`; two-column form tables;
 * label/value `<div>`s; `Label: value` runs inside one element (with or without `<b>`); cards and
 * list items; sentences in alerts. Open shadow roots are walked. The work is one walk over the
 * page's text nodes plus work proportional to the regions that hold a seed.
 */
import type { Steps } from '../steps';
import { changeLog, type Change } from './changes';
import { FOLDED_ASCII, OWN_TAGS, textOf } from './read';

export interface Field {
  /** The label as displayed. */
  label: string;
  /** The caller's key for the label (what it means). */
  key: string;
  /** The value as displayed. */
  value: string;
  /** The element holding the value: where a badge goes. */
  element: Element;
}

export type RecordSource = 'row' | 'item' | 'sentence';

export interface PageRecord {
  source: RecordSource;
  fields: Field[];
  /** A heading, bold text or first text that names the item (cards, list rows, sentences). */
  name?: string;
  nameElement?: Element;
  /** All text of the record (a row with its detail row, an item, a sentence). */
  text: string;
  /** The row, item or sentence block. */
  element: Element;
  /** Records that came from one table, grid or list share it (dates in a column are printed alike). */
  group: Element;
  /** What the record sits under, nearest first: the grid's label or caption, headings above it. */
  headings: string[];
  /** The grid shows only part of its rows (virtualised: `aria-rowcount` says there are more). */
  partial?: { shown: number; total: number };
}

export interface CollectOptions {
  /** What a label means, or null when it is not a label worth collecting. */
  labelKey(text: string): string | null;
  /** True for a text that marks a region worth reading (an expiry word). */
  isSeed(text: string): boolean;
  /** True for a text that says something about a credential without a date ("… was revoked"): it makes a sentence record of its own. */
  isNotice?(text: string): boolean;
  /** A cheap first look every text node of the page gets (one test for seeds and notices alike): only texts it passes are asked the two above, which decide. */
  candidate?(text: string): boolean;
  /**
   * `candidate` for a run of texts joined together (an element's whole `textContent`): true
   * whenever one of the texts would pass `candidate`. Lets the first walk pass over a subtree with
   * one read of its text instead of visiting its nodes.
   */
  candidateSpan?(text: string): boolean;
  /** The key of the pairs that make items (one item per expiry): a card, a row, a panel is as large as it can be without a second one. */
  itemKey: string;
  /** Splits a text that starts with a seed phrase into label and value (`Expires Dec 5, 2026`), or null. */
  splitSeed?(text: string): { label: string; value: string } | null;
}

const CELL = 'th, td, [role="columnheader"], [role="gridcell"], [role="cell"], [role="rowheader"]';
const GRID = 'table, [role="grid"], [role="table"], [role="treegrid"]';
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'OBJECT', 'SELECT', 'OPTION']);
const BLOCKS = new Set(['P', 'LI', 'DIV', 'SECTION', 'ARTICLE', 'TD', 'DD', 'BLOCKQUOTE', 'ASIDE', 'MAIN', 'BODY', 'FORM', 'FIELDSET', 'HEADER', 'FOOTER', 'UL', 'OL', 'DL', 'TR', 'TABLE']);
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], caption, legend';
/** Headings that open a section of a page (not a table's caption or a fieldset's legend). */
const SECTION_HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** Elements that flow inside a line of text; any other element (a <br>, a block) separates words. */
const INLINE = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'A', 'LABEL', 'BUTTON', 'TIME', 'SMALL', 'FONT', 'Q', 'CODE', 'MARK', 'U', 'ABBR', 'SUP', 'SUB', 'S', 'DEL', 'INS', 'BDI', 'BDO', 'DATA', 'WBR']);
const MAX_LABEL = 80;
const MAX_SENTENCE = 400;
const MAX_SEEDS = 600;
/** Above this many places changed in one part of the page, it is walked whole again. */
const MAX_ROOTS = 200;

/** Subtrees nobody reads: scripts, styles, hidden parts, form options and Token Radar's own UI. */
const SKIP_SELECTOR = [...new Set([...SKIP_TAGS].map((t) => t.toLowerCase())), '[hidden]', ...OWN_TAGS].join(', ');

function isOwnTag(tag: string): boolean {
  return tag.includes('-') && tag.startsWith('TOKEN-RADAR');
}

/**
 * Walks the text nodes of a document or element and of every open shadow root under it,
 * skipping scripts, styles, hidden subtrees and our own UI. Used inside the regions a seed
 * picked out; the whole page is only ever walked by `findSeeds`.
 */
function walkText(root: Node, visit: (node: Text) => void, hosts?: Set<Element>): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      visit(node as Text);
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (skipped(el)) {
      // Past this element's subtree.
      let next = walker.nextSibling();
      while (!next && walker.parentNode()) next = walker.nextSibling();
      node = next;
      continue;
    }
    if (el.shadowRoot) {
      hosts?.add(el);
      walkText(el.shadowRoot, visit, hosts);
    }
    node = walker.nextNode();
  }
}

/** The open shadow roots directly under `root` (not those nested in another shadow root), outside skipped subtrees. */
function* shadowRootsIn(root: Document | Element | ShadowRoot): Steps<ShadowRoot[]> {
  const out: ShadowRoot[] = [];
  // A walker, not a live collection: it goes on from where it paused, while a live collection's
  // index restarts from the top whenever the page changed in the pause.
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let n = 0;
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (++n % 2000 === 0) yield;
    const sr = el.shadowRoot;
    if (sr && !el.closest(SKIP_SELECTOR)) out.push(sr);
  }
  return out;
}

/**
 * Above this many characters, a subtree whose text may hold a seed is narrowed down by its
 * children's whole texts before its text nodes are visited one by one.
 */
const NARROW_ABOVE = 2000;

/** What one search for seeds is after, and how much narrowing it may still spend. */
interface SeedSearch {
  test(text: string): boolean;
  limit: number;
  out: Text[];
  /** See `CollectOptions.candidateSpan`. */
  span?(text: string): boolean;
  /** Characters the narrowing may still read again; past them, the text nodes are visited one by one. */
  budget: number;
}

/** Whether a text node is a seed: its text passes `test`, and it is in no skipped subtree (checked last: few texts pass). */
function isSeedNode(node: Text, test: (text: string) => boolean): boolean {
  const data = node.data;
  if (data.length < 2 || !test(data)) return false;
  const parent = node.parentElement;
  return !!parent && !parent.closest(SKIP_SELECTOR);
}

/** The text nodes under `root` that pass the search's test, one by one, in document order. */
function* visitSeeds(root: Node, search: SeedSearch): Steps<void> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const { out, limit, test } = search;
  let n = 0;
  for (let node = walker.nextNode() as Text | null; node && out.length < limit; node = walker.nextNode() as Text | null) {
    if (++n % 1000 === 0) yield;
    if (isSeedNode(node, test)) out.push(node);
  }
}

/**
 * The seeds under `node`, whose whole text (`text`) the search's span test passed. A large
 * subtree is narrowed down: each child element's whole text is read in one native call and only
 * the children it may hold a seed in are searched further. Most of a console page (navigation, a
 * device list) is then passed over without touching its nodes one by one, which in a content
 * script's world costs a wrapper per node the first time. Document order is kept.
 */
function* narrowSeeds(node: Node, text: string, search: SeedSearch): Steps<void> {
  if (text.length < NARROW_ABOVE || search.budget <= 0) {
    yield* visitSeeds(node, search);
    return;
  }
  const { out, limit, test, span } = search;
  let n = 0;
  for (let child = node.firstChild; child && out.length < limit; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (isSeedNode(child as Text, test)) out.push(child as Text);
      continue;
    }
    if (child.nodeType !== 1 || SKIP_TAGS.has((child as Element).tagName)) continue;
    if (++n % 50 === 0) yield;
    const inner = child.textContent ?? '';
    search.budget -= inner.length;
    if (inner.length >= 2 && span!(inner)) yield* narrowSeeds(child, inner, search);
  }
}

/**
 * The text nodes that pass `test`, in the page and its open shadow roots, up to `limit`. The
 * whole-page pass. With `span` (a test a run of joined texts passes whenever one of them passes
 * `test`), subtrees whose whole text fails it are passed over unvisited; without it, the walker
 * visits text nodes only (elements stay in the browser's native code). The few texts that pass
 * are checked for a skipped ancestor afterwards.
 */
function* findSeeds(
  root: Document | Element | ShadowRoot,
  test: (text: string) => boolean,
  limit: number,
  span?: (text: string) => boolean,
  out: Text[] = [],
  onShadow?: (root: ShadowRoot) => void,
): Steps<Text[]> {
  const search: SeedSearch = { test, limit, out, span, budget: 0 };
  if (span) {
    const top = root.nodeType === 9 ? (root as Document).documentElement : root;
    const text = top?.textContent ?? '';
    // Narrowing may read the page's text again twice over at most, then visits nodes one by one.
    search.budget = text.length * 2;
    if (top && span(text)) yield* narrowSeeds(top, text, search);
  } else yield* visitSeeds(root, search);
  if (out.length >= limit) return out;
  yield;
  for (const sr of yield* shadowRootsIn(root)) {
    onShadow?.(sr);
    if (out.length < limit) yield* findSeeds(sr, test, limit, span, out, onShadow);
  }
  return out;
}

/**
 * Whether any text of the page passes `test` (its open shadow roots included; scripts, styles,
 * hidden subtrees and our own UI not): the question a dormant console frame asks before it loads
 * the reader, the same first walk the reader makes.
 */
export function* anyText(root: Document | Element, test: (text: string) => boolean, span?: (text: string) => boolean): Steps<boolean> {
  return (yield* findSeeds(root, test, 1, span)).length > 0;
}

/**
 * The text of an element as a person reads it: a line break or a block between two texts is a
 * space (`10/2/2027<br>3:18 PM` is not `10/2/20273:18 PM`), private-use icon glyphs (sort arrows,
 * drop hints) are dropped, spaces folded.
 */
function cleanText(el: Element | null | undefined): string {
  if (!el) return '';
  if (!el.firstElementChild || inlineOnly(el)) {
    const text = el.textContent ?? '';
    // Printable ASCII, spaces single (most cells): already what a person reads.
    return FOLDED_ASCII.test(text) ? text : textOf(el).replace(/[\uE000-\uF8FF]/g, '').trim();
  }
  // No text at all (a checkbox cell, an icon): nothing to walk.
  if (!/\S/.test(el.textContent ?? '')) return '';
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 1 | 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) out += (n as Text).data;
    else if (!INLINE.has((n as Element).tagName)) out += ' ';
  }
  return out.replace(/[\uE000-\uF8FF]/g, '').replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** True when `el` is one of `set` or inside one (in the same tree: `contains` does not cross into a shadow root either). */
function within(el: Element, set: ReadonlySet<Element>): boolean {
  if (!set.size) return false;
  for (let up: Element | null = el; up; up = up.parentElement) if (set.has(up)) return true;
  return false;
}

/**
 * `el.childElementCount`, counted no further than `max + 1`: the browser counts every child on
 * each call, and a long list's container (or a page's navigation) has thousands, asked once per
 * item around it.
 */
export function childCount(el: Element, max: number): number {
  let n = 0;
  for (let c = el.firstElementChild; c && n <= max; c = c.nextElementSibling) n++;
  return n;
}

/** True when every element under `el` (a few at most) flows inside a line: its text is its textContent. */
function inlineOnly(el: Element): boolean {
  let n = 0;
  for (let c = el.firstElementChild; c; ) {
    if (++n > 12 || !INLINE.has(c.tagName)) return false;
    if (c.firstElementChild) c = c.firstElementChild;
    else {
      let up: Element | null = c;
      while (up && up !== el && !up.nextElementSibling) up = up.parentElement;
      c = up && up !== el ? up.nextElementSibling : null;
    }
  }
  return true;
}

/** The first piece of text of an element: a name without the row actions printed under it. */
export function primaryText(el: Element): string {
  // The common cell: one text, or one link or span holding one text.
  const first = el.firstChild;
  const only = first && !first.nextSibling ? first : null;
  const inner = only?.nodeType === 1 ? only.firstChild : null;
  const leaf = inner && !inner.nextSibling && !SKIP_TAGS.has((only as Element).tagName) ? inner : only;
  if (leaf?.nodeType === 3) {
    const data = (leaf as Text).data;
    // Printable ASCII, spaces single: nothing to drop or fold (most cells).
    const t = FOLDED_ASCII.test(data) ? data : data.replace(/[\uE000-\uF8FF]/g, '').replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && SKIP_TAGS.has(parent.tagName)) continue;
    const t = (node.textContent ?? '').replace(/[\uE000-\uF8FF]/g, '').replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return '';
}

/** A machine-readable date carried by an element or its descendants (`<time datetime>`, a tooltip). */
export function dateHint(el: Element): string | undefined {
  const time = el.matches('time[datetime]') ? el : el.querySelector('time[datetime]');
  const dt = time?.getAttribute('datetime');
  if (dt) return dt;
  for (const e of [el, ...Array.from(el.querySelectorAll('[title], [aria-label], [data-tooltip]')).slice(0, 5)]) {
    const t = e.getAttribute('title') ?? e.getAttribute('data-tooltip') ?? (e === el ? null : e.getAttribute('aria-label'));
    if (t && /\d/.test(t) && t.length < 80) return t;
  }
  return undefined;
}

function valueText(el: Element): string {
  if (/^(INPUT|TEXTAREA)$/.test(el.tagName)) {
    const input = el as HTMLInputElement;
    if (input.type === 'file' || input.type === 'checkbox' || input.type === 'radio' || input.type === 'password') return '';
    return (input.value ?? input.getAttribute('value') ?? '').trim();
  }
  return cleanText(el);
}

/** The headings a record sits under: the grid's own label, then headings above it, nearest first. */
function headingsFor(el: Element, limit = 4): string[] {
  const out: string[] = [];
  const add = (t: string | null | undefined) => {
    const s = (t ?? '').replace(/\s+/g, ' ').trim();
    if (s && s.length <= 160 && !out.includes(s)) out.push(s);
  };
  let steps = 0;
  for (let node: Element | null = el; node && out.length < limit && steps < 40; node = node.parentElement, steps++) {
    add(node.getAttribute('aria-label'));
    const labelledBy = node.getAttribute('aria-labelledby');
    if (labelledBy) for (const id of labelledBy.split(/\s+/)) add(textOf(node.ownerDocument.getElementById(id)));
    if (node.tagName === 'TABLE') add(textOf((node as HTMLTableElement).caption));
    // Headings before this node among its siblings, nearest first.
    let sib = node.previousElementSibling;
    for (let i = 0; sib && i < 8; sib = sib.previousElementSibling, i++) {
      if (SKIP_TAGS.has(sib.tagName) || sib.tagName === 'HEAD' || isOwnTag(sib.tagName)) continue;
      if (sib.matches(HEADING)) add(textOf(sib));
      else if (!sib.firstElementChild && /^(P|DIV|SPAN)$/.test(sib.tagName) && textOf(sib).length <= 80) add(textOf(sib)); // a subtitle
      else if (childCount(sib, 3) <= 3 && textOf(sib).length <= 160) {
        // A title row (`<div><h2>Name</h2><div>subtitle</div></div>`), not a section with its own heading.
        const h = sib.querySelector(HEADING);
        if (h) add(textOf(h));
      }
      if (out.length >= limit) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables and grids

interface Grid {
  root: Element;
  headers: { text: string; key?: string; col: number; id?: string }[];
  rows: { row: Element; cells: { el: Element; col: number; key?: string }[] }[];
  partial?: { shown: number; total: number };
  /** Its rows are not inside `root` (a header table above a table of rows). */
  elsewhere?: boolean;
}

function htmlRows(table: HTMLTableElement): HTMLTableRowElement[] {
  return Array.from(table.querySelectorAll('tr')).filter((r) => r.closest('table') === table) as HTMLTableRowElement[];
}

/** A row's own cells (not those of a table nested in one of them). */
export function ownCells(row: Element): Element[] {
  return Array.from(row.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
}

function cellsWithCols(row: HTMLTableRowElement): { el: Element; col: number }[] {
  let col = 0;
  return ownCells(row).map((el) => {
    const out = { el: el as Element, col };
    col += Math.max(1, Number(el.getAttribute('colspan')) || 1);
    return out;
  });
}

/**
 * A table's header row: in `<thead>`, all `<th>`, or (old grids) `<td>`s that are all short, hold
 * no date and include at least two labels we know. A `<th>` beside a `<td>` is a form row, not a header.
 */
export function isHeaderRow(row: Element, labelKey: (text: string) => string | null): boolean {
  if (row.parentElement?.tagName === 'THEAD') return true;
  const cells = ownCells(row);
  if (cells.length < 2) return false;
  if (cells.every((c) => c.tagName === 'TH')) return true;
  // A label cell beside its value cells is a form row, never a header.
  if (cells[0]!.tagName === 'TH' && cells.slice(1).every((c) => c.tagName === 'TD')) return false;
  return (labelsIn(cells.map((c) => cleanText(c)), labelKey, NUMERIC_DATE) ?? 0) >= 2;
}

const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

/** How many of a would-be header row's texts are labels we know; null when one is no header text (too long, or a date). */
function labelsIn(texts: readonly string[], labelKey: (text: string) => string | null, dated: RegExp): number | null {
  if (texts.some((t) => t.length > MAX_LABEL || dated.test(t))) return null;
  return texts.filter((t) => labelKey(t)).length;
}

/** Reads an HTML table: its header row, and the rows under it (or in the next table, jqGrid-style). */
function readHtmlTable(table: HTMLTableElement, opts: CollectOptions, allTables: HTMLTableElement[]): Grid | null {
  const rows = htmlRows(table);
  if (rows.length === 0) return null;
  const isHeader = (r: Element) => isHeaderRow(r, opts.labelKey);
  const headerIndex = rows.findIndex(isHeader);
  if (headerIndex === -1) return null;
  const headerRow = rows[headerIndex]!;
  const headers = cellsWithCols(headerRow).map(({ el, col }) => ({ text: primaryText(el) || cleanText(el), col, ...(el.id ? { id: el.id } : {}) }));
  let body = rows.slice(headerIndex + 1);
  // jqGrid-style: the header in a table of its own (nothing else in it), the rows in the next table.
  const lookedElsewhere = body.length === 0 && rows.length === 1;
  if (lookedElsewhere) {
    const i = allTables.indexOf(table);
    const next = allTables.slice(i + 1).find((t) => !t.contains(table) && !table.contains(t));
    if (next) {
      const nextRows = htmlRows(next);
      const width = headers.length;
      if (nextRows.length && nextRows.every((r) => Math.abs(cellsWithCols(r).length - width) <= 1 || ownCells(r).length === 1)) body = nextRows;
    }
  }
  return {
    root: table,
    headers,
    rows: body.filter((r) => ownCells(r).length > 0).map((row) => ({ row, cells: cellsWithCols(row) })),
    // Looked for its rows in the next table (found or not): what it reads is not all inside it.
    ...(lookedElsewhere ? { elsewhere: true } : {}),
  };
}

/**
 * A grid of plain elements (no table, no ARIA roles): rows of the same tag and width under one
 * parent, the first of them a header of labels (short, no date, at least two labels we know).
 * `el` is the element holding a seed, or up to two levels inside its cell.
 */
function plainGridAround(el: Element, opts: CollectOptions, asked: PlainAsked, same?: (container: Element) => boolean): Grid | null {
  let cell: Element | null = el;
  for (let i = 0; cell && i < 3; i++, cell = cell.parentElement) {
    const row = cell.parentElement;
    const container = row?.parentElement;
    if (!row || !container || BLOCKS_NOT_ROWS.has(row.tagName) || !container.firstElementChild?.nextElementSibling) continue;
    // Rows that did not change give the last reading's answer (`same`): no grid.
    if (same?.(container)) continue;
    let width = asked.widths.get(row);
    if (width === undefined) asked.widths.set(row, (width = childCount(row, MAX_PLAIN_WIDTH)));
    if (width < 2 || width > MAX_PLAIN_WIDTH) continue;
    // The same rows around the next seed (a long list of cards) are not looked at again: same container, tag and width, same answer.
    const question = `${row.tagName} ${width}`;
    let here = asked.questions.get(container);
    if (!here) asked.questions.set(container, (here = new Set()));
    if (here.has(question)) continue;
    here.add(question);
    const rows = Array.from(container.children).filter((r) => r.tagName === row.tagName && childCount(r, width) === width);
    if (rows.length < 2) continue;
    const header = Array.from(rows[0]!.children).map((c) => cleanText(c));
    // Stricter than a table's header (no role or tag says it is one): half its cells are labels, and none holds a year.
    const labels = labelsIn(header, opts.labelKey, NUMERIC_DATE_OR_YEAR) ?? 0;
    if (labels < 2 || labels * 2 < width) continue;
    return {
      root: container,
      headers: header.map((text, col) => ({ text, col })),
      rows: rows.slice(1).map((r) => ({ row: r, cells: Array.from(r.children).map((c, col) => ({ el: c, col })) })),
    };
  }
  return null;
}

const NUMERIC_DATE_OR_YEAR = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}/;

/** The questions `plainGridAround` asked in one reading (by container: tag and width of rows), and the widths it counted. */
interface PlainAsked {
  questions: Map<Element, Set<string>>;
  widths: Map<Element, number>;
}

/** More cells than a plain grid's row has: an element with more children is a list, not a row. */
const MAX_PLAIN_WIDTH = 40;

/** Elements that are never a plain grid's row. */
const BLOCKS_NOT_ROWS = new Set(['TR', 'TBODY', 'THEAD', 'TABLE', 'UL', 'OL', 'DL', 'BODY', 'HTML', 'FORM', 'SELECT']);

const ARIA_GRID = '[role="grid"], [role="table"], [role="treegrid"]';
const ARIA_CELL = '[role="gridcell"], [role="cell"], [role="rowheader"]';

/** The rows of an ARIA grid (not those of a grid nested in it). */
function ariaRowsOf(grid: Element): Element[] {
  return Array.from(grid.querySelectorAll('[role="row"]')).filter((r) => {
    // The common shapes first: a row right under its grid, or under one row group of it.
    const parent = r.parentElement;
    if (parent === grid) return true;
    if (parent?.parentElement === grid && parent.getAttribute('role') === 'rowgroup') return true;
    return r.closest(ARIA_GRID) === grid;
  });
}

/**
 * The elements of `grid` matching `selector`, by the row of `rows` they are in (the row closest
 * above them); in document order. One query for the grid, not one per row.
 */
function byRow(grid: Element, rows: readonly Element[], selector: string): Map<Element, Element[]> {
  const out = new Map<Element, Element[]>(rows.map((r) => [r, []]));
  for (const el of Array.from(grid.querySelectorAll(selector))) {
    const parent = el.parentElement;
    const row = parent && out.has(parent) ? parent : el.closest('[role="row"]');
    if (row) out.get(row)?.push(el);
  }
  return out;
}

function readAriaGrid(grid: Element): Grid | null {
  const rows = ariaRowsOf(grid);
  // The rows holding a column header, at any depth: found from the few headers up, not by a query per row.
  const withHeader = new Set<Element>();
  for (const h of Array.from(grid.querySelectorAll('[role="columnheader"]'))) {
    for (let r = h.closest('[role="row"]'); r && r !== grid && grid.contains(r) && !withHeader.has(r); r = r.parentElement?.closest('[role="row"]') ?? null) withHeader.add(r);
  }
  const headerRow = rows.find((r) => withHeader.has(r));
  if (!headerRow) return null;
  const headerEls = Array.from(headerRow.querySelectorAll('[role="columnheader"]'));
  const headers = headerEls.map((h, i) => {
    const colIndex = Number(h.getAttribute('aria-colindex'));
    const key = h.getAttribute('data-item-key') ?? h.getAttribute('data-automation-key') ?? undefined;
    // Fluent header cells hold a name span plus sort/drop-hint/sizer elements: the first text is the name.
    const text = primaryText(h) || cleanText(h) || (h.getAttribute('aria-label') ?? '');
    return { text, col: colIndex > 0 ? colIndex - 1 : i, ...(key ? { key } : {}), ...(h.id ? { id: h.id } : {}) };
  });
  const body = rows.filter((r) => !withHeader.has(r));
  const cellsByRow = byRow(grid, body, ARIA_CELL);
  const out: Grid = {
    root: grid,
    headers,
    rows: body.map((row) => ({
      row,
      cells: cellsByRow.get(row)!.map((el, i) => {
          const colIndex = Number(el.getAttribute('aria-colindex'));
          const key = el.getAttribute('data-automation-key') ?? el.getAttribute('data-item-key') ?? undefined;
          return { el, col: colIndex > 0 ? colIndex - 1 : i, ...(key ? { key } : {}) };
        }),
    })),
  };
  const total = Number(grid.getAttribute('aria-rowcount'));
  if (total > 0 && total > rows.length) out.partial = { shown: body.length, total: Math.max(0, total - 1) };
  return out;
}

/** One record per data row; a row with one wide cell under a data row is that row's details. */
function* gridRecords(grid: Grid, opts: CollectOptions, headings: string[], before: KeptGrid | undefined, dirt: Dirt | undefined, keep: Map<Element, KeptGrid>): Steps<PageRecord[]> {
  const out: PageRecord[] = [];
  // Rows read last time, under the same headers and headings, that did not change: their records are the same.
  const key = gridKey(grid, headings);
  const reusable = before && dirt && !before.details && before.key === key && !under(grid.root, dirt.searched) ? before : undefined;
  const rows: KeptGrid['rows'] = new Map();
  let details = false;
  let lastReused = false;
  // Cells name their header (`headers`, `aria-describedby`: jqGrid), or align by data-automation-key
  // where both sides have keys (Fluent), else by column.
  const byKey = new Map(grid.headers.filter((h) => h.key).map((h) => [h.key!, h]));
  const byId = new Map(grid.headers.filter((h) => h.id).map((h) => [h.id!, h]));
  const headerOf = (cell: { el: Element; col: number; key?: string }) => {
    if (byId.size) for (const attr of ['headers', 'aria-describedby']) {
      for (const id of (cell.el.getAttribute(attr) ?? '').split(/\s+/)) {
        const h = id && byId.get(id);
        if (h) return h;
      }
    }
    return (cell.key && byKey.get(cell.key)) || grid.headers.find((h) => h.col === cell.col);
  };
  // What each header says, asked once for the grid rather than once a cell.
  const headerKeys = new Map(grid.headers.map((h) => [h, { key: h.text ? opts.labelKey(h.text) : null, seed: opts.isSeed(h.text) }]));
  let last: PageRecord | null = null;
  let n = 0;
  for (const { row, cells } of grid.rows) {
    if (++n % 4 === 0) yield;
    const was = reusable?.rows.get(row);
    if (was && sameCells(was.cells, cells) && unchanged(row, dirt!, grid.root)) {
      out.push(was.record);
      rows.set(row, was);
      last = was.record;
      lastReused = true;
      continue;
    }
    const texts = cells.map((c) => cleanText(c.el));
    const filled = cells.filter((c, i) => texts[i] || c.el.querySelector('input'));
    if (filled.length === 0) continue;
    // A row with one wide cell under a data row holds that row's details (the topic, the Apple ID).
    const wide = filled.length === 1 && (cells.length === 1 || Number(filled[0]!.el.getAttribute('colspan')) >= 2);
    if (wide && last && grid.headers.length > 2) {
      details = true;
      // A record kept from the last reading is not changed: this reading's copy takes the details.
      if (lastReused) {
        const copy: PageRecord = { ...last, fields: [...last.fields] };
        out[out.lastIndexOf(last)] = copy;
        last = copy;
        lastReused = false;
      }
      last.text += ` ${cleanText(row)}`;
      last.fields.push(...inlinePairs(filled[0]!.el, opts).map(toField));
      continue;
    }
    const fields: Field[] = [];
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      const tag = cell.el.tagName;
      const value = tag === 'INPUT' || tag === 'TEXTAREA' ? valueText(cell.el) : texts[i]!;
      if (!value) continue;
      const header = headerOf(cell);
      const asked = header && headerKeys.get(header);
      const key = asked ? asked.key : null;
      if (header && asked && key) {
        fields.push({ label: header.text, key, value, element: cell.el });
        // A status cell that also says when ("Connected · Token expires 27 Jan 2027", "Activo · Vence el 17/04/2027").
        if (!asked.seed && opts.isSeed(value)) {
          const extra = [value, ...value.split(/\s[·|•—–]\s/)].map((part) => seedField(part, cell.el, opts)).find((f) => f && f.key !== key);
          if (extra) fields.push(toField(extra));
        }
        continue;
      }
      // A column we have no word for ("Details") may still say "Expiration: 04.12.2026" in its cells.
      const split = seedField(value, cell.el, opts);
      fields.push(...(split ? [split] : inlinePairs(cell.el, opts)).map(toField));
    }
    // The row's text is its cells' texts (cells are blocks: a space between each).
    const own = cells.length === row.childElementCount;
    const record: PageRecord = { source: 'row', fields, text: own ? texts.filter(Boolean).join(' ') : cleanText(row), element: row, group: grid.root, headings };
    if (grid.partial) record.partial = grid.partial;
    out.push(record);
    // A row of one wide cell is a row of its own only while no data row is above it: it is read anew each time.
    if (!wide) rows.set(row, { record, cells });
    last = record;
    lastReused = false;
  }
  if (!grid.elsewhere && keepable(grid.root)) keep.set(grid.root, { records: out, rows, key, headings, details });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Label / value pairs

interface Pair extends Field {
  labelElement: Element;
}

/** A field without the label element it was found by. */
const toField = ({ labelElement: _label, ...field }: Pair): Field => field;

/** One `Label: value` line (`Expiry Date: 01/03/2027`, `有効期限：2027/02/10`) whose label we know, as a field of `el`. */
function labelValueLine(text: string, el: Element, opts: CollectOptions): Pair | null {
  const m = text.replace(/\s+/g, ' ').trim().match(/^([^:：]{1,60}?)\s*[:：]\s*(\S.*)$/);
  const key = m ? opts.labelKey(m[1]!) : null;
  return m && key ? { label: m[1]!.trim(), key, value: m[2]!.trim(), element: el, labelElement: el } : null;
}

/** A text that starts with an expiry phrase (`Expires Dec 5, 2026`, `Token läuft am … ab`) as a field of `el`, or null. */
function seedField(text: string, el: Element, opts: CollectOptions): Pair | null {
  const split = opts.splitSeed?.(text);
  const key = split ? opts.labelKey(split.label) : null;
  return split && key ? { label: split.label, key, value: split.value, element: el, labelElement: el } : null;
}

/** `Label: value` pieces inside an element: runs separated by `<br>` or lines, labels in `<b>` or not. */
function inlinePairs(el: Element, opts: CollectOptions): Pair[] {
  const out: Pair[] = [];
  const lines: { text: string; el: Element }[] = [];
  let current = '';
  let holder: Element | null = null;
  const flush = () => {
    if (current.trim()) lines.push({ text: current, el: holder ?? el });
    current = '';
    holder = null;
  };
  const walker = el.ownerDocument.createTreeWalker(el, 1 | 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      const tag = (node as Element).tagName;
      if (tag === 'BR' || BLOCKS.has(tag)) flush();
      continue;
    }
    const t = node.textContent ?? '';
    if (t.trim()) {
      current += t;
      holder ??= (node.parentElement?.closest('b, strong') ? (node.parentElement.closest('b, strong')!.parentElement ?? el) : node.parentElement) ?? el;
    }
  }
  flush();
  for (const line of lines) {
    const pair = labelValueLine(line.text, line.el, opts);
    if (pair) out.push(pair);
  }
  return out;
}

/**
 * A text that holds a date of its own, or ends as a sentence does, is a sentence or a
 * `label: value` line: never a bare label whose value is the next element.
 */
function bareLabel(text: string): boolean {
  return !/\d{4}|\d{1,2}[./-]\d{1,2}[./-]|\d{1,2}\s*月\s*\d{1,2}\s*日/.test(text) && !(text.length > 20 && /[。.!?！？]$/.test(text));
}

/** The text that follows `el` inside its parent (the bare-text value of a label). */
function textAfter(el: Element): string {
  let out = '';
  for (let n = el.nextSibling; n; n = n.nextSibling) out += n.textContent ?? '';
  return out.replace(/\s+/g, ' ').trim();
}

/** The value element for a label element, by the structure around it; null when there is none. */
function valueFor(label: Element, reach?: Reach): Element | null {
  const tag = label.tagName;
  if (tag === 'DT') {
    reachTo(reach, above(label));
    let next = label.nextElementSibling;
    while (next && next.tagName === 'DT') next = next.nextElementSibling;
    return next?.tagName === 'DD' ? next : null;
  }
  if (tag === 'LABEL') {
    const id = label.getAttribute('for');
    if (id) {
      reachAll(reach);
      return label.ownerDocument.getElementById(id);
    }
    const inner = label.querySelector('input, textarea, output');
    if (inner) return inner;
  }
  const id = label.id;
  if (id) {
    reachAll(reach);
    const doc = label.ownerDocument;
    const target = doc.querySelector(`[aria-labelledby~="${id.replace(/["\\]/g, '\\$&')}"]`);
    if (target && target !== label) return target;
  }
  // A form-table row: the cell after the label cell (never a cell of another row).
  if (tag === 'TH' || tag === 'TD' || label.getAttribute('role') === 'rowheader') {
    reachTo(reach, above(label));
    return label.nextElementSibling;
  }
  // A label element followed by its value; or a label wrapped alone in an element followed by the value.
  let node: Element | null = label;
  for (let i = 0; node && i < 3; i++) {
    // `<small>Label</small><br><b>value</b>`: a line break is not the value. Text before the next
    // element is: `<p><small>Label</small><br>value</p>` gives its parent (the value is the text
    // after the label), a longer text is a sentence of its own.
    let next: Element | null = null;
    let text = false;
    reachTo(reach, above(node));
    for (let n = node.nextSibling; n && !next && !text; n = n.nextSibling) {
      if (n.nodeType === 1) {
        if ((n as Element).tagName !== 'BR') next = n as Element;
      } else if (n.nodeType === 3 && (n.textContent ?? '').trim()) text = true;
    }
    if (next) return next;
    if (text) return node === label && label.parentElement && textAfter(label).length <= 60 ? label.parentElement : null;
    const parent: Element | null = node.parentElement;
    if (!parent || parent.firstElementChild?.nextElementSibling || textOf(parent) !== textOf(label)) return null;
    node = parent;
  }
  return null;
}

const CONTROL = 'button, [role="button"], [role="menuitem"], [role="tab"], option, summary';

/** True when the element is (the text of) a button, tab or menu item: an action, not a label. */
function isControlText(el: Element, reach?: Reach): boolean {
  const control = el.closest(CONTROL);
  if (control) reachTo(reach, control);
  return !!control && textOf(control) === textOf(el);
}

/**
 * How far up the page reading one text looked: the highest element whose children, siblings or
 * text it read (undefined: none above the text's own element; null: anywhere, an id was looked
 * up). An item is kept from one reading to the next only when no text in it looked above it.
 */
interface Reach {
  top: Element | null | undefined;
}

/** `el`, an element above the text being read (or beside it, inside `reach.top`), was read. */
function reachTo(reach: Reach | undefined, el: Element | null | undefined): void {
  if (!reach || reach.top === null || !el) return;
  if (reach.top === undefined || (el !== reach.top && el.contains(reach.top))) reach.top = el;
}

/** The element above `el`, whose children (`el`'s siblings) are read: at the top of a shadow root, its host. */
function above(el: Element): Element | null {
  return el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
}

/** Something anywhere in the page was read (an element by its id). */
function reachAll(reach: Reach | undefined): void {
  if (reach) reach.top = null;
}

/** The pair a label text node starts, or null. */
function pairAt(textNode: Text, opts: CollectOptions, reach?: Reach): Pair | null {
  const parent = textNode.parentElement;
  if (!parent) return null;
  // The label element: the innermost element whose whole text is this label (`<span>Expiration <b>date</b></span>` too).
  let labelEl: Element = parent;
  while (labelEl.parentElement && !labelEl.parentElement.firstElementChild!.nextElementSibling && textOf(labelEl.parentElement) === textOf(labelEl) && !BLOCKS.has(labelEl.parentElement.tagName)) {
    labelEl = labelEl.parentElement;
  }
  reachTo(reach, above(labelEl));
  const labelText = cleanText(labelEl);
  if (!labelText || labelText.length > MAX_LABEL || !bareLabel(labelText)) return null;
  const key = opts.labelKey(labelText);
  // (The text of a button, tab or menu item is an action, not a label: asked only of a label, the few texts that are one.)
  if (!key || isControlText(parent, reach)) return null;
  const valueEl = valueFor(labelEl, reach);
  if (!valueEl || labelEl.contains(valueEl) || isControlText(valueEl, reach)) return null;
  // The label's own parent: its value is the text after it (valueFor returns the parent only then).
  const value = valueEl.contains(labelEl) ? (valueEl === labelEl.parentElement ? textAfter(labelEl) : '') : valueText(valueEl);
  if (!value || value.length > 300 || value === labelText) return null;
  // A whole sentence under a title ("… will expire" over "The service token for “X” will expire on …")
  // is an alert to read as one, not a field's value.
  if (value.length > 40 && /[.。!?！？](?:\s|$)/.test(value) && value.split(/\s+/).length >= 6) return null;
  // A value that is itself a label of ours is the next label, not this one's value.
  if (value.length <= MAX_LABEL && opts.labelKey(value) && !/\d/.test(value) && !valueEl.matches('dd, td, input, textarea, output')) return null;
  return { label: labelText, key, value, element: valueEl, labelElement: labelEl };
}

/** The text of a leaf that starts with a seed phrase (`Expires Dec 5, 2026`), as a pair. */
function seedPair(textNode: Text, opts: CollectOptions, reach?: Reach): Pair | null {
  const el = textNode.parentElement;
  if (!el || !opts.splitSeed) return null;
  const text = cleanText(el);
  const pair = text.length > 120 ? null : seedField(text, el, opts);
  return pair && !isControlText(el, reach) ? pair : null;
}

/** Lowest common ancestor of two nodes in the same tree. */
function commonAncestor(a: Element, b: Element): Element | null {
  const seen = new Set<Element>();
  for (let n: Element | null = a; n; n = n.parentElement) seen.add(n);
  for (let n: Element | null = b; n; n = n.parentElement) if (seen.has(n)) return n;
  return null;
}

/** The child of `ancestor` on the path to `node` (node itself when its parent is the ancestor). */
function childToward(ancestor: Element, node: Element): Element {
  let n = node;
  while (n.parentElement && n.parentElement !== ancestor) n = n.parentElement;
  return n;
}

/** What an expiry's item was found from: its neighbours in reading order, and the element before it was narrowed to one section. */
interface ItemOrigin {
  near: readonly [Element | null, Element | null];
  candidate: Element;
}

/** What `groupPairs` found. */
interface Grouped {
  /** Each item's pairs, items in the order of their first pair. */
  groups: Map<Element, Pair[]>;
  /** Each expiry's item, and what it was found from. */
  itemOf: Map<Pair, Element>;
  origins: Map<Pair, ItemOrigin>;
  /** Items of the last reading (`fixed`) that the expiries in them would now make another element: not to be taken as they were. */
  moved: Set<Element>;
}

/**
 * Groups pairs into items: a pair's item is the largest element around it that holds no other
 * pair of the same key (one card, one list row, one details panel). Pairs then belong to the
 * deepest item that contains them. `fixed`: the items of the last reading taken as they were
 * (their expiries, with what their extent was found from; `stable` says a neighbour did not move):
 * an expiry whose neighbours are the same is in the same item, its pairs too.
 */
function* groupPairs(
  pairs: Pair[],
  root: Element,
  itemKey: string,
  fixed?: { itemOf(p: Pair): KeptItem | undefined; stable(el: Element): boolean },
): Steps<Grouped> {
  // Items come from the seed pairs (the expiries): one item per expiry, as large as it can be
  // without holding another expiry. Every other pair joins the deepest item around it.
  const seeds = pairs.filter((p) => p.key === itemKey);
  const anchorOf = (p: Pair) => p.labelElement;
  // Reading order, also across shadow roots (where the browser's document order is whatever its memory says).
  seeds.sort((a, b) => readingOrder(anchorOf(a), anchorOf(b)));
  const items = new Set<Element>();
  const itemOf = new Map<Pair, Element>();
  const origins = new Map<Pair, ItemOrigin>();
  const moved = new Set<Element>();
  for (let i = 0; i < seeds.length; i++) {
    if (i % 3 === 2) yield;
    const p = seeds[i]!;
    const before = seeds[i - 1];
    const after = seeds[i + 1];
    const near = [before ? anchorOf(before) : null, after ? anchorOf(after) : null] as const;
    const k = fixed?.itemOf(p);
    const was = k?.origins.get(p);
    if (was && was.near[0] === near[0] && was.near[1] === near[1] && near.every((a) => !a || fixed!.stable(a))) {
      items.add(k!.element);
      itemOf.set(p, k!.element);
      origins.set(p, was);
      continue;
    }
    // Document order: the nearest other expiry is a neighbour in this order.
    const others = [before, after].filter((x): x is Pair => !!x && anchorOf(x) !== anchorOf(p) && !anchorOf(x).contains(anchorOf(p)) && !anchorOf(p).contains(anchorOf(x)));
    let deepest: Element | null = null;
    let depth = -1;
    for (const other of others) {
      const lca = commonAncestor(anchorOf(p), anchorOf(other));
      if (!lca) continue;
      let d = 0;
      for (let n: Element | null = lca; n; n = n.parentElement) d++;
      if (d > depth) {
        depth = d;
        deepest = lca;
      }
    }
    const candidate = deepest ? childToward(deepest, anchorOf(p)) : root;
    let item = candidate;
    // An item of several headed sections (a settings form: push certificate, then ADE, then
    // updates) is not one credential's: it is narrowed to the part around this expiry that holds
    // one section heading at most, whose own heading then sits just above it.
    while (item !== root && item !== anchorOf(p) && item.querySelectorAll(SECTION_HEADING).length > 1) {
      const next = childToward(item, anchorOf(p));
      if (next === item || next === anchorOf(p)) break;
      item = next;
    }
    if (k && item !== k.element) moved.add(k.element);
    items.add(item);
    itemOf.set(p, item);
    origins.set(p, { near, candidate });
  }
  const groups = new Map<Element, Pair[]>();
  let n = 0;
  for (const p of pairs) {
    if (++n % 50 === 0) yield;
    let item: Element | null = fixed?.itemOf(p)?.element ?? null;
    for (let n: Element | null = item ? null : anchorOf(p); n; n = n.parentElement) {
      if (items.has(n)) {
        item = n;
        break;
      }
    }
    if (!item && items.has(root)) item = root;
    if (!item) continue;
    const list = groups.get(item) ?? [];
    list.push(p);
    groups.set(item, list);
  }
  return { groups, itemOf, origins, moved };
}

/** The text naming an item: a heading or bold text in it that is not one of its fields. */
function itemName(item: Element, pairs: Pair[], opts: CollectOptions): { name: string; element: Element } | null {
  const inPair = (el: Element) => pairs.some((p) => p.labelElement.contains(el) || p.element.contains(el) || el.contains(p.labelElement));
  for (const el of Array.from(item.querySelectorAll(`${HEADING}, strong, b, a, [role="link"]`)).slice(0, 20)) {
    if (inPair(el)) continue;
    const t = cleanText(el);
    if (t && t.length <= 120 && !opts.labelKey(t) && !opts.isSeed(t)) return { name: t, element: el };
  }
  // A list row: its first text that is not a field.
  const walker = item.ownerDocument.createTreeWalker(item, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!el || !t || inPair(el) || /^(BUTTON|SCRIPT|STYLE)$/.test(el.tagName)) continue;
    if (t.length <= 120 && !opts.labelKey(t) && !opts.isSeed(t)) return { name: t, element: el };
    break;
  }
  return null;
}

/**
 * What reading one short text gave: the pair it starts (a label, a seed phrase), a `Label: value`
 * line of its own, or the block to read whole for its `<b>Label:</b> value` runs. The next reading
 * takes it as it was while nothing in `dep` changed, nor above it (see `textStands`).
 */
interface TextReading {
  pair?: Pair;
  line?: Pair;
  block?: Element;
  /** The block's pairs, read the first time the block is. */
  inline?: Pair[];
  /** How far up reading it looked (`Reach`), the block's own pairs aside. */
  top: Element | null | undefined;
  /** The element whose subtree (and the elements above it) holds all it read; null: it looked up an element by id, or reads a form field's value (never taken as it was). */
  dep: Element | null;
  /** It sits in a column header. */
  header: boolean;
  /** The reading (`readingCount`) it was last known to stand in: only one in the last reading kept is asked whether it still does. */
  at: number;
}

function readText(node: Text, parent: Element, opts: CollectOptions, at: number): TextReading {
  const reach: Reach = { top: undefined };
  const out: TextReading = { top: undefined, dep: null, header: !!parent.closest('[role="columnheader"]'), at };
  const pair = seedPair(node, opts, reach) ?? pairAt(node, opts, reach);
  if (pair) out.pair = pair;
  // `Label: value` in one text (a line of a `<p>` with `<br>`s, a span in a list row).
  else if (/[:：]\s*\S/.test(node.data)) out.line = labelValueLine(node.data, parent, opts) ?? undefined;
  // `<b>Label:</b> value` runs inside a larger element.
  else if (/[:：]\s*$/.test(node.data)) {
    out.block = parent.closest('p, div, li, td, dd, section') ?? parent;
    reachTo(reach, out.block);
  }
  out.top = reach.top;
  out.dep = reach.top === null || (pair && FIELD_TAGS.has(pair.element.tagName)) ? null : (reach.top ?? parent);
  return out;
}

/** Elements whose value a script sets unseen by a MutationObserver. */
const FIELD_TAGS = new Set(['INPUT', 'TEXTAREA', 'OUTPUT', 'SELECT']);

/** Whether what a text gave in the last reading stands: nothing in the part of the page it read changed, nor above it. */
function textStands(dirt: Dirt): (r: TextReading) => boolean {
  const quiet = quietAbove(dirt);
  return (r) => !!r.dep && r.dep.isConnected && unchanged(r.dep, dirt) && quiet(r.dep);
}

/** What `readItems` reads from its caller's reading. */
interface ItemsContext {
  opts: CollectOptions;
  top: Element;
  seedNodes: readonly Text[];
  /** True inside a table or grid read (`claimed`). */
  inClaimed(el: Element): boolean;
  claimed: ReadonlySet<Element>;
  /** The kept items taken as they were (by element), of the last reading's (`last`, by seed); where the page changed since (`dirt`). */
  reuse: Map<Element, KeptItem>;
  last?: Map<Text, KeptItem>;
  dirt?: Dirt;
  /** The table or grid each seed sits in (found, not necessarily read). */
  gridOfSeed: ReadonlyMap<Text, Element>;
  /** The reading may be kept: work out what to keep of each item. */
  keep: boolean;
  /**
   * What each short text gave (see `TextReading`), kept from one reading to the next and brought
   * up to date in place; `stands`: whether one of the last reading kept (number `lastAt`) still
   * does; `at`: this reading's number.
   */
  readings: Map<Text, TextReading>;
  stands?: (r: TextReading) => boolean;
  at: number;
  lastAt?: number;
  /** The texts of each part of the page the last reading walked (see `KeptWalk`); this reading's. */
  walks?: ReadonlyMap<Element, KeptWalk>;
  nextWalks: Map<Element, KeptWalk>;
}

/**
 * The short texts of a part of the page the walk read (`scopeOf`), for the next reading to read
 * again only where the page changed: the texts that give something (a pair, a line, a block), in
 * the walk's order, and every text by the element its reading depends on (`TextReading.dep`). A
 * text is read again when that element changed, when it sits in what was added, changed or had an
 * attribute changed, or when it looked an element up by id.
 */
interface KeptWalk {
  effective: Text[];
  /**
   * Every short text read, by the element its reading depended on (`depOf`: the other way). Made
   * from `listed`, the texts of a whole walk and their elements, when first needed: a first
   * reading does not pay for it. (A text gone from the part is dropped when met.)
   */
  byDep?: Map<Element, Set<Text>>;
  depOf?: Map<Text, Element>;
  listed?: { texts: Text[]; deps: Element[] };
  /** Texts whose reading depends on the whole page: read again every time. */
  always: Set<Text>;
  /** The shadow hosts the walk passed into. */
  hosts: Set<Element>;
  /** The tables and grids read then (their texts are not read: another set of them, and the part is walked whole). */
  claimed: readonly Element[];
}

/** A text the walk reads as a possible label. */
function isShort(node: Text): boolean {
  const raw = node.data;
  return raw.length <= MAX_LABEL * 2 && !!raw.trim();
}

/** Whether a reading gives something to the walk: a pair, a line, a block. */
function gives(r: TextReading): boolean {
  return !!(r.pair || r.line || r.block);
}

/** An element `walkText` passes over with all inside it. */
function skipped(el: Element): boolean {
  const tag = el.tagName;
  return SKIP_TAGS.has(tag) || isOwnTag(tag) || el.hasAttribute('hidden');
}

/** Whether `walkText` from `scope` passes over `node`: it or an element between them is skipped. */
function skippedBelow(node: Node, scope: Node): boolean {
  for (let n: Node | null = node; n && n !== scope; n = parentOf(n)) if (n.nodeType === 1 && skipped(n as Element)) return true;
  return false;
}

/**
 * The order `walkText` meets two nodes in: document order in one tree; a shadow root's nodes
 * right after its host, before the host's own children.
 */
function walkOrder(a: Node, b: Node): number {
  return treeOrder(a, b, true);
}

/** Where `node` goes in `list`, which is in walk order. */
function placeIn(list: readonly Text[], node: Text): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (walkOrder(list[mid]!, node) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads the label/value pairs around the seeds (anywhere but in the tables and grids read), then
 * groups them into items: a card, a list item, a details panel. The kept items of the last
 * reading (`ctx.reuse`) are taken as they were; one something read now reaches into is given back
 * in `dropped`, for the caller to read again without it.
 */
function* readItems(ctx: ItemsContext): Steps<ItemStage> {
  const { opts, top, seedNodes, inClaimed, reuse, dirt } = ctx;
  const seedSet = new Set(seedNodes);
  let quiet: ((el: Element) => boolean) | undefined;
  const keptItemOf = (node: Text) => takenItem(node, ctx.last, reuse);
  let n = 0;
  const out: ItemStage = { pairs: [], records: [], kept: new Map(), dropped: new Set() };
  const pairs = out.pairs;
  const seenLabels = new Set<Element>();
  /** Texts whose block's runs were read past the block (`Reach`: anywhere), in this reading. */
  const anywhere = new Set<Text>();
  /**
   * Elements some text inside them was read past (see `Reach`): never kept as an item. Marked by
   * every text read; in a part of the page walked only where it changed (`walkedAgain`), an item's
   * texts are asked one by one (`readPast`).
   */
  const unsafe = new Set<Element>();
  const walkedAgain = new Set<Node>();
  const markPast = (parent: Element, top: Element | null | undefined) => {
    if (top !== undefined) for (let el: Element | null = parent; el && el !== top; el = el.parentElement) unsafe.add(el);
  };
  /** Blocks read whole for their `Label: value` runs: an item inside one is not kept. */
  const wide = new Set<Element>();
  /** Pairs read now, not taken from a kept item. */
  const fresh = new Set<Pair>();
  /** The shadow hosts whose texts the walk read: an item around one is not kept. */
  const hostsWalked = new Set<Element>();
  /** What a short text gives: read now, or taken from the last reading when nothing it read changed. */
  const { readings, at } = ctx;
  const readingOf = (node: Text, parent: Element): TextReading => {
    let r = readings.get(node);
    if (r && (r.at === at || (r.at === ctx.lastAt && ctx.stands!(r)))) {
      r.at = at;
      return r;
    }
    const before = r;
    r = readText(node, parent, opts, at);
    // (Kept only when it gives something: the many that do not are read again if ever asked, not remembered.)
    if (gives(r)) readings.set(node, r);
    else if (before) readings.delete(node);
    return r;
  };
  const pairsAt = (node: Text, walked = false) => {
    const parent = node.parentElement;
    if (!parent || inClaimed(parent)) return;
    const r = readingOf(node, parent);
    // (A column header's text, met by the walk, is the grid's, not a label of the page's.)
    if (walked && r.header) return;
    const start = pairs.length;
    if (r.pair) {
      if (!seenLabels.has(r.pair.labelElement)) {
        seenLabels.add(r.pair.labelElement);
        pairs.push(r.pair);
      }
    } else if (r.line) pairs.push(r.line);
    else if (r.block) {
      const block = r.block;
      wide.add(block);
      if (!seenLabels.has(block)) {
        seenLabels.add(block);
        for (const p of (r.inline ??= inlinePairs(block, opts))) {
          if (!block.contains(p.labelElement)) anywhere.add(node);
          if (!pairs.some((q) => q.element === p.element && q.label === p.label)) pairs.push(p);
        }
      }
    }
    for (let i = start; i < pairs.length; i++) fresh.add(pairs[i]!);
    markPast(parent, anywhere.has(node) ? null : r.top);
  };
  // First the pairs the seeds start; then the other labels, only in the parts of the page those pairs sit in.
  const bySeed = new Map<Text, Pair[]>();
  for (const node of seedNodes) {
    if (++n % 3 === 0) yield;
    const start = pairs.length;
    const k = keptItemOf(node);
    if (k) {
      const own = k.bySeed.get(node);
      if (own) pairs.push(...own);
      continue;
    }
    pairsAt(node);
    if (pairs.length > start) bySeed.set(node, pairs.slice(start));
  }
  const seedPairs = pairs.filter((p) => p.key === opts.itemKey);
  if (!seedPairs.length) return out;
  // A kept item's pairs are the same objects from one reading to the next.
  const keptPair = (p: Pair): KeptItem | undefined => {
    const k = itemOfPair.get(p);
    return k && reuse.get(k.element) === k ? k : undefined;
  };
  const scopeOfPair = new Map<Pair, Element>();
  for (const p of seedPairs) scopeOfPair.set(p, keptPair(p)?.scopes.get(p) ?? scopeOf(p.labelElement) ?? top);
  const found = new Set(scopeOfPair.values());
  // The outermost scopes only: a scope inside another is walked with it.
  // (A document without a body reads over the document itself: then that is the one scope.)
  const whole = [...found].find((sc) => sc.nodeType !== 1);
  // (Across a shadow root's boundary: a scope in a shadow root is walked with the scope around its host.)
  const scopes = whole ? [whole] : [...found].filter((sc) => !(parentOf(sc) && under(parentOf(sc)!, found)));
  // The kept item each text is in, when the reading takes it as it was (by element, the texts of one item share them).
  const reusedAt = new Map<Element, KeptItem | null>();
  const reusedAround = (el: Element | null, scope: Node): KeptItem | null => {
    if (!el || el === scope) return null;
    let k = reusedAt.get(el);
    if (k === undefined) reusedAt.set(el, (k = reuse.get(el) ?? reusedAround(el.parentElement, scope)));
    return k;
  };
  for (const scope of scopes) {
    yield;
    const kept = reuse.get(scope);
    if (kept) {
      pairs.push(...kept.walk);
      continue;
    }
    // The texts that give something, in the walk's order; those in a kept item taken as it was give its pairs, once.
    const texts = yield* scopeTexts(scope);
    const taken = new Set<KeptItem>();
    for (const t of texts) {
      if (++n % 3 === 0) yield;
      const k = reuse.size ? reusedAround(t.parentElement, scope) : null;
      if (!k) pairsAt(t, true);
      else if (!taken.has(k)) {
        taken.add(k);
        pairs.push(...k.walk);
      }
    }
  }
  // Something read now reaches into a kept item (a pair in it, a block around it read whole): it is read again.
  if (reuse.size) {
    for (const p of fresh) {
      for (const el of [p.labelElement, p.element]) {
        for (let up: Element | null = el; up; up = up.parentElement) if (reuse.has(up)) out.dropped.add(up);
      }
    }
    for (const block of wide) for (const el of reuse.keys()) if (block !== el && block.contains(el)) out.dropped.add(el);
    if (out.dropped.size) return out;
  }
  const stable = (el: Element) => el.isConnected && !underSearched(el, dirt!);
  const grouped = yield* groupPairs(pairs, top, opts.itemKey, reuse.size ? { itemOf: keptPair, stable } : undefined);
  if (grouped.moved.size) {
    for (const el of grouped.moved) out.dropped.add(el);
    return out;
  }
  const before = dirt ? headingsStill(dirt) : undefined;
  let seedsByItem: Map<Element, Text[]> | undefined;
  let aroundOf: { hosts: Set<Element>; outer: Set<Element> } | undefined;
  for (const [item, list] of grouped.groups) {
    if (++n % 3 === 0) yield;
    if (!list.some((p) => p.key === opts.itemKey)) continue;
    const k = reuse.get(item);
    if (k) {
      // The same pairs as it had: its record, under the headings it sits under now.
      if (!samePairs(list, k)) {
        out.dropped.add(item);
        continue;
      }
      const headings = before!(item) ? k.headings : headingsFor(item);
      const same = headings === k.headings || (headings.length === k.headings.length && headings.every((h, i) => h === k.headings[i]));
      if (!same) {
        // (Changed where it is kept: a reading that is not kept leaves headings to be read again by the next, since they changed after the last kept one.)
        k.record = { ...k.record, headings: k.named ? [k.record.name!, ...headings] : [...headings] };
        k.headings = headings;
      }
      // Its expiries' neighbours as found now (the same item from other neighbours).
      for (const p of k.origins.keys()) {
        const origin = grouped.origins.get(p);
        if (origin) k.origins.set(p, origin);
      }
      out.records.push(k.record);
      out.kept.set(item, k);
      continue;
    }
    const fields = list.map(toField);
    const named = item === top ? null : itemName(item, list, opts);
    // A details panel that is the whole page: the headings above its expiry say what it is.
    const headings = headingsFor(item === top ? list.find((p) => p.key === opts.itemKey)!.labelElement : item);
    const record: PageRecord = {
      source: 'item',
      fields,
      text: item === top ? '' : cleanText(item),
      element: item,
      group: item.parentElement ?? item,
      headings: [...headings],
    };
    if (named) {
      record.name = named.name;
      record.nameElement = named.element;
    }
    // A card's own title ("Windows Symantec Certificate", "Apple VPP token") says what it is.
    const namedHeading = !!named && named.element.matches(HEADING);
    if (namedHeading) record.headings.unshift(named!.name);
    out.records.push(record);
    if (ctx.keep) {
      const k = yield* keepItem(item, list, record, headings, namedHeading);
      if (k) out.kept.set(item, k);
    }
  }
  return out;

  /** The texts of a part of the page that give something, in the walk's order: walked whole, or the last reading's brought up to date (`KeptWalk`). */
  function* scopeTexts(scope: Node): Steps<Text[]> {
    // Walked already in this reading (the items' stage read again without a kept item): the same texts. (The
    // walk's index was brought up to date then: it is not the last reading's any more. Its marks of what was read
    // past are not in this stage's: an item's texts are asked.)
    const done = scope.nodeType === 1 ? ctx.nextWalks.get(scope as Element) : undefined;
    if (done) {
      walkedAgain.add(scope);
      for (const host of done.hosts) hostsWalked.add(host);
      return done.effective;
    }
    const claimedNow = [...ctx.claimed];
    const before = scope.nodeType === 1 ? ctx.walks?.get(scope as Element) : undefined;
    let walk = before && (yield* walkAgain(scope as Element, before, claimedNow));
    if (walk) walkedAgain.add(scope);
    else walk = yield* walkWhole(scope, claimedNow);
    if (scope.nodeType === 1) ctx.nextWalks.set(scope as Element, walk);
    for (const host of walk.hosts) hostsWalked.add(host);
    return walk.effective;
  }

  /** Lists a text read again in a walk under the element its reading depends on now. */
  function listText(walk: KeptWalk, node: Text, r: TextReading): void {
    const byDep = walk.byDep!;
    const depOf = walk.depOf!;
    const old = depOf.get(node);
    if (old === r.dep) return;
    if (old) {
      byDep.get(old)?.delete(node);
      depOf.delete(node);
    }
    if (!r.dep) {
      walk.always.add(node);
      return;
    }
    depOf.set(node, r.dep);
    const texts = byDep.get(r.dep);
    if (texts) texts.add(node);
    else byDep.set(r.dep, new Set([node]));
  }

  /** A whole walk's texts by the element each reading depended on. */
  function index(walk: KeptWalk): void {
    const byDep = (walk.byDep = new Map());
    const depOf = (walk.depOf = new Map());
    const { texts, deps } = walk.listed!;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      const dep = deps[i]!;
      depOf.set(t, dep);
      const set = byDep.get(dep);
      if (set) set.add(t);
      else byDep.set(dep, new Set([t]));
    }
    walk.listed = undefined;
  }

  function* walkWhole(scope: Node, claimedNow: Element[]): Steps<KeptWalk> {
    const texts: Text[] = [];
    const listed = { texts: [] as Text[], deps: [] as Element[] };
    const walk: KeptWalk = { effective: [], listed, always: new Set(), hosts: new Set(), claimed: claimedNow };
    walkText(scope, (node) => isShort(node) && texts.push(node), walk.hosts);
    for (const t of texts) {
      if (++n % 3 === 0) yield;
      const parent = t.parentElement;
      if (!parent || inClaimed(parent)) continue;
      const r = readingOf(t, parent);
      if (r.dep) {
        listed.texts.push(t);
        listed.deps.push(r.dep);
      } else walk.always.add(t);
      if (gives(r)) walk.effective.push(t);
      if (!r.header) markPast(parent, r.top);
    }
    return walk;
  }

  /** The last reading's walk of `scope` brought up to date; null when it is to be walked whole. */
  function* walkAgain(scope: Element, before: KeptWalk, claimedNow: Element[]): Steps<KeptWalk | null> {
    const d = dirt;
    if (!d || !scope.isConnected || d.attributes.has(scope) || underSearched(scope, d) || !(quiet ??= quietAbove(d))(scope)) return null;
    if (before.claimed.length !== claimedNow.length || before.claimed.some((g, i) => g !== claimedNow[i])) return null;
    // Where the page changed: what was added or changed, where an attribute changed (the outermost, in this part of the page).
    const marked = new Set<Node>([...d.searched, ...d.attributes]);
    const roots: Node[] = [];
    for (const node of marked) {
      if (node === scope || !node.isConnected) continue;
      let inside = false;
      for (let up = parentOf(node); up; up = parentOf(up)) {
        if (up === scope) {
          inside = true;
          break;
        }
        if (marked.has(up)) break;
      }
      if (inside) roots.push(node);
    }
    if (roots.length > MAX_ROOTS) return null;
    const rootSet = new Set(roots);
    // Still where the walk meets it, in nothing that is walked again: under the scope, in no skipped subtree, under no root.
    // (Some texts listed by an earlier reading have since left the scope or been hidden.)
    const standing = (node: Node): boolean => {
      // (A text that is itself where the page changed (moved, rewritten) is read again, in its place now.)
      if (!node.isConnected || rootSet.has(node)) return false;
      for (let n = parentOf(node); n; n = parentOf(n)) {
        if (n === scope) return true;
        if (rootSet.has(n) || (n.nodeType === 1 && skipped(n as Element))) return false;
      }
      return false;
    };
    if (!before.byDep) index(before);
    const byDep = before.byDep!;
    const depOf = before.depOf!;
    const walk: KeptWalk = { effective: [], byDep, depOf, always: new Set(), hosts: new Set(), claimed: claimedNow };
    for (const host of before.hosts) if (!rootSet.has(host) && standing(host)) walk.hosts.add(host);
    const kept = before.effective.filter((t) => isShort(t) && standing(t));
    // To read again: the texts in what changed (by where it changed, each in the walk's order), those whose
    // reading depends on something changed, those that depend on the whole page.
    const again = new Set<Text>();
    const blocks: Text[][] = [];
    for (const root of roots) {
      if (skippedBelow(root, scope)) continue;
      const block: Text[] = [];
      const add = (t: Text) => {
        if (isShort(t) && !again.has(t)) {
          again.add(t);
          block.push(t);
        }
      };
      if (root.nodeType === 3) add(root as Text);
      else if (root.nodeType === 1 || root.nodeType === 11) {
        const host = root.nodeType === 1 ? (root as Element) : null;
        // (Its own shadow root first, as the walk from above meets it.)
        if (host?.shadowRoot) {
          walk.hosts.add(host);
          walkText(host.shadowRoot, add, walk.hosts);
        }
        walkText(root, add, walk.hosts);
      }
      if (block.length) blocks.push(block);
    }
    const inBlocks = new Set(again);
    for (const node of d.touched) {
      const texts = node.nodeType === 1 ? byDep.get(node as Element) : undefined;
      if (!texts) continue;
      for (const t of texts) {
        if (++n % 50 === 0) yield;
        if (!t.isConnected) {
          texts.delete(t);
          depOf.delete(t);
        } else if (isShort(t) && standing(t)) again.add(t);
      }
    }
    for (const t of before.always) if (isShort(t) && standing(t)) again.add(t);
    // (The others stood in the last reading, and nothing they read changed since: they stand now.)
    for (const t of kept) {
      const r = readings.get(t);
      if (r && r.at === ctx.lastAt && !again.has(t)) r.at = at;
    }
    const was = new Set(kept);
    const gone = new Set<Text>();
    for (const t of again) {
      if (++n % 3 === 0) yield;
      const parent = t.parentElement;
      const r = parent && !inClaimed(parent) ? readingOf(t, parent) : null;
      if (r) listText(walk, t, r);
      if (!r || !gives(r)) gone.add(t);
    }
    const effective = (walk.effective = gone.size ? kept.filter((t) => !gone.has(t)) : kept);
    // What gives something now and did not stand in the list: each changed place's texts put in at once (they follow
    // each other in the walk), the others one by one.
    for (const block of blocks) {
      if (++n % 3 === 0) yield;
      const fresh = block.filter((t) => !gone.has(t));
      if (fresh.length) effective.splice(placeIn(effective, fresh[0]!), 0, ...fresh);
    }
    for (const t of again) {
      if (inBlocks.has(t) || was.has(t) || gone.has(t)) continue;
      if (++n % 3 === 0) yield;
      effective.splice(placeIn(effective, t), 0, t);
    }
    return walk;
  }

  /** Whether a text in the item was read past it (`Reach`): then the item is not kept. */
  function* readPast(item: Element): Steps<boolean> {
    const texts: Text[] = [];
    walkText(item, (t) => {
      if (seedSet.has(t) || isShort(t)) texts.push(t);
    });
    for (const t of texts) {
      if (++n % 3 === 0) yield;
      const parent = t.parentElement;
      if (!parent || inClaimed(parent)) continue;
      const r = readingOf(t, parent);
      // (A column header's text is read only as a seed.)
      if (r.header && !seedSet.has(t)) continue;
      const top = anywhere.has(t) ? null : r.top;
      if (top === null || (top !== undefined && top !== item && !item.contains(top))) return true;
    }
    return false;
  }

  /** What to keep of an item read now, for the next reading to take as it is; undefined when it may not be (see `KeptItem`). */
  function* keepItem(item: Element, list: Pair[], record: PageRecord, headings: string[], named: boolean): Steps<KeptItem | undefined> {
    if (item === top || item.nodeType !== 1 || unsafe.has(item) || !keepable(item)) return undefined;
    // No shadow root in it (the pairs in one are read with it, but are no item's of the page around
    // it), no other item inside it, no table or grid read (a kept item's seeds do not ask again for a
    // grid of plain elements inside it).
    const { hosts, outer } = around();
    if (hosts.has(item) || outer.has(item)) return undefined;
    for (const g of ctx.claimed) if (item.contains(g)) return undefined;
    for (let up = item.parentElement; up; up = up.parentElement) if (wide.has(up)) return undefined;
    // Its expiries are all its own, and one of them was read in a part of the page that holds all of it.
    const expiries = list.filter((p) => p.key === opts.itemKey);
    if (expiries.some((p) => grouped.itemOf.get(p) !== item)) return undefined;
    if (!expiries.some((p) => {
      const scope = scopeOfPair.get(p);
      return scope && (scope === top || scope.contains(item));
    })) return undefined;
    if (walkedAgain.size && under(item, walkedAgain) && (yield* readPast(item))) return undefined;
    // Its seeds, and the pairs they started (the first of its pairs); then the pairs the walk found in it.
    const seedsIn = seedsOf().get(item) ?? [];
    const kept: KeptItem = { element: item, record, headings, named, seeds: seedsIn, bySeed: new Map(), size: 0, walk: [], origins: new Map(), scopes: new Map(), grids: new Map() };
    for (const s of seedsIn) {
      const own = bySeed.get(s);
      if (own) {
        kept.bySeed.set(s, own);
        kept.size += own.length;
      }
      const grid = ctx.gridOfSeed.get(s);
      if (grid) kept.grids.set(s, grid);
    }
    let i = 0;
    for (const list2 of kept.bySeed.values()) for (const p of list2) if (list[i++] !== p) return undefined;
    kept.walk = list.slice(kept.size);
    for (const p of expiries) {
      const origin = grouped.origins.get(p);
      const scope = scopeOfPair.get(p);
      if (!origin || (origin.candidate !== item && !origin.candidate.contains(item))) return undefined;
      kept.origins.set(p, origin);
      if (scope) kept.scopes.set(p, scope);
    }
    for (const p of list) itemOfPair.set(p, kept);
    return kept;
  }

  /** The elements around (or being) a shadow host whose texts the walk read; the items around another item. */
  function around(): { hosts: Set<Element>; outer: Set<Element> } {
    if (aroundOf) return aroundOf;
    aroundOf = { hosts: new Set(), outer: new Set() };
    for (const host of hostsWalked) for (let up: Element | null = host; up && !aroundOf.hosts.has(up); up = up.parentElement) aroundOf.hosts.add(up);
    for (const item of grouped.groups.keys()) for (let up = item.parentElement; up && !aroundOf.outer.has(up); up = up.parentElement) aroundOf.outer.add(up);
    return aroundOf;
  }

  /** The seeds in each item (the nearest item around each). */
  function seedsOf(): Map<Element, Text[]> {
    if (seedsByItem) return seedsByItem;
    seedsByItem = new Map();
    for (const s of seedNodes) {
      for (let up = s.parentElement; up; up = up.parentElement) {
        if (!grouped.groups.has(up)) continue;
        const list = seedsByItem.get(up) ?? [];
        list.push(s);
        seedsByItem.set(up, list);
        break;
      }
    }
    return seedsByItem;
  }
}


// ---------------------------------------------------------------------------------------------
// Sentences

/** The block a sentence sits in: the nearest non-inline element, when it is sentence-sized. */
function sentenceBlock(textNode: Text): Element | null {
  let el = textNode.parentElement;
  while (el && INLINE.has(el.tagName) && el.parentElement) el = el.parentElement;
  return el && textOf(el).length <= MAX_SENTENCE ? el : null;
}

/** The part of the page a lone details panel can draw its other fields from. */
const SCOPE = 'section, article, form, fieldset, dl, table, li, main, [role="region"], [role="dialog"], [role="tabpanel"], [role="group"], [role="listitem"], [role="main"], [role="alert"]';

/** The part of the page a label's record is read in. A table nested in another table's cell is part of the outer one's record. */
function scopeOf(label: Element): Element | null {
  let scope = closestUp(label.parentElement, SCOPE);
  while (scope?.tagName === 'TABLE' && scope.parentElement?.closest('td, th')) scope = closestUp(scope.parentElement, SCOPE);
  return scope;
}

/**
 * `el.closest(selector)`, found by walking up: the scopes are compared by identity (one walked
 * is kept by element), and jsdom gives a form's own `closest` another object than the form.
 */
function closestUp(el: Element | null, selector: string): Element | null {
  for (let up = el; up; up = up.parentElement) if (up.matches(selector)) return up;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reading a document again: what changed is read anew, what did not is taken from the last reading

/** What the last kept reading of a document found (lib/dom/changes.ts says what changed since). */
interface Kept {
  /** The options it was read with: another caller's reading is not this one's. */
  options: CollectOptions;
  /** The texts the first walk found (seeds and notices), in reading order. */
  found: Text[];
  /** The records of each table or ARIA grid it read. */
  grids: Map<Element, KeptGrid>;
  /** The records of each grid of plain elements it read (one element may be read as both). */
  plain: Map<Element, KeptGrid>;
  /** The cards, list items and panels it read that may be taken as they were, by each seed in them. */
  items: Map<Text, KeptItem>;
  /** What each short text read around the seeds gave (see `TextReading`), and the texts of each part of the page walked (`KeptWalk`). */
  texts: Map<Text, TextReading>;
  /** This reading's number (`readingCount`). */
  at: number;
  walks: Map<Element, KeptWalk>;
  /** When the page was last read whole (the caller's clock; undefined when it gave none). */
  wholeAt: number | undefined;
}

interface KeptGrid {
  records: PageRecord[];
  /** Each data row's record and the cells it was read from. */
  rows: Map<Element, { record: PageRecord; cells: readonly { el: Element }[] }>;
  /** Its headers, headings and shown rows: its rows are reused one by one only under the same ones. */
  key: string;
  /** The headings it sat under. */
  headings: readonly string[];
  /** A record took a detail row: its rows are not reused one by one. */
  details: boolean;
}

/**
 * An item (a card, a list item, a details panel) as read, to be taken as it was by the next
 * reading when nothing changed in it nor above it (`stillThere`, `quietAbove`), the expiries
 * beside it are the same elements (its extent was found from them), and nothing read anew reaches
 * into it. Kept only when reading it looked at nothing outside it but the elements above it: no
 * text in it was read past it (`Reach`), it sits in no block read whole, it holds no form field
 * (a value changes unseen), no other item, and one of its expiries was read in a part of the page
 * holding all of it. Its headings are read again when something before it or above it changed.
 */
interface KeptItem {
  element: Element;
  record: PageRecord;
  /** The headings it sat under (`headingsFor`); `named`: its name, a heading, was put first in the record's. */
  headings: readonly string[];
  named: boolean;
  /** The seeds in it, and the pairs each started (in order); `size`: how many pairs they are. */
  seeds: Text[];
  bySeed: Map<Text, Pair[]>;
  size: number;
  /** The pairs the walk of its scope found in it, in order (after those of the seeds). */
  walk: Pair[];
  /** Each expiry's neighbours and candidate, its part of the page, its seeds' grids (found, not read). */
  origins: Map<Pair, ItemOrigin>;
  scopes: Map<Pair, Element>;
  grids: Map<Text, Element>;
}

/** What reading the label/value pairs and items gave. */
interface ItemStage {
  pairs: Pair[];
  records: PageRecord[];
  /** The items to keep for the next reading. */
  kept: Map<Element, KeptItem>;
  /** Kept items that may not be taken as they were after all: read again without them. */
  dropped: Set<Element>;
}

/** The kept item of the last reading (`last`) a seed is in, when this reading takes it as it was (`reuse`). */
function takenItem(node: Text, last: ReadonlyMap<Text, KeptItem> | undefined, reuse: ReadonlyMap<Element, KeptItem>): KeptItem | undefined {
  const k = last?.get(node);
  return k && reuse.get(k.element) === k ? k : undefined;
}

/** The pairs grouped into a kept item now are the ones it was read with (the same objects, in the same order). */
function samePairs(list: readonly Pair[], k: KeptItem): boolean {
  if (list.length !== k.size + k.walk.length) return false;
  let i = 0;
  for (const s of k.seeds) for (const p of k.bySeed.get(s) ?? []) if (list[i++] !== p) return false;
  for (const p of k.walk) if (list[i++] !== p) return false;
  return true;
}

/** The kept item still stands where it was: nothing in it (nor in the element it was narrowed from) changed, it did not move. */
function stillThere(k: KeptItem, dirt: Dirt): boolean {
  if (!k.element.isConnected || !unchanged(k.element, dirt)) return false;
  for (const { candidate } of k.origins.values()) if (candidate !== k.element && !unchanged(candidate, dirt)) return false;
  return true;
}

/** `test` of an element and of every element above it, remembered by element: the items of one list share the elements above them. */
function allAbove(test: (el: Element) => boolean): (el: Element | null) => boolean {
  const memo = new Map<Element, boolean>();
  const all = (el: Element | null): boolean => {
    if (!el) return true;
    let v = memo.get(el);
    if (v === undefined) memo.set(el, (v = test(el) && all(el.parentElement)));
    return v;
  };
  return all;
}

/** No attribute the reader looks at changed on an element above: its role (a button, a grid, a scope), its label. */
function quietAbove(dirt: Dirt): (el: Element) => boolean {
  if (!dirt.attributes.size) return () => true;
  const quiet = allAbove((el) => !dirt.attributes.has(el));
  return (el) => quiet(el.parentElement);
}

/**
 * Whether what `headingsFor` reads before and above an element is as it was: no element among
 * the few before it and before each element above it changed, none was added or removed there,
 * and none above it is labelled by another element or is a table (whose caption is inside it).
 */
function headingsStill(dirt: Dirt): (el: Element) => boolean {
  // Nothing changed anywhere.
  if (!dirt.touched.size) return () => true;
  return allAbove((el) => {
    // (Its parent node: at the top of a shadow root, the root.)
    if (el.hasAttribute('aria-labelledby') || (el.tagName === 'TABLE' && dirt.touched.has(el)) || (el.parentNode && dirt.lists.has(el.parentNode))) return false;
    for (let sib = el.previousElementSibling, i = 0; sib && i < 8; sib = sib.previousElementSibling, i++) if (dirt.touched.has(sib)) return false;
    return true;
  });
}

const kept = new WeakMap<Document, Kept>();

/** How many readings were started (each reading's number). */
let readingCount = 0;

/** The kept item each pair of it was read in (a pair object is taken with its item from one reading to the next). */
const itemOfPair = new WeakMap<Pair, KeptItem>();

/** The next reading of `doc` reads it whole (a caller that knows it changed where no MutationObserver sees: a form field's value). */
export function forgetReading(doc: Document): void {
  kept.delete(doc);
}

/** Where the page changed since the last reading: every node changed and all above it; the nodes whose texts must be searched. */
interface Dirt {
  touched: Set<Node>;
  searched: Set<Node>;
  /** Elements an attribute the reader looks at changed on. */
  attributes: Set<Node>;
  /** Nodes a child was added to or removed from. */
  lists: Set<Node>;
  /** What `underSearched` found, by node. */
  below: Map<Node, boolean>;
}

interface Again {
  last: Kept;
  dirt: Dirt;
}

/** The node above, across a shadow root's boundary. */
function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node as ShadowRoot).host ?? null;
}

/** True when `node` or a node above it is in `set`. */
function under(node: Node, set: ReadonlySet<Node>, stop?: Node): boolean {
  if (!set.size) return false;
  for (let n: Node | null = node; n && n !== stop; n = parentOf(n)) if (set.has(n)) return true;
  return false;
}

function dirtOf(changes: readonly Change[]): Dirt {
  const touched = new Set<Node>();
  const searched = new Set<Node>();
  const attributes = new Set<Node>();
  const lists = new Set<Node>();
  for (const { node, search, what } of changes) {
    if (search) searched.add(node);
    if (typeof what === 'object') attributes.add(node);
    else if (what === 'removal') lists.add(node);
    else if (what === 'added') {
      const parent = parentOf(node);
      if (parent) lists.add(parent);
    }
    // Up to the first node already marked: what is above it is marked too.
    for (let n: Node | null = node; n && !touched.has(n); n = parentOf(n)) touched.add(n);
  }
  return { touched, searched, attributes, lists, below: new Map() };
}

/** `under(node, dirt.searched)`, remembered for the nodes above: hundreds of cards in one list ask it of the same elements. */
function underSearched(node: Node, dirt: Dirt): boolean {
  if (!dirt.searched.size) return false;
  const path: Node[] = [];
  let answer = false;
  for (let n: Node | null = node; n; n = parentOf(n)) {
    const known = dirt.below.get(n);
    if (known !== undefined) {
      answer = known;
      break;
    }
    path.push(n);
    if (dirt.searched.has(n)) {
      answer = true;
      break;
    }
  }
  for (const n of path) dirt.below.set(n, answer);
  return answer;
}

/**
 * A grid root or row, an item: nothing inside it changed, and neither it nor anything above it (up to
 * `within`, a row's grid, when given) was added (moved, or put back) since.
 */
function unchanged(el: Element, dirt: Dirt, within?: Element): boolean {
  return !dirt.touched.has(el) && !(within ? under(el, dirt.searched, within) : underSearched(el, dirt));
}

function sameCells(before: readonly { el: Element }[], cells: readonly { el: Element }[]): boolean {
  return before.length === cells.length && cells.every((c, i) => c.el === before[i]!.el);
}

function gridKey(grid: Grid, headings: readonly string[]): string {
  return JSON.stringify([grid.headers, headings, grid.partial ?? null]);
}

/** The last reading's records of a grid in which nothing changed, under the same headings; undefined otherwise. */
function sameGrid(before: KeptGrid | undefined, again: Again, root: Element, headings: readonly string[]): KeptGrid | undefined {
  if (!before || !unchanged(root, again.dirt)) return undefined;
  return before.headings.length === headings.length && before.headings.every((h, i) => h === headings[i]) ? before : undefined;
}

/**
 * A grid whose records may be kept: none of its cells reads a form field's value, which a page
 * changes without a change a MutationObserver sees (checkboxes and radio buttons are not read).
 */
function keepable(root: Element): boolean {
  if (root.getElementsByTagName('textarea').length || root.getElementsByTagName('output').length) return false;
  const inputs = root.getElementsByTagName('input');
  for (let i = 0; i < inputs.length; i++) {
    const type = inputs[i]!.type;
    if (type !== 'checkbox' && type !== 'radio') return false;
  }
  return true;
}

/** The shadow hosts a node sits in, outermost first. */
function hostsOf(node: Node): Element[] {
  const out: Element[] = [];
  for (let r = node.getRootNode() as Node; (r as ShadowRoot).host; r = (r as ShadowRoot).host.getRootNode()) out.unshift((r as ShadowRoot).host);
  return out;
}

/** The order the first walk finds texts in: a tree's own texts in document order, then each shadow root's in the order of their hosts. */
function readingOrder(a: Node, b: Node): number {
  return treeOrder(a, b, false);
}

/** `readingOrder` (`atHost` false) or `walkOrder` (true). */
function treeOrder(a: Node, b: Node, atHost: boolean): number {
  if (a === b) return 0;
  // The same tree (the common case): the browser's document order.
  const position = a.compareDocumentPosition(b);
  if (!(position & 1 /* DISCONNECTED */)) return position & 4 /* FOLLOWING */ ? -1 : 1;
  const ha = hostsOf(a);
  const hb = hostsOf(b);
  let i = 0;
  while (i < ha.length && i < hb.length && ha[i] === hb[i]) i++;
  if (!atHost) {
    if (i === ha.length && i === hb.length) return a.compareDocumentPosition(b) & 4 ? -1 : 1;
    if (i === ha.length) return -1;
    if (i === hb.length) return 1;
    return ha[i]!.compareDocumentPosition(hb[i]!) & 4 ? -1 : 1;
  }
  // Each stands in the tree they share for the host it is under there (or for itself).
  const x = i < ha.length ? ha[i]! : a;
  const y = i < hb.length ? hb[i]! : b;
  if (x === y) return i < ha.length ? 1 : -1;
  const p = x.compareDocumentPosition(y);
  // One's host holds the other: the host's shadow root comes before its children.
  if (p & 16 /* CONTAINED_BY */) return -1;
  if (p & 8 /* CONTAINS */) return 1;
  return p & 4 ? -1 : 1;
}

/**
 * The first walk's texts again, from the last reading's and the changes since: a text kept is
 * still in the page and in nothing changed since; what was added or changed is searched. The
 * same texts, in the same order, as a walk over the whole page; null when too many for one reading.
 */
function* seedsAgain(top: Element, again: Again, changes: readonly Change[], test: (text: string) => boolean, span: ((text: string) => boolean) | undefined, watch?: (root: ShadowRoot) => void): Steps<Text[] | null> {
  const { searched } = again.dirt;
  const out = again.last.found.filter((t) => t.isConnected && !under(t, searched));
  const fresh: Text[] = [];
  const inTop = new Set<Node>([top]);
  let n = 0;
  for (const { node, search } of changes) {
    if (!search || !node.isConnected) continue;
    if (++n % 20 === 0) yield;
    // The part of the page the first walk reads was itself hidden, shown, replaced: read it whole.
    if (node.contains(top)) return null;
    // Searched with a node above it, or outside the part of the page the first walk reads.
    const parent = parentOf(node);
    if ((parent && under(parent, searched)) || !under(node, inTop)) continue;
    // Inside a shadow root whose host (or a host above it) the walk passes over: hidden, our own UI.
    if (hostsOf(node).some((host) => host.closest(SKIP_SELECTOR))) continue;
    if (node.nodeType === 3) {
      if (isSeedNode(node as Text, test)) fresh.push(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      yield* findSeeds(el, test, MAX_SEEDS, span, fresh, watch);
      // Its own shadow root (the walk from the page's top meets it as one of the elements below).
      if (el.shadowRoot && !el.closest(SKIP_SELECTOR)) {
        watch?.(el.shadowRoot);
        yield* findSeeds(el.shadowRoot, test, MAX_SEEDS, span, fresh, watch);
      }
    }
    if (out.length + fresh.length >= MAX_SEEDS) return null;
  }
  if (!fresh.length) return out;
  // (A text removed while this reading paused has no place in the page's order.)
  return [...new Set([...out, ...fresh])].filter((t) => t.isConnected).sort(readingOrder);
}

export interface Collected {
  records: PageRecord[];
  /** How many seed texts the page holds (0: nothing on it is about an expiry). */
  seeds: number;
}

/**
 * A document read again within this long of its last whole reading is read only where it changed.
 * A MutationObserver does not see everything: a shadow root attached to an element already in the
 * page (a custom element defined late), a form field's value; the next whole reading does.
 */
export const READ_WHOLE_EVERY_MS = 60_000;

/**
 * Collects every record around the seeds of a document or element, pausing between small units
 * of work (text nodes, grid rows, seeds, items). A document read before is read again only where
 * it changed (see `Kept`), up to `READ_WHOLE_EVERY_MS` after its last whole reading at `at` (ms).
 */
export function* collectSteps(root: Document | Element, options: CollectOptions, at?: number): Steps<Collected> {
  const top = (root as Document).body ?? (root as Element);
  if (!top) return { records: [], seeds: 0 };
  // Label texts repeat (every row's status, every card's labels): ask once per text.
  const cache = new Map<string, string | null>();
  const opts: CollectOptions = {
    ...options,
    labelKey(text) {
      let key = cache.get(text);
      if (key === undefined) {
        key = options.labelKey(text);
        cache.set(text, key);
      }
      return key;
    },
  };
  // A document read before: what changed since is read again, what did not is taken from the last reading.
  const doc = root.nodeType === 9 ? (root as Document) : null;
  const log = doc ? changeLog(doc) : null;
  const since = log?.since('collect');
  const last = since && !since.all ? kept.get(doc!) : undefined;
  const recent = at === undefined || (last?.wholeAt !== undefined && at >= last.wholeAt && at - last.wholeAt < READ_WHOLE_EVERY_MS);
  const again: Again | null = last && last.options === options && recent ? { last, dirt: dirtOf(since!.changes) } : null;
  const nextGrids = new Map<Element, KeptGrid>();
  const nextPlain = new Map<Element, KeptGrid>();
  const watch = log ? (sr: ShadowRoot) => log.watch(sr) : undefined;
  // One walk over the page finds the seeds; everything else is read only around them.
  const isNotice = opts.isNotice;
  const wanted = isNotice ? (t: string) => opts.isSeed(t) || isNotice(t) : opts.isSeed;
  const candidate = opts.candidate;
  const test = candidate ? (t: string) => candidate(t) && wanted(t) : wanted;
  const span = candidate && opts.candidateSpan;
  const found = (again && (yield* seedsAgain(top, again, since!.changes, test, span, watch))) || (yield* findSeeds(top, test, MAX_SEEDS, span, [], watch));
  let nextItems = new Map<Element, KeptItem>();
  // (Brought up to date in place: a reading cut short leaves readings that the changes since still say to read again.)
  const readings = again ? again.last.texts : new Map<Text, TextReading>();
  const readingAt = ++readingCount;
  const nextWalks = new Map<Element, KeptWalk>();
  const finish = (collected: Collected): Collected => {
    // A page with more seeds than one reading takes is read whole every time.
    if (log && found.length < MAX_SEEDS && log.done('collect', since!)) {
      const items = new Map<Text, KeptItem>();
      for (const k of nextItems.values()) for (const s of k.seeds) items.set(s, k);
      kept.set(doc!, { options, found, grids: nextGrids, plain: nextPlain, items, texts: readings, at: readingAt, walks: nextWalks, wholeAt: again ? again.last.wholeAt : at });
    }
    else if (doc) kept.delete(doc);
    return collected;
  };
  const seedNodes = isNotice ? found.filter((n) => opts.isSeed(n.data)) : found;
  const seedSet = new Set(seedNodes);
  const noticeNodes = seedNodes.length < found.length ? found.filter((n) => !seedSet.has(n)) : [];
  const records: PageRecord[] = [];
  if (found.length === 0) return finish({ records, seeds: 0 });
  const grids = new Set<Element>();
  const plainGrids = new Map<Element, Grid>();
  // Kept over this loop's pauses: a page changed in one is read again (the change stays news to the next reading).
  const askedPlain: PlainAsked = { questions: new Map(), widths: new Map() };
  // Cards, list items and panels of the last reading in which nothing changed, nor above them: taken
  // as they were, unless something read now says otherwise (see `KeptItem`).
  const reuse = new Map<Element, KeptItem>();
  if (again?.last.items.size) {
    const quiet = quietAbove(again.dirt);
    const asked = new Set<KeptItem>();
    for (const node of seedNodes) {
      const k = again.last.items.get(node);
      if (!k || asked.has(k)) continue;
      asked.add(k);
      if (stillThere(k, again.dirt) && quiet(k.element)) reuse.set(k.element, k);
    }
  }
  const keptItemOf = (node: Text) => takenItem(node, again?.last.items, reuse);
  const gridOfSeed = new Map<Text, Element>();
  let n = 0;
  for (const node of seedNodes) {
    if (++n % 2 === 0) yield;
    const k = keptItemOf(node);
    const grid = k ? k.grids.get(node) : node.parentElement?.closest(CELL)?.closest(GRID);
    if (grid) {
      grids.add(grid);
      gridOfSeed.set(node, grid);
    } else if (node.parentElement && ![...plainGrids.keys()].some((g) => g.contains(node))) {
      // (A kept item's seed asks again only where the rows around it changed: elsewhere the answer is the last one, none.)
      const plain = plainGridAround(node.parentElement, opts, askedPlain, k ? (container) => !again!.dirt.touched.has(container) : undefined);
      if (plain) plainGrids.set(plain.root, plain);
    }
  }

  // Tables and grids with a seed in them.
  let htmlTables: HTMLTableElement[] | undefined;
  const claimed = new Set<Element>();
  for (const g of grids) {
    // A table that is really a grid's layout (role=presentation inside an ARIA grid) belongs to the grid.
    if (g.tagName === 'TABLE' && g.getAttribute('role') === 'presentation' && g.parentElement?.closest(ARIA_GRID)) continue;
    const headings = headingsFor(g);
    const before = again?.last.grids.get(g);
    // Nothing in the grid changed since the last reading, nor the headings it sits under: its records are the same.
    const same = again && sameGrid(before, again, g, headings);
    if (same) {
      claimed.add(g);
      nextGrids.set(g, same);
      records.push(...same.records);
      continue;
    }
    // ARIA roles first (Fluent grids of divs); a <table role="grid"> without ARIA rows, a layout table
    // (role="presentation", jqGrid's header and body tables) and a plain table are read as HTML.
    const ariaRole = /^(grid|table|treegrid)$/.test(g.getAttribute('role') ?? '');
    const grid = (ariaRole ? readAriaGrid(g) : null) ?? (g.tagName === 'TABLE' ? readHtmlTable(g as HTMLTableElement, opts, (htmlTables ??= Array.from(top.querySelectorAll('table')))) : null);
    if (!grid) continue;
    claimed.add(g);
    yield;
    records.push(...(yield* gridRecords(grid, opts, headings, before, again?.dirt, nextGrids)));
  }
  for (const grid of plainGrids.values()) {
    claimed.add(grid.root);
    yield;
    const headings = headingsFor(grid.root);
    const before = again?.last.plain.get(grid.root);
    const same = again && sameGrid(before, again, grid.root, headings);
    if (same) nextPlain.set(grid.root, same);
    records.push(...(same ? same.records : yield* gridRecords(grid, opts, headings, before, again?.dirt, nextPlain)));
  }
  const inClaimed = (el: Element) => {
    for (const g of claimed) if (g.contains(el)) return true;
    return false;
  };

  // A kept item now inside a table or grid read above is no item.
  for (const el of reuse.keys()) if (inClaimed(el)) reuse.delete(el);

  // Label/value pairs (anywhere but in the grids read above), then items. Read again without the
  // kept items something read now reaches into, until none does.
  let stage: ItemStage;
  let textStandsOf: ((r: TextReading) => boolean) | undefined;
  for (;;) {
    stage = yield* readItems({
      opts,
      top,
      seedNodes,
      inClaimed,
      claimed,
      reuse,
      gridOfSeed,
      ...(again ? { dirt: again.dirt, last: again.last.items, stands: (textStandsOf ??= textStands(again.dirt)), walks: again.last.walks } : {}),
      keep: !!log,
      readings,
      at: readingAt,
      ...(again ? { lastAt: again.last.at } : {}),
      nextWalks,
    });
    if (!stage.dropped.size) break;
    for (const el of stage.dropped) reuse.delete(el);
  }
  const { pairs } = stage;
  records.push(...stage.records);
  nextItems = stage.kept;

  // Sentences: seed texts that are neither a label nor in a grid or pair read above.
  // A notice inside a row or an item (a badge) is that record's: interpret reads it from the record's text.
  // Asked by walking up from each text (its depth), not by comparing it with every pair and item (a long list of cards has hundreds).
  const pairEls = new Set(pairs.flatMap((p) => [p.element, p.labelElement]));
  const aroundPairs = new Set<Element>();
  for (const el of pairEls) for (let up = el.parentElement; up && !aroundPairs.has(up); up = up.parentElement) aroundPairs.add(up);
  // (A lone details panel read over the whole page is no item: its element is the page.)
  const itemEls = new Set(noticeNodes.length ? records.map((r) => r.element).filter((el) => el !== top) : []);
  const blocks = new Set<Element>();
  for (const node of seedNodes.concat(noticeNodes)) {
    const parent = node.parentElement;
    if (!parent || inClaimed(parent)) continue;
    // In a pair's element or label, or around one; in a cell.
    if (aroundPairs.has(parent) || within(parent, pairEls) || parent.closest(CELL)) continue;
    if (itemEls.size && !seedSet.has(node) && within(parent, itemEls)) continue;
    const block = sentenceBlock(node);
    if (!block || blocks.has(block) || [...blocks].some((b) => b.contains(block))) continue;
    blocks.add(block);
  }
  for (const block of blocks) {
    if (++n % 2 === 0) yield;
    const text = cleanText(block);
    const strong = Array.from(block.querySelectorAll('b, strong, em, i, q')).find((el) => cleanText(el));
    const record: PageRecord = { source: 'sentence', fields: [], text, element: block, group: block.parentElement ?? block, headings: headingsFor(block, 2) };
    const strongText = strong ? cleanText(strong) : '';
    if (strongText && strongText.length <= 120 && !opts.isSeed(strongText)) {
      record.name = strongText;
      record.nameElement = strong!;
    }
    records.push(record);
  }
  return finish({ records, seeds: seedNodes.length });
}
