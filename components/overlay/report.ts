/**
 * Tells the worker what the page shows, when it differs from what was told last, and keeps
 * trying while the worker is stopped or restarting (observations merge, so a repeat is
 * harmless). A storage failure is passed on for the panel to show; the worker's word on push
 * certificates created anew comes back with the answer. Stops when `signal` aborts.
 */
import { send } from '../../lib/messages';
import { observationKey, toObservation } from '../../lib/observation';
import type { PageScan } from '../../lib/scan';

/** Resending an observation the worker did not answer: first after this long, doubling up to the ceiling. */
export const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 8_000;
/** An answer not back by then is taken as lost (a worker stopped mid-message may never answer) and the observation is sent again. */
const ANSWER_WAIT_MS = 10_000;

/** A push certificate of the page (by its index in the scan) that is half of a created-anew pair. */
export interface ReplacedOnPage {
  index: number;
  topic: string;
  newer: boolean;
}

export interface ReportEvents {
  /** The worker's failure to keep what was read (undefined once it succeeds). */
  onError(error: string | undefined): void;
  /** The certificates created anew changed: draw their notes again. */
  onReplaced(): void;
}

export interface Reporter {
  report(scan: PageScan, now: Date, url: string): void;
  /** What the worker said of the last observation's push certificates (by index in that scan). */
  replaced(): readonly ReplacedOnPage[];
}

export function createReporter(signal: AbortSignal, events: ReportEvents): Reporter {
  let lastKey = '';
  let answeredKey = '';
  let error: string | undefined;
  let replaced: ReplacedOnPage[] = [];
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_FIRST_MS;
  signal.addEventListener('abort', () => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
  });

  const report = (scan: PageScan, now: Date, url: string) => {
    if (signal.aborted) return;
    const observation = toObservation(scan, url, now);
    if (!observation) return;
    const key = observationKey(observation);
    if (key === lastKey) return;
    // What the worker said of the last observation's certificates no longer points at this scan's.
    if (key !== answeredKey) replaced = [];
    lastKey = key;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    let waited: ReturnType<typeof setTimeout> | undefined;
    Promise.race([
      send({ type: 'observe', observation }),
      new Promise<never>((_, reject) => {
        waited = setTimeout(() => reject(new Error('no answer in time')), ANSWER_WAIT_MS);
      }),
    ])
      .finally(() => clearTimeout(waited))
      .then((answer) => {
        // No answer: the worker stopped while handling it.
        if (!answer) throw new Error('no answer');
        if (signal.aborted) return;
        // A storage failure (full disk, newer inventory, a database closing with its worker) is
        // told where the admin is looking, and the observation is sent again: it may pass next
        // time. Only a message the worker refused as malformed is not repeated.
        const next = !answer.ok ? answer.error : undefined;
        if (next !== error) {
          error = next;
          events.onError(error);
        }
        if (answer.ok) {
          retryDelay = RETRY_FIRST_MS;
          const now = answer.replaced ?? [];
          // Indexes are the observation's: only for the scan it came from.
          if (lastKey === key && (now.length || replaced.length)) {
            answeredKey = key;
            replaced = now;
            events.onReplaced();
          }
        } else if (answer.code === 'invalid') lastKey = '';
        else throw new Error(answer.code);
      })
      .catch(() => {
        // The background was stopped or is restarting: send again until it answers, waiting
        // longer each time. A newer reading of the page replaces this one; a stopped overlay ends here.
        if (lastKey !== key || signal.aborted) return;
        lastKey = '';
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          report(scan, now, url);
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      });
  };
  return { report, replaced: () => replaced };
}
