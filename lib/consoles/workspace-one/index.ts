/** Omnissa (formerly VMware) Workspace ONE UEM: SaaS on `*.awmdm.com`, or on-premises at the customer's address. Read by the shared layer. */
import type { ConsoleModule } from '../types';

export const workspaceOne: ConsoleModule<'workspace-one'> = {
  id: 'workspace-one',
  product: 'Workspace ONE UEM',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.awmdm.com' }],
  ownAddress: true,
  // Its own names (Omnissa/VMware docs, English and Japanese): "APNs For MDM", the Device
  // Enrollment Program token, the VPP sToken under "VPP Managed Distribution".
  words: {
    kinds: {
      apns: ['APNs For MDM', 'MDM 用の APNs'],
      ade: ['Device Enrollment Program'],
      vpp: ['VPP Managed Distribution', 'sToken'],
    },
  },
  pages: [],
  places: [{ holds: ['ade'], path: 'Groups & Settings > All Settings > Devices & Users > Apple > Device Enrollment Program' }],
};
