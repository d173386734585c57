/**
 * Apple Business Manager and Apple School Manager: one single-page app whose labels changed
 * several times (Your MDM Servers, MDM Server Assignments, Device Management Services,
 * Management Services). Servers show as list rows with an "Expires …" line; content tokens
 * as rows in Payments and Billing > Apps and Books.
 */
import type { FoundCredential, PageReader, ScanContext } from '../adapter';
import { findDates, parseDisplayedDate } from '../../dates/parse';
import { EMAIL_RE, pageTitles, readTables, textOf, titledAs, valueByLabel } from '../../dom/read';
import type { CredentialKind } from '../../credentials/kinds';
import { EXPIRY, ORGANIZATION } from '../labels';
import { credentialsFromTable, findCredentialTable, primaryText } from '../read-helpers';

const MDM_SERVER_TITLES = [
  'your mdm servers', 'mdm server assignments', 'mdm servers', 'device management services', 'management services', 'device management settings',
  'vos serveurs mdm', 'serveurs mdm', 'attributions de serveurs mdm', 'services de gestion des appareils', 'services de gestion',
  'mdmサーバ', 'mdm サーバ', 'デバイス管理サービス', '管理サービス',
  'ihre mdm-server', 'mdm-server', 'geräteverwaltungsdienste', 'servidores mdm', 'servicios de gestión de dispositivos',
];
const CONTENT_TOKEN_TITLES = [
  'content tokens', 'server tokens', 'apps and books', 'jetons de contenu', 'apps et livres', 'コンテンツトークン', 'コンテンツ トークン', 'appとブック',
  'inhaltstoken', 'apps und bücher', 'tokens de contenido', 'apps y libros',
];
const CONNECTED_BY = ['connected by', 'connecté par', '接続者', 'verbunden von', 'conectado por', 'token created by', 'default device assignment by'];
const TOKEN_LABELS = ['server token', 'token', 'jeton de serveur', 'jeton du serveur', 'サーバトークン', 'サーバ トークン', 'servertoken', 'token del servidor'];
const LOCATION = [...ORGANIZATION, 'location', 'emplacement', '場所', 'standort', 'ubicación'];

/** Text that says when something expires: `Expires Dec 5, 2026`, `Expire le 5 déc. 2026`, `有効期限：2027/02/10`. */
const EXPIRY_PHRASE = /expir|échéance|期限|läuft|ablauf|caduc|vence/i;
const ROWS = 'li, [role="row"], [role="listitem"], [role="option"], tr';

/**
 * Server rows: list items whose text says "expires" with exactly one date; the name is the
 * first text in the row that is not the expiry line.
 */
function readServerRows(ctx: ScanContext, root: ParentNode, kind: CredentialKind): FoundCredential[] {
  const out: FoundCredential[] = [];
  for (const row of Array.from(root.querySelectorAll(ROWS))) {
    if (row.closest('nav')) continue;
    if (row.querySelector(ROWS)) continue; // the innermost row holds the credential
    const text = textOf(row);
    if (!EXPIRY_PHRASE.test(text) || findDates(text, ctx.lang).length === 0) continue;
    const expiryEl = deepestWith(row, (t) => EXPIRY_PHRASE.test(t) && findDates(t, ctx.lang).length > 0) ?? row;
    const name = nameIn(row, expiryEl);
    if (!name) continue;
    out.push({ kind, name, expiresOn: parseDisplayedDate(textOf(expiryEl), ctx.lang), anchor: expiryEl });
  }
  return out;
}

/** The deepest element under `root` whose text passes `test`. */
function deepestWith(root: Element, test: (text: string) => boolean): Element | null {
  let best: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) if (test(textOf(el))) best = el;
  return best;
}

function nameIn(row: Element, expiryEl: Element): string {
  for (const el of Array.from(row.querySelectorAll('*'))) {
    if (el.childElementCount > 0 || el === expiryEl || expiryEl.contains(el) || el.contains(expiryEl)) continue;
    const t = textOf(el);
    if (t && !EXPIRY_PHRASE.test(t)) return t;
  }
  const first = primaryText(row);
  return EXPIRY_PHRASE.test(first) ? '' : first;
}

/** The selected server's details: a heading with its name, then "Server Token: Expires …". */
function readServerDetail(ctx: ScanContext): FoundCredential | null {
  const token = valueByLabel(ctx.doc, [...TOKEN_LABELS, ...EXPIRY]);
  if (!token) return null;
  const section = token.label.closest('section, [role="region"], [role="dialog"], article, form') ?? token.label.parentElement;
  const heading = section?.querySelector('h1, h2, h3, [role="heading"]');
  const name = heading ? textOf(heading) : '';
  if (!name || titledAs([name.toLowerCase()], MDM_SERVER_TITLES)) return null;
  const found: FoundCredential = { kind: 'ade', name, expiresOn: parseDisplayedDate(token.text, ctx.lang), anchor: token.value };
  const by = valueByLabel(section ?? ctx.doc, CONNECTED_BY)?.text.match(EMAIL_RE)?.[0];
  if (by) found.appleId = by;
  return found;
}

const mdmServers: PageReader = {
  page: 'mdm-servers',
  read(ctx) {
    if (!titledAs(pageTitles(ctx.doc), MDM_SERVER_TITLES)) return null;
    const credentials = readServerRows(ctx, ctx.doc, 'ade');
    // The selected server's details repeat one row: merge its Apple ID into that row.
    const detail = readServerDetail(ctx);
    if (detail) {
      const same = credentials.find((c) => c.name === detail.name);
      if (!same) credentials.push(detail);
      else if (detail.appleId && !same.appleId) same.appleId = detail.appleId;
    }
    return { page: 'mdm-servers', credentials };
  },
};

const contentTokens: PageReader = {
  page: 'content-tokens',
  read(ctx) {
    if (!titledAs(pageTitles(ctx.doc), CONTENT_TOKEN_TITLES)) return null;
    const table = findCredentialTable(readTables(ctx.doc), { name: LOCATION });
    const credentials = table ? credentialsFromTable(table, 'vpp', ctx, { name: LOCATION }) : readServerRows(ctx, ctx.doc, 'vpp');
    return { page: 'content-tokens', credentials };
  },
};

export const appleBusinessPages: readonly PageReader[] = [contentTokens, mdmServers];
