/** The page outline of a console page, with the reading layer's vocabulary deciding which texts are labels worth keeping. */
import { pageOutline } from '../dom/outline';
import type { PageScan } from '../scan';
import { isVocabularyText } from './vocabulary';

export function outlineOf(doc: Document, scan: PageScan, now: Date): string {
  return pageOutline(doc, {
    isLabel: isVocabularyText,
    header: [
      'Token Radar page outline: the page\'s structure, roles and known labels only.',
      'Every other text and value is replaced by its shape (Xxxx, 9/99/9999, x@x.x, com.apple.mgmt.External.<uuid>).',
      `console: ${scan.console ?? 'unknown'} · page kind: ${scan.page ?? 'not recognised'} · credentials read: ${scan.credentials.length} · not read: ${scan.unreadable?.count ?? 0}`,
      `made: ${now.toISOString().slice(0, 10)}`,
    ],
  });
}
