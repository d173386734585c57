/**
 * Apple Business Manager and Apple School Manager: one single-page app whose labels changed
 * several times (Your MDM Servers, MDM Server Assignments, Device Management Services,
 * Management Services). Servers show as list rows with an "Expires …" line and a details pane;
 * content tokens as rows in Payments and Billing > Apps and Books.
 */
import type { PageKind } from '../adapter';
import { titled } from '../detect';

const MDM_SERVER_TITLES = [
  'your mdm servers', 'mdm server assignments', 'mdm servers', 'device management services', 'management services', 'device management settings',
  'vos serveurs mdm', 'serveurs mdm', 'attributions de serveurs mdm', 'services de gestion des appareils', 'services de gestion',
  'mdmサーバ', 'mdm サーバ', 'デバイス管理サービス', '管理サービス',
  'ihre mdm-server', 'mdm-server', 'geräteverwaltungsdienst', 'verwaltungsdienste', 'servidores mdm', 'servidores de mdm', 'servicios de gestión de dispositivos', 'servicios de administración de dispositivos',
];
const CONTENT_TOKEN_TITLES = [
  'content tokens', 'server tokens', 'apps and books', 'jetons de contenu', 'apps et livres', 'コンテンツトークン', 'コンテンツ トークン', 'appとブック', 'app とブック',
  'inhaltstoken', 'apps und bücher', 'tokens de contenido', 'apps y libros',
];

export const appleBusinessPages: readonly PageKind[] = [
  { page: 'content-tokens', holds: 'vpp', detect: (ctx) => titled(ctx, CONTENT_TOKEN_TITLES) },
  { page: 'mdm-servers', holds: 'ade', detect: (ctx) => titled(ctx, MDM_SERVER_TITLES) },
];
