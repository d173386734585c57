/**
 * Work that can pause: a generator that yields between small units (a grid row, a record, a
 * few hundred text nodes). Run to the end at once with `drain` (tests, tools, `scanPage`), or a
 * few milliseconds at a time by the content script, so that a heavy page never waits on us for
 * longer than a frame.
 */
export type Steps<T> = Generator<void, T, void>;

export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
