/** Apple Push Certificates Portal: only its /pushcert/ part is ours to read. Every console's push certificate is made here. */
import type { ConsoleModule } from '../types';
import { applePushPages } from './pages';

export const applePush: ConsoleModule<'apple-push'> = {
  id: 'apple-push',
  product: 'Apple Push Certificates Portal',
  role: 'apple',
  hosts: [{ host: 'identity.apple.com', pathPrefix: '/pushcert/' }],
  pages: applePushPages,
  start: 'https://identity.apple.com/pushcert/',
  upload: 'csr',
  guards: ['create-certificate', 'revoke', 'get-started', 'renew-row'],
};
