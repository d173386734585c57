import type { ConsoleSite } from '../types';

/** IBM MaaS360: `m<N>.maas360.com/emc/`, older `*.fiberlink.com/emc/`. */
export const maas360Site: ConsoleSite = {
  id: 'maas360',
  product: 'IBM MaaS360',
  hosts: [{ host: '*.maas360.com' }, { host: '*.fiberlink.com' }],
};
