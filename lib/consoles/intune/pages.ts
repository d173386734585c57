/**
 * Microsoft Intune admin center (and Intune for Education). Pages are recognised by their
 * titles and columns, because newer pages live in reactblade frames whose URL says little and
 * which carry no heading of their own (the grid's label says what it lists).
 */
import type { PageKind } from '../adapter';
import { hasColumn, hasExpiryColumn, hasExpiryText, titled } from '../detect';

const PUSH_TITLES = [
  'mdm push certificate', 'apple mdm push', 'certificat push mdm', 'certificat mdm push',
  'mdm プッシュ証明書', 'mdm プッシュ通知証明書', 'mdm push-zertifikat', 'apple-mdm-push-zertifikat', 'mdm-push-zertifikat',
  'certificado push de mdm', 'certificado push mdm', 'certificado de inserción de mdm',
];
const ADE_TITLES = [
  'enrollment program token', "jetons du programme d'inscription", "jeton du programme d'inscription", 'enrollment program トークン',
  '登録プログラム トークン', '登録プログラムトークン', 'token für registrierungsprogramm', 'registrierungsprogrammtoken', 'registrierungsprogramm',
  'tokens del programa de inscripción', 'token del programa de inscripción', 'automated device enrollment',
];
const VPP_TITLES = ['apple vpp token', 'vpp token', 'jetons vpp', 'jeton vpp', 'vpp トークン', 'vpp-token', 'tokens de vpp', 'token de vpp', 'tokens vpp', 'token vpp'];
const STATUS_TITLES = [
  'connectors and tokens', 'connecteurs et jetons', 'コネクタとトークン', 'connector status', 'tenant status', 'état du connecteur', 'statut du connecteur',
  'état du locataire', 'コネクタの状態', 'テナントの状態', 'connectorstatus', 'connector-status', 'mandantenstatus', 'connectors und token', 'konnektoren und token',
  'estado del conector', 'estado del inquilino', 'conectores y tokens', 'estado de los conectores',
];
const CONNECTOR_COLUMN = /connector|connecteur|コネクタ|konnektor|conector/;

export const intunePages: readonly PageKind[] = [
  { page: 'apns-certificate', holds: 'apns', detect: (ctx) => titled(ctx, PUSH_TITLES) },
  // Pages under Connectors and tokens (the VPP list, …) carry its name in their title: only the overview's own connector table makes this page.
  { page: 'connector-status', holds: null, detect: (ctx) => titled(ctx, STATUS_TITLES) && hasColumn(ctx, CONNECTOR_COLUMN) },
  { page: 'ade-token-list', holds: 'ade', detect: (ctx) => titled(ctx, ADE_TITLES) && hasExpiryColumn(ctx) },
  { page: 'vpp-token-list', holds: 'vpp', detect: (ctx) => titled(ctx, VPP_TITLES) && hasExpiryColumn(ctx) },
  // A token's own page: its title, an expiry, and no list of tokens.
  { page: 'ade-token', holds: 'ade', detect: (ctx) => titled(ctx, ADE_TITLES) && hasExpiryText(ctx) && !hasExpiryColumn(ctx) },
  { page: 'vpp-token', holds: 'vpp', detect: (ctx) => titled(ctx, VPP_TITLES) && hasExpiryText(ctx) && !hasExpiryColumn(ctx) },
];
