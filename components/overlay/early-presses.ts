/**
 * The admin's presses in a console frame before its reader has started: the small script every
 * console frame loads records them (a trusted click, a file picked), so that a guide step whose
 * button was pressed in the first moments after the page loaded still counts as done once the
 * reader is there (components/overlay/step-done.ts). Only a few are kept, and only until the
 * reader takes them or `signal` aborts. No imports: this is part of the small script.
 */

/** Enough for a step's button and a stray click or two; older ones are dropped. */
const KEEP = 8;
/**
 * Older presses are not given: the reader normally starts within a second or two, and a frame
 * that stayed dormant for long (it wakes when a renewal starts) must not count a press made
 * before the renewal began.
 */
export const EARLY_PRESS_MAX_AGE_MS = 15_000;

export type EarlyPresses = () => Event[];

/** Starts recording; the function returned stops and gives what was recorded in the last 15 s, oldest first (once). */
export function recordEarlyPresses(signal: AbortSignal, doc: Document): EarlyPresses {
  let kept: Event[] = [];
  const stop = new AbortController();
  const keep = (event: Event) => {
    // Only what the admin did: a page's own script clicking counts for nothing, here as later.
    if (!event.isTrusted) return;
    kept.push(event);
    if (kept.length > KEEP) kept = kept.slice(-KEEP);
  };
  signal.addEventListener('abort', () => stop.abort(), { once: true });
  const options = { capture: true, passive: true, signal: stop.signal };
  doc.addEventListener('click', keep, options);
  doc.addEventListener('change', keep, options);
  return () => {
    stop.abort();
    const now = performance.now();
    const out = kept.filter((e) => now - e.timeStamp <= EARLY_PRESS_MAX_AGE_MS);
    kept = [];
    return out;
  };
}
