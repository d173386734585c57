/** Work the page does not wait for: in the browser's idle time, at most IDLE_TIMEOUT_MS later. */

/** How long a piece of work may wait for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;

// Plain callbacks (not the context's wrappers, which add an invalidation listener per call): each feature checks its own signal.
export const requestIdle = (fn: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(fn, 0);

export const cancelIdle = (id: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));

/** How long one slice of stepped work may hold the page's main thread (a frame is 16.7 ms). */
export const SLICE_MS = 5;

/**
 * Runs stepped work a slice at a time in idle time, `SLICE_MS` at most per slice (a step is
 * short: a row, a record, a badge). `alive` is asked before each slice: when it says no, the work
 * is dropped. `done` gets the result.
 */
export function runSliced<T>(steps: Generator<void, T, void>, alive: () => boolean, done: (value: T) => void, first: 'now' | 'idle' = 'now'): void {
  const slice = () => {
    if (!alive()) return;
    const end = performance.now() + SLICE_MS;
    for (;;) {
      const next = steps.next();
      if (next.done) {
        done(next.value);
        return;
      }
      if (performance.now() >= end) break;
    }
    requestIdle(slice);
  };
  if (first === 'now') slice();
  else requestIdle(slice);
}
