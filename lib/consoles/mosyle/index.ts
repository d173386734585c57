/** Mosyle Business, Manager and Fuse: `*.mosyle.com`. Read by the shared layer. */
import type { ConsoleModule } from '../types';

export const mosyle: ConsoleModule<'mosyle'> = {
  id: 'mosyle',
  product: 'Mosyle',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.mosyle.com' }],
  pages: [],
};
