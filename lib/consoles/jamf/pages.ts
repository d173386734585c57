/**
 * Jamf Pro's credential pages (Settings > Global), from Jamf's public documentation in English,
 * French, German, Spanish and Japanese and guides that quote its Japanese screens: Push
 * Certificates, Automated Device Enrollment (instances with a service token each), Volume
 * Purchasing (locations with a service token each), and the Notifications list, whose "will
 * expire" items name all three. Field labels and date formats are not documented: they are the
 * shared layer's to read.
 */
import type { PageKind } from '../adapter';
import { hasExpiryText, titled } from '../detect';

const PUSH_TITLES = ['push certificates', 'push certificate', 'プッシュ証明書', 'push-zertifikate', 'push-zertifikat', 'certificats push', 'certificat push', 'certificados push', 'certificado push'];
const ADE_TITLES = [
  'automated device enrollment', 'device enrollment program', '自動デバイス登録', 'automatische geräteregistrierung', 'enrôlement automatisé des appareils',
  'inscription automatisée des appareils', 'inscripción automatizada de dispositivos', 'inscripción automática de dispositivos',
];
const VPP_TITLES = ['volume purchasing', '一括購入', 'achat en volume', 'achats en volume', 'volumenkauf', 'volume-purchasing', 'compras por volumen', 'compra por volumen'];
const NOTIFICATION_TITLES = ['notifications', '通知', 'benachrichtigungen', 'notificaciones'];

export const jamfPages: readonly PageKind[] = [
  { page: 'push-certificates', holds: 'apns', detect: (ctx) => titled(ctx, PUSH_TITLES) && hasExpiryText(ctx) },
  { page: 'ade-instances', holds: 'ade', detect: (ctx) => titled(ctx, ADE_TITLES) && hasExpiryText(ctx) },
  { page: 'volume-purchasing', holds: 'vpp', detect: (ctx) => titled(ctx, VPP_TITLES) && hasExpiryText(ctx) },
  // Each item says what will expire: the kind comes from its words.
  { page: 'notifications', holds: null, detect: (ctx) => titled(ctx, NOTIFICATION_TITLES) && hasExpiryText(ctx) },
];
