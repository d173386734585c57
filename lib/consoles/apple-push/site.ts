import type { ConsoleSite } from '../types';

/** Apple Push Certificates Portal: only its /pushcert/ part is ours to read. */
export const applePushSite: ConsoleSite = {
  id: 'apple-push',
  product: 'Apple Push Certificates Portal',
  hosts: [{ host: 'identity.apple.com', pathPrefix: '/pushcert/' }],
};
