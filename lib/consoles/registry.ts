/**
 * Every console adapter, registered once. An adapter is a list of page readers; each lives in
 * its console's folder (lib/consoles/<console>/).
 */
import type { ConsoleAdapter } from './adapter';
import type { ConsoleId } from './types';

const adapters: Record<ConsoleId, ConsoleAdapter> = {
  intune: { id: 'intune', pages: [] },
  maas360: { id: 'maas360', pages: [] },
  abm: { id: 'abm', pages: [] },
  asm: { id: 'asm', pages: [] },
  'apple-push': { id: 'apple-push', pages: [] },
};

export function adapterFor(id: ConsoleId): ConsoleAdapter {
  return adapters[id];
}
