/**
 * The first test every text node of a console page gets: could it be about a credential's expiry
 * or state at all? Kept apart from the vocabulary so that the small script every console frame
 * loads (entrypoints/console.content) asks the same question the reader asks, without loading it.
 */

/** Words that show a text may be about an expiry at all: the cheap first test on a whole page. */
export const EXPIRY_STEMS = /expir|validit|gültigkeit|validez|有効期間|renew by|renew before|renouveler avant|erneuern bis|renovar antes|abgelaufen|läuft\b[^.!?]{0,40}\bab\b|valid unti|échéance|jusqu'|有効期限|期限|失効|満了|ablauf|läuft (?:ab|am)|gültig bis|verfällt|caduc|vencim|vence|expira|válido hasta/i;

/** A cheap first look at a text node of the page (every one is asked): might it be a notice? */
export const NOTICE_HINT = /revo|révo|double|mdm|dupli|doppelt|doublon|terms|conditions|condiciones|términos|bedingungen|規約|取り消|取消|失効|重複|widerruf|zurückgezogen|invalid|inválid|válid|valide|ungültig|無効/i;

/** Expiry words and notice words in one regular expression: the test every text node of a page gets. A text it rejects is never read. */
export const CANDIDATE = new RegExp(`${EXPIRY_STEMS.source}|${NOTICE_HINT.source}`, 'i');

/**
 * A word test for many texts joined together (an element's whole text): the same words without
 * their word-boundary tests, which the text joined after a word could defeat. It passes every run
 * of texts of which one passes `re` (these expressions have no anchors or look-arounds), so a
 * subtree whose whole text it rejects holds no text `re` passes.
 */
export function spanOf(re: RegExp): RegExp {
  return new RegExp(re.source.replaceAll('\\b', ''), re.flags);
}

/** `CANDIDATE` for a subtree's whole text: a subtree it rejects holds no candidate. */
export const CANDIDATE_SPAN = spanOf(CANDIDATE);

/** The top-level alternatives of a regular expression's source (`a|b(?:c|d)|[|]` gives `a`, `b(?:c|d)`, `[|]`). */
export function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/**
 * Whether every text an alternative matches holds a character outside ASCII: the alternative has
 * one as a literal of its own (not in a group or a class, not optional). Case folding without the
 * `u` flag never maps such a character to ASCII.
 */
export function needsNonAscii(alternative: string): boolean {
  // Escapes, classes and groups (one level of nesting: ours have none deeper) stand for one ASCII character here.
  const bare = alternative.replace(/\\.|\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)/g, 'x');
  // Deeper groups left: not sure, so not put apart (the ASCII expression then tests it: slower, never wrong).
  return !bare.includes('(') && /[^\x00-\x7f](?![?*]|\{0)/.test(bare);
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * `re.test` for long texts (a page's or a subtree's whole text), with the same answers: V8 runs
 * an alternation of ASCII words several times faster without the words in other scripts, and
 * those can only match a text that holds a character outside ASCII, which most of a console's
 * navigation and device lists do not.
 */
export function longTextTest(re: RegExp): (text: string) => boolean {
  const parts = alternatives(re.source);
  const other = parts.filter(needsNonAscii);
  // With `u` or `v`, case folding maps some characters outside ASCII to ASCII letters (ſ, K): no split.
  if (!other.length || other.length === parts.length || /[uv]/.test(re.flags)) return (text) => re.test(text);
  const flags = re.flags.replace(/[gy]/g, '');
  const ascii = new RegExp(parts.filter((p) => !needsNonAscii(p)).join('|'), flags);
  const rest = new RegExp(other.join('|'), flags);
  return (text) => ascii.test(text) || (NON_ASCII.test(text) && rest.test(text));
}

/** `CANDIDATE_SPAN.test`, faster on long texts: the test a page's and each large subtree's whole text gets. */
export const inCandidateSpan = longTextTest(CANDIDATE_SPAN);
