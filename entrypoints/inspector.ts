/**
 * The file reader for the upload guard, injected by the background into a console frame only
 * when the admin picks a file there (so node-forge is not in the content script's bundle).
 * It runs in the extension's isolated world, beside the content script, and only exposes the
 * reader to it: the file never leaves the frame. The reading itself happens in a worker made
 * from this script's own code (a blob: URL, the only kind a console page lets a content script
 * start), stopped after a time limit; a page whose policy forbids that gets the bounded reader
 * in the frame.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readFacts } from '../lib/files/facts';
import InspectWorker from '../lib/files/inspect.worker?worker&inline';
import { readFile, type Inspect } from '../lib/files/read';

export default defineUnlistedScript(() => {
  const read: Inspect = (name, bytes, opts = {}) => readFile(name, bytes, opts, { worker: () => new InspectWorker(), inline: async () => readFacts });
  (globalThis as unknown as { __tokenRadarInspectFile?: Inspect }).__tokenRadarInspectFile = read;
});
