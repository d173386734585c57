/**
 * Finds a step's control on a page by what it says, in every language we read. Pure DOM
 * reading: nothing is clicked or changed.
 */
import { fieldLabels, normLabel, OWN_SELECTOR, textOf } from '../dom/read';
import { normName } from '../credentials/merge';
import type { Step, Target } from '../consoles/flow';
import { findDates } from '../dates/parse';

/** What the guide knows of the credential it renews: its name, its topic, its expiry when the renewal began. */
export interface GuideFor {
  name: string;
  topic?: string | undefined;
  oldExpiry?: string | null | undefined;
}

const CONTROLS = 'button, a[href], a[role], [role="button"], [role="menuitem"], [role="tab"], [role="link"], input[type="button"], input[type="submit"]';
const ROWS = 'tr, [role="row"], li, [role="listitem"], [role="option"]';
function isOwn(el: Element): boolean {
  return el.closest(OWN_SELECTOR) !== null;
}

/** Laid out and not hidden; documents without layout (unit tests) count everything as visible. */
function visible(el: Element): boolean {
  const rects = el.getClientRects?.();
  if (!rects || typeof (el as HTMLElement).offsetWidth !== 'number') return true;
  const win = el.ownerDocument.defaultView;
  if (win && win.innerWidth === 0) return true;
  return rects.length > 0;
}

function labelOf(el: Element): string {
  const input = el as HTMLInputElement;
  return el.getAttribute('aria-label') ?? (el.tagName === 'INPUT' ? input.value : textOf(el));
}

function pick(list: Element[]): Element | null {
  return list.find(visible) ?? list[0] ?? null;
}

/** Longer than any control's label we look for: such a control is read no further. */
const MAX_LABEL = 80;

/**
 * The controls under `root`, each with its label read once, for asking several lists of labels
 * (the guards ask four or five on one page): `find(labels)` gives every control whose text or
 * accessible name reads as one of them.
 */
export function controlIndex(root: ParentNode): (labels: readonly string[]) => Element[] {
  let index: { el: Element; label: string }[] | undefined;
  return (labels) => {
    index ??= Array.from(root.querySelectorAll(CONTROLS)).flatMap((el) => {
      const raw = labelOf(el);
      return raw.length <= MAX_LABEL && !isOwn(el) ? [{ el, label: normLabel(raw) }] : [];
    });
    return index.filter((c) => labels.includes(c.label)).map((c) => c.el);
  };
}

/** Every control under `root` whose text or accessible name reads as one of `labels`. */
export function controls(root: ParentNode, labels: readonly string[]): Element[] {
  return controlIndex(root)(labels);
}

function fileLabel(input: HTMLInputElement): string {
  const { aria, byFor, around } = fieldLabels(input);
  return normLabel(aria ?? (byFor || around));
}

/**
 * The rows (innermost) showing `date` among their dates: how a push certificate's row is told
 * when its console never shows the topic (CLOMO PANEL). Only one: two certificates expiring the
 * same day cannot be told apart this way, and none is pointed at.
 */
export function rowsByExpiry(doc: Document, date: string): Element[] {
  const rows = Array.from(doc.querySelectorAll(ROWS)).filter((row) => !isOwn(row) && !row.querySelector(ROWS) && rowDates(row).includes(date));
  return rows.length === 1 ? rows : [];
}

/** The dates a row shows, cell by cell: a row's text runs its cells together ("CorporationMar 14, 2027"). */
function rowDates(row: Element): string[] {
  const lang = row.ownerDocument.documentElement?.getAttribute('lang') || 'en';
  const cells = row.querySelectorAll('td, th, [role="gridcell"], [role="cell"]');
  return (cells.length ? Array.from(cells) : [row]).flatMap((cell) => findDates(textOf(cell), lang).flatMap((d) => (d.value ? [d.value] : [])));
}

/** Whether a row shows any date: a certificate's row, not a menu's. */
export function rowShowsDate(row: Element): boolean {
  return rowDates(row).length > 0;
}

/** Rows (innermost) that show the credential: its topic (else, for a console that shows none, its expiry), or its name as the row's own text. */
function rowsFor(doc: Document, by: 'topic' | 'name', guide: GuideFor): Element[] {
  const needle = by === 'topic' ? guide.topic : guide.name;
  if (by === 'topic' && !needle && guide.oldExpiry) return rowsByExpiry(doc, guide.oldExpiry);
  if (!needle) return [];
  const n = normName(needle);
  return Array.from(doc.querySelectorAll(ROWS)).filter((row) => {
    if (isOwn(row) || row.querySelector(ROWS)) return false;
    const text = textOf(row);
    return by === 'topic' ? text.includes(needle) : normName(text).includes(n);
  });
}

export function findTarget(doc: Document, target: Target, guide: GuideFor): Element | null {
  switch (target.type) {
    case 'none':
      return null;
    case 'control':
      return pick(controls(doc, target.labels));
    case 'file': {
      const inputs = Array.from(doc.querySelectorAll<HTMLInputElement>('input[type="file"]')).filter((i) => !i.disabled && !isOwn(i));
      const labelled = target.labels ? inputs.filter((i) => target.labels!.includes(fileLabel(i))) : [];
      return pick(labelled.length ? labelled : inputs);
    }
    case 'row': {
      for (const row of rowsFor(doc, target.match, guide)) {
        const found = pick(controls(row, target.labels));
        if (found) return found;
      }
      return null;
    }
    case 'item': {
      const n = normName(guide.name);
      if (!n) return null;
      // The element that shows exactly the name, then what a person clicks to select it:
      // the button or link around it, else its row.
      const named = Array.from(doc.body?.querySelectorAll('*') ?? []).filter(
        (el) => el.childElementCount <= 1 && !isOwn(el) && normName(textOf(el)) === n,
      );
      const targets = named.map((el) => el.closest(CONTROLS) ?? el.querySelector(CONTROLS) ?? el.closest(ROWS) ?? el);
      return pick(targets.filter((el, i) => targets.indexOf(el) === i));
    }
  }
}

/** The control of a step on this page, or null (the step happens elsewhere, or is not shown yet). */
export function findStepTarget(doc: Document, step: Step, guide: GuideFor): Element | null {
  return findTarget(doc, step.target, guide);
}
