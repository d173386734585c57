/**
 * The file reader in a Web Worker: node-forge's work happens off the page's thread, and the
 * page that started it can stop it (see read.ts). Messages are deferred (no extension API here)
 * and rendered by the page.
 */
import { deferMessages } from '../i18n';
import { inspectFile } from './index';
import type { InspectOptions } from './report';

export interface WorkerRequest {
  name: string;
  bytes: Uint8Array;
  /** `now` as milliseconds: a Date does not need to survive the copy. */
  opts: Omit<InspectOptions, 'now'> & { now: number };
  lang: string;
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { name, bytes, opts, lang } = e.data;
  deferMessages(lang);
  try {
    self.postMessage(await inspectFile(name, bytes, { ...opts, now: new Date(opts.now) }));
  } catch (error) {
    self.postMessage({ ok: false, error: 'unrecognised', message: String((error as Error)?.message ?? error) });
  }
};
