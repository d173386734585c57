/**
 * The rest of the reading layer (lib/scan.ts, the vocabulary and the consoles it reads with),
 * loaded into a console frame by the background after its first part (entrypoints/console-collect.ts)
 * and just before the reader (entrypoints/console-reader.tsx), as a script of its own: each is
 * compiled in its own task, so that none holds the console for long. This script's build takes
 * the first part's modules from it, and the reader's build takes both parts' modules from them
 * (wxt.config.ts, sharedModules), instead of bundling them a second time.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as hosts from '../lib/consoles/hosts';
import * as list from '../lib/consoles/list';
import * as vocabulary from '../lib/consoles/vocabulary';
import * as scan from '../lib/scan';

/** Each shared module by its path from the project's root: the reader's build asks for them by these keys. */
const SHARED = {
  'lib/consoles/hosts.ts': hosts,
  'lib/consoles/list.ts': list,
  'lib/consoles/vocabulary.ts': vocabulary,
  'lib/scan.ts': scan,
};

export default defineUnlistedScript(() => {
  // Added to the first part's modules, which its load has just replaced.
  const world = globalThis as unknown as { __tokenRadarReading?: Record<string, unknown> };
  world.__tokenRadarReading = { ...world.__tokenRadarReading, ...SHARED };
});
