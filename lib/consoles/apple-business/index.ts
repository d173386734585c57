/** Apple Business Manager and Apple School Manager: where every console's ADE server tokens and content tokens are downloaded. */
import type { ConsoleModule } from '../types';
import { appleBusinessPages } from './pages';

export const abm: ConsoleModule<'abm'> = {
  id: 'abm',
  product: 'Apple Business Manager',
  role: 'apple',
  hosts: [{ host: 'business.apple.com' }],
  pages: appleBusinessPages,
  start: 'https://business.apple.com/#/main/preferences',
  upload: 'public-key',
  guards: ['download-token'],
  places: [
    { holds: ['ade'], path: 'Preferences > Your MDM Servers', url: 'https://business.apple.com/#/main/preferences' },
    { holds: ['vpp'], path: 'Preferences > Payments and Billing > Apps and Books', url: 'https://business.apple.com/#/main/preferences' },
  ],
};

export const asm: ConsoleModule<'asm'> = {
  ...abm,
  id: 'asm',
  product: 'Apple School Manager',
  hosts: [{ host: 'school.apple.com' }],
  start: 'https://school.apple.com/#/main/preferences',
  places: [
    { holds: ['ade'], path: 'Preferences > Your MDM Servers', url: 'https://school.apple.com/#/main/preferences' },
    { holds: ['vpp'], path: 'Preferences > Payments and Billing > Apps and Books', url: 'https://school.apple.com/#/main/preferences' },
  ],
};
