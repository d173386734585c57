/**
 * The first part of the reading layer loaded into a console frame: the page collector, the
 * date reader and the credential model they read with (lib/dom, lib/dates, lib/credentials).
 * The background loads it just before the rest of the reading layer (entrypoints/console-reading.ts)
 * and the reader (entrypoints/console-reader.tsx), each a script of its own, so that each is
 * compiled in its own short task: one script of the whole layer held a console for 10-15 ms, and
 * up to 30 on a busy machine. The later scripts' builds take these modules from here
 * (wxt.config.ts, sharedModules) instead of bundling them a second time.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import * as memo from '../lib/memo';
import * as steps from '../lib/steps';
import * as read from '../lib/dom/read';
import * as changes from '../lib/dom/changes';
import * as collect from '../lib/dom/collect';
import * as parse from '../lib/dates/parse';
import * as seeds from '../lib/credentials/seeds';
import * as urgency from '../lib/credentials/urgency';
import * as health from '../lib/credentials/health';

/** Each shared module by its path from the project's root: the later scripts' builds ask for them by these keys. */
const SHARED = {
  'lib/memo.ts': memo,
  'lib/steps.ts': steps,
  'lib/dom/read.ts': read,
  'lib/dom/changes.ts': changes,
  'lib/dom/collect.ts': collect,
  'lib/dates/parse.ts': parse,
  'lib/credentials/seeds.ts': seeds,
  'lib/credentials/urgency.ts': urgency,
  'lib/credentials/health.ts': health,
};

export default defineUnlistedScript(() => {
  // Replaced on every load: a reader loaded after an update reads with the updated layer.
  (globalThis as unknown as { __tokenRadarReading?: Record<string, unknown> }).__tokenRadarReading = { ...SHARED };
});
