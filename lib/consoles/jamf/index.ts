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
  // Jamf's own names (docs.jamf.com in English, Japanese and French; Japanese guides): an ADE
  // "instance" and its server token, a Volume Purchasing "location" and its service token.
  words: {
    kinds: {
      apns: ['Push Certificates', 'プッシュ証明書'],
      ade: ['Automated Device Enrollment instance', 'instance d’enrôlement automatisé', 'enrôlement automatisé des appareils', '自動デバイス登録インスタンス', 'サーバトークンファイル'],
      vpp: ['Volume Purchasing location', 'achat en volume', 'jeton d’emplacement', '一括購入の場所'],
    },
  },
  pages: jamfPages,
  places: [
    { holds: ['apns'], path: 'Settings > Global > Push Certificates' },
    { holds: ['ade'], path: 'Settings > Global > Automated Device Enrollment' },
    { holds: ['vpp'], path: 'Settings > Global > Volume Purchasing' },
  ],
};
