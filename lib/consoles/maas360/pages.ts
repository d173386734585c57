/**
 * IBM MaaS360 portal. The page content lives in the `#Content` iframe under `/emc/`; the shell
 * around it holds only menus. Lists are plain tables with the names in the first cell and the
 * row actions (Update, Sync) beneath them; the Home page announces expiries in sentences.
 */
import type { PageKind, ScanContext } from '../adapter';
import { hasExpiryText, hasLabel, titled } from '../detect';

const DEP_TITLES = [
  'device enrollment program', "programme d'inscription des appareils", 'デバイス登録プログラム', 'dep tokens', 'dep-token', 'tokens dep',
  'geräteregistrierungsprogramm', 'programa de inscripción de dispositivos', 'programa de registro de dispositivos',
];
const VPP_TITLES = ['apple vpp licenses', 'vpp licenses', 'licences vpp', 'vpp ライセンス', 'vpp-lizenzen', 'licencias de vpp', 'licencias vpp'];
const HOME_TITLES = [
  'home', 'accueil', 'ホーム', 'startseite', 'inicio', 'platform notifications', 'alert center', "centre d'alertes", 'アラート センター', 'アラートセンター',
  'plattformbenachrichtigungen', 'notificaciones de la plataforma', 'centro de alertas', 'benachrichtigungen',
];
/** Setup > Services > Mobile Device Management: the APNS certificate's topic, Apple ID and expiry. */
const APNS_LABEL = ['apns certificate', 'certificat apns', 'apns 証明書', 'apns-zertifikat', 'certificado apns', 'certificado de apns'];

export const maas360Pages: readonly PageKind[] = [
  // Alerts are read on the Home page only (an alert elsewhere, e.g. on a Devices page, is not the credential's own page).
  { page: 'dep-tokens', holds: 'ade', sentences: false, detect: (ctx) => titled(ctx, DEP_TITLES) && hasExpiryText(ctx) },
  { page: 'vpp-licenses', holds: 'vpp', sentences: false, detect: (ctx) => titled(ctx, VPP_TITLES) && hasExpiryText(ctx) },
  {
    page: 'apns-certificate',
    holds: 'apns',
    sentences: false,
    detect: (ctx) => (hasLabel(ctx, APNS_LABEL) || titled(ctx, APNS_LABEL)) && hasExpiryText(ctx),
  },
  // Only the Home page and the alert center carry the expiry notifications.
  { page: 'home-notifications', holds: null, detect: (ctx) => titled(ctx, HOME_TITLES) && hasExpiryText(ctx) },
];

/** The billing account the shell shows (`Billing ID: 30071234`), when this document shows it. */
export function maas360Account(ctx: ScanContext): string | undefined {
  return ctx.doc.body?.textContent?.match(/(?:billing id|identifiant de facturation|請求 ?id|abrechnungs-id|id de facturación)\s*[:：]\s*(\d{4,})/i)?.[1];
}
