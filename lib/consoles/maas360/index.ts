/** IBM MaaS360: `m<N>.maas360.com/emc/`, older `*.fiberlink.com/emc/`. */
import type { ConsoleModule } from '../types';
import { maas360Account, maas360Pages } from './pages';

export const maas360: ConsoleModule<'maas360'> = {
  id: 'maas360',
  product: 'IBM MaaS360',
  role: 'mdm',
  hosts: [{ host: '*.maas360.com' }, { host: '*.fiberlink.com' }],
  pages: maas360Pages,
  account: maas360Account,
  sentences: 'recognised',
  // The portal's shell: its pages are frames whose addresses do not open on their own.
  renewUrl: (url) => `${url.origin}/emc/`,
  places: [
    { holds: ['apns'], path: 'Setup > Services > Mobile Device Management > APNS Certificate' },
    { holds: ['ade'], path: 'Devices > Enrollments > Other Enrollment Options > Apple Device Enrollment Program' },
    { holds: ['vpp'], path: 'Apps > More > Apple VPP Licenses' },
  ],
};
