/**
 * The file reader in a Web Worker: node-forge's work happens off the page's thread, and the
 * page that started it can stop it (see read.ts). The worker only reads: it posts the facts,
 * and the page words them where the extension API is.
 */
import { readFacts } from './facts';
import type { FileFacts, InspectOptions } from './report';

export interface WorkerRequest {
  name: string;
  bytes: Uint8Array;
  /** `now` as milliseconds: a Date does not need to survive the copy. */
  opts: Omit<InspectOptions, 'now'> & { now: number };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { name, bytes, opts } = e.data;
  let facts: FileFacts;
  try {
    facts = readFacts(name, bytes, { ...opts, now: new Date(opts.now) });
  } catch {
    facts = { ok: false, error: 'unrecognised' };
  }
  self.postMessage(facts);
};
