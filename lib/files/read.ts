/**
 * Reading a file off the page's thread, with a time limit: the reader runs in a Web Worker that
 * is stopped after `READ_TIME_LIMIT_MS`, whatever the file makes node-forge do. Where a worker
 * cannot start (a console page whose Content-Security-Policy forbids blob workers), the file is
 * read in the frame, where the readers' own bounds apply (iteration cap, linear PEM scanning,
 * 1 MiB). Light on purpose: node-forge is in the worker, and in the fallback loaded on need.
 */
import { worded } from '../wording/file';
import type { WorkerRequest } from './inspect.worker';
import type { FileFacts, FileReport, InspectOptions } from './report';

/** Real files take well under a second; a file still being read after this is stopped. */
export const READ_TIME_LIMIT_MS = 5000;

export type Inspect = (name: string, bytes: Uint8Array, opts?: InspectOptions) => FileReport | Promise<FileReport>;
/** The readers without words (./facts.ts). */
export type ReadFacts = (name: string, bytes: Uint8Array, opts?: InspectOptions) => FileFacts;

export interface ReadOptions {
  /** Starts the reader's worker; may throw (a page's policy). */
  worker: () => Worker;
  /** The reader on this thread, for when no worker can start. */
  inline: () => Promise<ReadFacts>;
  limitMs?: number;
}

export function readFile(name: string, bytes: Uint8Array, opts: InspectOptions, how: ReadOptions): Promise<FileReport> {
  const inline = async () => (await how.inline())(name, bytes, opts);
  let worker: Worker;
  try {
    worker = how.worker();
  } catch {
    return inline().then(worded);
  }
  return new Promise<FileReport>((resolve) => {
    let settled = false;
    const settle = (next: () => FileFacts | Promise<FileFacts>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      Promise.resolve()
        .then(next)
        .then(
          (facts) => resolve(worded(facts)),
          () => resolve(worded({ ok: false, error: 'unrecognised' })),
        );
    };
    const timer = setTimeout(() => settle(() => ({ ok: false, error: 'timed-out' })), how.limitMs ?? READ_TIME_LIMIT_MS);
    worker.onmessage = (e: MessageEvent<FileFacts>) => settle(() => e.data);
    // The worker's script could not load (a page's policy): read here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      settle(inline);
    };
    const request: WorkerRequest = { name, bytes, opts: { ...opts, now: (opts.now ?? new Date()).getTime() } };
    worker.postMessage(request);
  });
}
