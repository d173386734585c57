/** Work the page does not wait for: in the browser's idle time, at most IDLE_TIMEOUT_MS later. */

/** How long a piece of work may wait for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;

// Plain callbacks (not the context's wrappers, which add an invalidation listener per call): each feature checks its own signal.
export const requestIdle = (fn: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(fn, 0);

export const cancelIdle = (id: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));
