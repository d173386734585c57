/** Mosyle Business, Manager and Fuse: `*.mosyle.com`. Read by the shared layer. */
import type { ConsoleModule } from '../types';

export const mosyle: ConsoleModule<'mosyle'> = {
  id: 'mosyle',
  product: 'Mosyle',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.mosyle.com' }],
  // Its own names (school and reseller guides; Mosyle's own labels are not public): the Push
  // Certificate under Basic Setup, the "MDM server token" of an Apple School/Business Manager
  // account, "Apple Apps and Books (VPP)".
  words: {
    kinds: {
      apns: ['Push Certificate'],
      ade: ['MDM server token'],
      vpp: ['Apple Apps and Books'],
    },
  },
  pages: [],
};
