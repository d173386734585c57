/** The file reader for the extension's own pages (popup, settings): a worker from the extension's origin. */
import InspectWorker from './inspect.worker?worker';
import { readFile as read } from './read';
import type { FileReport, InspectOptions } from './report';

export function readFile(name: string, bytes: Uint8Array, opts: InspectOptions = {}): Promise<FileReport> {
  return read(name, bytes, opts, { worker: () => new InspectWorker(), inline: async () => (await import('./facts')).readFacts });
}
