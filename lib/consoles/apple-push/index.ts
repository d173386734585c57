/** Apple Push Certificates Portal: only its /pushcert/ part is ours to read. Every console's push certificate is made here. */
import { EMAIL_RE } from '../../dom/read';
import type { ConsoleModule } from '../types';
import { applePushPages } from './pages';

export const applePush: ConsoleModule<'apple-push'> = {
  id: 'apple-push',
  product: 'Apple Push Certificates Portal',
  role: 'apple',
  hosts: [{ host: 'identity.apple.com', pathPrefix: '/pushcert/' }],
  pages: applePushPages,
  // The Apple ID signed in (the portal's header shows it): the certificates listed are that account's.
  account(ctx) {
    for (const el of Array.from(ctx.doc.querySelectorAll('header, [role="banner"]'))) {
      const id = (el.textContent ?? '').match(EMAIL_RE)?.[0];
      if (id) return id;
    }
    return undefined;
  },
  start: 'https://identity.apple.com/pushcert/',
  upload: 'csr',
  guards: ['create-certificate', 'revoke', 'get-started', 'renew-row'],
  places: [{ holds: ['apns'], path: 'Certificates for Third-Party Servers', url: 'https://identity.apple.com/pushcert/' }],
};
