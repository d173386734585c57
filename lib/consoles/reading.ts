/**
 * Collecting with the one vocabulary: what the page collector (lib/dom/collect.ts) is told a
 * label, a seed and an expiry phrase are. interpret.ts then reads the records.
 */
import { collectSteps, type CollectOptions, type Collected } from '../dom/collect';
import type { Steps } from '../steps';
import { isNotice } from '../credentials/health';
import { CANDIDATE, EXPIRY_STEMS, inCandidateSpan } from '../credentials/seeds';
import { remembered } from '../memo';
import { EXPIRY_PREFIX, fieldType, relativeDays } from './vocabulary';

/** `fieldType`, remembered: the same labels come back on every row and card, and every scan. */
const labelType = remembered(fieldType, 5000);

export const COLLECT_OPTIONS: CollectOptions = {
  labelKey: labelType,
  isSeed: (text) => EXPIRY_STEMS.test(text),
  isNotice,
  candidate: (text) => CANDIDATE.test(text),
  candidateSpan: inCandidateSpan,
  itemKey: 'expiry',
  splitSeed(text) {
    // `Expires Dec 5, 2026`, `Token expires 05/03/2027`, `有効期限：2027/02/10`, `Läuft am 5. Dezember 2026 ab`, `Expires in 12 days`.
    const digit = text.search(/\d/);
    const label = (digit === -1 ? text : text.slice(0, digit)).replace(/[\s:：]+$/, '').trim();
    // A short label and a short value: a sentence ("Your token expires on …. Renew it …") is not a field.
    if (!label || label.split(/\s+/).length > 4 || label.length > 30 || text.length > 60 || /["“”„«»「」『』‘’]/.test(label)) return null;
    if (digit === -1 && relativeDays(text) === null) return null;
    // German splits the verb: `Token läuft am 7. Februar 2027 ab`, `läuft in 12 Tagen ab`.
    if (/\bläuft\b.*\bab\s*$/i.test(text)) return { label: 'läuft ab', value: text.trim() };
    if (labelType(label) !== 'expiry' && !EXPIRY_PREFIX.test(text)) return null;
    return { label, value: text.trim() };
  },
};

/** Every record of a page, collected with the one vocabulary, pausing between small units of work; `now`: see `collectSteps`. */
export function readRecordsSteps(doc: Document, now?: Date): Steps<Collected> {
  return collectSteps(doc, COLLECT_OPTIONS, now?.getTime());
}
