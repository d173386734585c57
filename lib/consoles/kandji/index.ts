/** Kandji (now also documented as Iru Endpoint): each tenant on `<tenant>.kandji.io`. Read by the shared layer. */
import type { ConsoleModule } from '../types';

export const kandji: ConsoleModule<'kandji'> = {
  id: 'kandji',
  product: 'Kandji',
  role: 'mdm',
  hosts: [],
  optionalHosts: [{ host: '*.kandji.io' }],
  // Its own names (Kandji / Iru support pages, English and Japanese): "Apps and Books (formerly
  // VPP)", アプリとブックトークン, the ADE token of an Automated Device Enrollment integration.
  words: {
    kinds: {
      apns: ['Apple Push Notification service'],
      ade: ['Automated Device Enrollment', 'ADE token'],
      vpp: ['Apps and Books', 'アプリとブック', 'アプリとブックトークン'],
    },
  },
  pages: [],
};
