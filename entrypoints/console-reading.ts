/**
 * The reading layer (lib/scan.ts and the vocabulary, dates and consoles it reads with), loaded
 * into a console frame by the background just before the reader (entrypoints/console-reader.tsx),
 * as a script of its own: each is compiled in its own task, so that neither holds the console
 * for long. The reader's build takes these modules from here (wxt.config.ts, readingShared)
 * instead of bundling them a second time.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as parse from '../lib/dates/parse';
import * as hosts from '../lib/consoles/hosts';
import * as list from '../lib/consoles/list';
import * as vocabulary from '../lib/consoles/vocabulary';
import * as health from '../lib/credentials/health';
import * as urgency from '../lib/credentials/urgency';
import * as read from '../lib/dom/read';
import * as scan from '../lib/scan';
import * as steps from '../lib/steps';

/** Each shared module by its path from the project's root: the reader's build asks for them by these keys. */
const SHARED = {
  'lib/dates/parse.ts': parse,
  'lib/consoles/hosts.ts': hosts,
  'lib/consoles/list.ts': list,
  'lib/consoles/vocabulary.ts': vocabulary,
  'lib/credentials/health.ts': health,
  'lib/credentials/urgency.ts': urgency,
  'lib/dom/read.ts': read,
  'lib/scan.ts': scan,
  'lib/steps.ts': steps,
};

export default defineUnlistedScript(() => {
  // Replaced on every load: a reader loaded after an update reads with the updated layer.
  (globalThis as unknown as { __tokenRadarReading?: typeof SHARED }).__tokenRadarReading = SHARED;
});
