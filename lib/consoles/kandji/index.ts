/** Kandji (now also documented as Iru Endpoint): each tenant on `<tenant>.kandji.io`. Read by the shared layer. */
import type { ConsoleModule } from '../types';

export const kandji: ConsoleModule<'kandji'> = {
  id: 'kandji',
  product: 'Kandji',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.kandji.io' }],
  pages: [],
};
