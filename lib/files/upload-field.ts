/**
 * Which credential an upload field is for, from the words around it: its label, its row, the
 * rows just before it, the legend or heading of what holds it. What a console's mixed page says
 * where its page kind cannot (CLOMO PANEL's 基本設定 takes both the push certificate and the DEP
 * token), whatever the field's accept list says or omits.
 */
import type { CredentialKind } from '../credentials/kinds';
import { kindsIn, normWords } from '../consoles/vocabulary';
import type { ConsoleWords } from '../consoles/types';
import { fieldLabels, textOf } from '../dom/read';

const ROW = 'tr, [role="row"], li';
const TITLES = ':scope > legend, :scope > caption, :scope > h1, :scope > h2, :scope > h3, :scope > h4, :scope > [role="heading"]';
/** Rows before the field's own that may name what it takes ("VPP サービストークン" above "新しいトークン"). */
const ROWS_BEFORE = 3;
/** Containers climbed for a legend or a heading. */
const LEVELS = 6;

/** The kind the nearest words around `input` name, when they name exactly one; null otherwise. */
export function fieldKind(input: HTMLInputElement, words?: ConsoleWords): CredentialKind | null {
  const doc = input.ownerDocument;
  const { aria, byFor, around } = fieldLabels(input);
  const texts: string[] = [aria ?? '', byFor, around];
  const row = input.closest(ROW);
  if (row) {
    texts.push(textOf(row));
    let before = row.previousElementSibling;
    for (let i = 0; before && i < ROWS_BEFORE; i++, before = before.previousElementSibling) texts.push(textOf(before));
  }
  let box = input.parentElement;
  for (let i = 0; box && box !== doc.body && i < LEVELS; i++, box = box.parentElement) {
    for (const title of Array.from(box.querySelectorAll(TITLES))) texts.push(textOf(title));
  }
  for (const text of texts) {
    if (!text) continue;
    const kinds = kindsIn(normWords(text), 'strong', words).filter((k) => k !== 'symantec');
    if (kinds.length === 1) return kinds[0]!;
    if (kinds.length > 1) return null;
  }
  return null;
}
