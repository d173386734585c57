/**
 * Microsoft Intune admin center. Pages are recognised by their titles and the labels on them
 * (in en, fr, ja, de, es), because newer pages live in reactblade frames whose URL says little.
 */
import type { PageReader, ScanContext } from '../adapter';
import { columnOf, pageTitles, readTables, titledAs, TOPIC_RE, valueByLabel } from '../../dom/read';
import { APPLE_ID, NAME, ORGANIZATION, SUBJECT_ID } from '../labels';
import { credentialFromLabels, credentialsFromTable, findCredentialTable, titledTableReader } from '../read-helpers';

const PUSH_TITLES = ['mdm push certificate', 'apple mdm push', 'certificat push mdm', 'certificat mdm push', 'mdm プッシュ証明書', 'mdm push-zertifikat', 'certificado push de mdm', 'certificado de inserción de mdm'];
const ADE_TITLES = ['enrollment program token', "jetons du programme d'inscription", "jeton du programme d'inscription", '登録プログラム トークン', '登録プログラムトークン', 'token für registrierungsprogramm', 'registrierungsprogrammtoken', 'tokens del programa de inscripción', 'token del programa de inscripción'];
const VPP_TITLES = ['apple vpp token', 'vpp token', 'jetons vpp', 'jeton vpp', 'vpp トークン', 'vpp-token', 'tokens de vpp'];
const STATUS_TITLES = ['connectors and tokens', 'connecteurs et jetons', 'コネクタとトークン', 'connector status', 'tenant status', 'état du connecteur', 'statut du connecteur', 'état du locataire', 'コネクタの状態', 'テナントの状態', 'connectorstatus', 'mandantenstatus'];
const TOKEN_NAME = [...NAME, 'token name', 'nom du jeton'];

function titles(ctx: ScanContext) {
  return pageTitles(ctx.doc);
}

const pushCertificate: PageReader = {
  page: 'apns-certificate',
  read(ctx) {
    const t = titles(ctx);
    if (!titledAs(t, PUSH_TITLES)) return null;
    const found = credentialFromLabels(ctx.doc, 'apns', ctx, '', { subjectId: SUBJECT_ID });
    if (!found) return { page: 'apns-certificate', credentials: [] };
    if (!found.topic) {
      const topic = ctx.doc.body?.textContent?.match(TOPIC_RE)?.[0];
      if (topic) found.topic = topic;
    }
    return { page: 'apns-certificate', credentials: [found] };
  },
};

const adeTokenList = titledTableReader('ade-token-list', ADE_TITLES, 'ade', { name: TOKEN_NAME });

/** A token's own page (Properties / Overview): label/value pairs under the token's name. */
function singleToken(page: string, kind: 'ade' | 'vpp', pageTitlesWanted: string[]): PageReader {
  return {
    page,
    read(ctx) {
      if (!titledAs(titles(ctx), pageTitlesWanted)) return null;
      if (findCredentialTable(readTables(ctx.doc), { name: TOKEN_NAME })) return null;
      const name = valueByLabel(ctx.doc, TOKEN_NAME)?.text ?? '';
      const hasIdentity = valueByLabel(ctx.doc, APPLE_ID) ?? valueByLabel(ctx.doc, ORGANIZATION);
      if (!hasIdentity) return null;
      const found = credentialFromLabels(ctx.doc, kind, ctx, name);
      return found ? { page, credentials: [found] } : null;
    },
  };
}

const vppTokenList: PageReader = {
  page: 'vpp-token-list',
  read(ctx) {
    if (!titledAs(titles(ctx), VPP_TITLES)) return null;
    const tables = readTables(ctx.doc);
    // Tokens are named by their own name where the list shows one, else by their organisation / location.
    const table = findCredentialTable(tables, { name: TOKEN_NAME }) ?? findCredentialTable(tables, { name: ORGANIZATION });
    if (!table) return null;
    const name = columnOf(table, TOKEN_NAME) !== -1 ? TOKEN_NAME : ORGANIZATION;
    return { page: 'vpp-token-list', credentials: credentialsFromTable(table, 'vpp', ctx, { name }) };
  },
};

/** Tenant admin > Connector status / Connectors and tokens: one row per connector, some of them Apple credentials. */
const connectorStatus: PageReader = {
  page: 'connector-status',
  read(ctx) {
    if (!titledAs(titles(ctx), STATUS_TITLES)) return null;
    const columns = { name: ['connector', 'connecteur', 'コネクタ', 'name', 'nom', '名前', 'konnektor'] };
    const table = findCredentialTable(readTables(ctx.doc), columns);
    // Pages under Connectors and tokens (the VPP list, …) carry its name in their title: only
    // the overview's own connector table makes this page.
    if (!table) return null;
    const credentials = [];
    for (const c of credentialsFromTable(table, 'apns', ctx, columns)) {
      const kind = kindOfConnector(c.name);
      // 'Apple VPP Tokens: Contoso Apps – Paris' names the token after the connector's own label.
      if (kind) credentials.push({ ...c, kind, name: kind === 'apns' ? '' : c.name.replace(/^[^:：]*[:：]\s*/, '') });
    }
    return { page: 'connector-status', credentials };
  },
};

/** Which Apple credential a connector row names, from its text in any language. */
export function kindOfConnector(name: string): 'apns' | 'ade' | 'vpp' | null {
  const n = name.toLowerCase();
  if (/push|プッシュ/.test(n)) return 'apns';
  if (/vpp|apps and books|apps et livres/.test(n)) return 'vpp';
  if (/enrollment program|dep\b|inscription|登録プログラム|automated device|registrierungsprogramm|inscripción/.test(n)) return 'ade';
  return null;
}

export const intunePages: readonly PageReader[] = [
  pushCertificate,
  adeTokenList,
  vppTokenList,
  connectorStatus,
  singleToken('ade-token', 'ade', ADE_TITLES),
  singleToken('vpp-token', 'vpp', VPP_TITLES),
];

