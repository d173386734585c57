/**
 * Readers shared by the console adapters. They find things by what a person reads (header
 * texts, label texts, ARIA roles), never by CSS classes, which consoles rename at will.
 */

/** Token Radar's own elements in a page (a selector cannot match the `token-radar-` prefix): the overlay, badges, notes, the upload check. */
export const OWN_TAGS = ['token-radar-overlay', 'token-radar-badge', 'token-radar-note', 'token-radar-upload-check'];
/** Matches Token Radar's own elements: `el.closest(OWN_SELECTOR)` says whether `el` is in our UI. */
export const OWN_SELECTOR = OWN_TAGS.join(', ');

/** The text of an element as a person reads it: spaces folded, trimmed. */
export function textOf(el: Element | null | undefined): string {
  const text = el?.textContent ?? '';
  return FOLDED_ASCII.test(text) ? text : text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
}

/** Printable ASCII with single spaces between words: already folded and trimmed (most cells of a grid, most dates). */
export const FOLDED_ASCII = /^(?:[\x21-\x7E]+(?: [\x21-\x7E]+)*)?$/;

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

/** Headings, grid labels and the title: the words that say what a page (or frame) is about. */
export function pageTitles(doc: Document): string[] {
  return pageTitlesFrom(doc).titles;
}

/** Elements whose role makes them a title. */
const TITLE_ROLES = ['[role="heading"]', '[role="grid"][aria-label]', '[role="table"][aria-label]', '[role="tab"][aria-selected="true"]'];

/** `pageTitles`, with the elements they were read from (the document's title aside). */
export function pageTitlesFrom(doc: Document): { titles: string[]; elements: Element[] } {
  const out = [doc.title];
  // Tag names are answered from the browser's indexes; the roles are matched in the browser, so
  // that only the few elements that are titles reach the script (a grid's every cell has a role).
  // One query per role: the browser tests one attribute value per element several times faster
  // than a list of selectors or an `:is()`.
  const titled = new Set<Element>([...Array.from(doc.getElementsByTagName('h1')), ...Array.from(doc.getElementsByTagName('h2')), ...Array.from(doc.getElementsByTagName('caption'))]);
  for (const selector of TITLE_ROLES) for (const el of Array.from(doc.querySelectorAll(selector))) titled.add(el);
  for (const el of Array.from(doc.getElementsByTagName('table'))) if (el.hasAttribute('aria-label')) titled.add(el);
  // In document order, as the page reads.
  const ordered = [...titled].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  for (const el of ordered) out.push(el.getAttribute('aria-label') ?? textOf(el));
  // A subtitle printed right under the page's heading ("Enrollment program token" under the token's name).
  for (const h1 of ordered.filter((el) => el.tagName === 'H1' || el.tagName === 'H2').slice(0, 3)) {
    const next = h1.nextElementSibling;
    if (next && /^(P|DIV|SPAN)$/.test(next.tagName) && !next.firstElementChild) {
      const t = textOf(next);
      if (t && t.length <= 80) out.push(t);
    }
  }
  return { titles: out.map((t) => t.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'")).filter(Boolean), elements: ordered };
}

/** APNs push topics in a text: `com.apple.mgmt.External.<uuid>`. */
export const TOPIC_RE = /com\.apple\.mgmt\.[A-Za-z0-9_-]+\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** An Apple ID / e-mail address in a text. */
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/**
 * What labels a form field, as a screen reader finds it: its `aria-label` (null when it has
 * none), the text of the `<label for>` naming it, and the text of the `<label>` around it ('' when
 * absent).
 */
export function fieldLabels(input: Element): { aria: string | null; byFor: string; around: string } {
  const byFor = input.id ? input.ownerDocument.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  return { aria: input.getAttribute('aria-label'), byFor: textOf(byFor), around: textOf(input.closest('label')) };
}
