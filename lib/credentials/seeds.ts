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
