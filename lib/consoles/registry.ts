/**
 * Every console adapter, registered once. An adapter is a list of page readers; each lives in
 * its console's folder (lib/consoles/<console>/).
 */
import type { ConsoleAdapter } from './adapter';
import { appleBusinessPages } from './apple-business/pages';
import { applePushPages } from './apple-push/pages';
import { intunePages } from './intune/pages';
import { maas360Account, maas360Pages } from './maas360/pages';
import type { ConsoleId } from './types';

const adapters: Record<ConsoleId, ConsoleAdapter> = {
  intune: { id: 'intune', pages: intunePages },
  maas360: { id: 'maas360', pages: maas360Pages, account: maas360Account, sentences: 'recognised' },
  abm: { id: 'abm', pages: appleBusinessPages },
  asm: { id: 'asm', pages: appleBusinessPages },
  'apple-push': { id: 'apple-push', pages: applePushPages },
};

export function adapterFor(id: ConsoleId): ConsoleAdapter {
  return adapters[id];
}
