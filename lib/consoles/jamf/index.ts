/** Jamf Pro: Jamf Cloud (`*.jamfcloud.com`) or the customer's own server (often on port 8443). */
import type { ConsoleModule } from '../types';
import { jamfPages } from './pages';

export const jamf: ConsoleModule<'jamf'> = {
  id: 'jamf',
  product: 'Jamf Pro',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.jamfcloud.com' }],
  ownAddress: true,
  pages: jamfPages,
  places: [
    { holds: ['apns'], path: 'Settings > Global > Push Certificates' },
    { holds: ['ade'], path: 'Settings > Global > Automated Device Enrollment' },
    { holds: ['vpp'], path: 'Settings > Global > Volume Purchasing' },
  ],
};
