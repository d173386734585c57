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

/** APNs push topics in a text: `com.apple.mgmt.External.<uuid>`. */
export const TOPIC_RE = /com\.apple\.mgmt\.[A-Za-z0-9_-]+\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/** An Apple ID / e-mail address in a text. */
export const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
