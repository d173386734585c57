/** CLOMO PANEL (i3Systems): every customer signs in at an address of its own, so it is always added by the admin. */
import type { ConsoleModule } from '../types';
import { clomoPages } from './pages';

export const clomo: ConsoleModule<'clomo'> = {
  id: 'clomo',
  product: 'CLOMO PANEL',
  role: 'mdm',
  hosts: [],
  ownAddress: true,
  // Its HOME names the push certificate after the profile it signs (the FAQ: "MDM 構成プロファイル").
  // Newer support pages say "Automated Device Enrollment(ADE)" where older ones say DEP.
  words: { kinds: { apns: ['MDM 構成プロファイル', 'MDM プッシュ通知証明書'], ade: ['DEP サーバートークン', 'DEP サービストークン'], vpp: ['VPP サービストークン'] } },
  pages: clomoPages,
  quietHint: 'quietClomo',
  places: [
    { holds: ['apns', 'ade', 'vpp'], path: 'HOME' },
    { holds: ['apns', 'ade'], path: 'Settings > Mobile Device Management > iOS/macOS > 基本設定' },
    { holds: ['vpp'], path: 'Settings > CLOMO MOBILE APP PORTAL > サービス設定' },
  ],
};
