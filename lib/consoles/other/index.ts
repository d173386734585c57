/** Any other MDM console, added at its own address: read by the shared layer and the shared vocabulary alone. */
import type { ConsoleModule } from '../types';

export const other: ConsoleModule<'other'> = {
  id: 'other',
  product: 'Other MDM console',
  productKey: 'consoleOther',
  role: 'mdm',
  hosts: [],
  ownAddress: true,
  pages: [],
};
