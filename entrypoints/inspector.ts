/**
 * The file reader for the upload guard, injected by the background into a console frame only
 * when the admin picks a file there (so node-forge is not in the content script's bundle).
 * It runs in the extension's isolated world, beside the content script, and only exposes the
 * reader to it: the file never leaves the frame.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { inspectFile } from '../lib/files';

export default defineUnlistedScript(() => {
  (globalThis as unknown as { __tokenRadarInspectFile?: typeof inspectFile }).__tokenRadarInspectFile = inspectFile;
});
