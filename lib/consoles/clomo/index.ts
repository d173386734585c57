/** CLOMO PANEL (i3Systems): every customer signs in at an address of its own, so it is always added by the admin. */
import type { ConsoleModule } from '../types';
import { clomoPages } from './pages';

export const clomo: ConsoleModule<'clomo'> = {
  id: 'clomo',
  product: 'CLOMO PANEL',
  role: 'mdm',
  hosts: [],
  ownAddress: true,
  pages: clomoPages,
  places: [
    { holds: ['apns', 'ade', 'vpp'], path: 'HOME' },
    { holds: ['ade', 'vpp'], path: 'Settings > Mobile Device Management > iOS/macOS > 基本設定' },
  ],
};
