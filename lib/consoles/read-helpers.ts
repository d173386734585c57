/** Building blocks the adapters share: rows of a credential table, one credential from label/value pairs. */
import { parseDisplayedDate } from '../dates/parse';
import { APPLE_ID, EXPIRY, NAME, STATUS } from './labels';
import { columnOf, EMAIL_RE, pageTitles, readTables, textOf, titledAs, TOPIC_RE, valueByLabel, type TableView } from '../dom/read';
import type { FoundCredential, PageReader, ScanContext } from './adapter';
import type { CredentialKind } from '../credentials/kinds';

/**
 * The first piece of text in an element: the name in a cell that also holds row actions
 * (`Fabrikam-DEP-US` in `<td>Fabrikam-DEP-US<div>Update | Sync</div></td>`).
 */
export function primaryText(el: Element): string {
  for (const node of Array.from(el.childNodes)) {
    const text = (node.nodeType === 3 ? node.textContent : node.nodeType === 1 ? textOf(node as Element) : '') ?? '';
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) return clean;
  }
  return '';
}

export interface TableColumns {
  name: readonly string[];
  expiry?: readonly string[];
  appleId?: readonly string[];
  status?: readonly string[];
}

/** The first table whose headers include every required column (a name and an expiry). */
export function findCredentialTable(tables: TableView[], columns: TableColumns = { name: NAME }): TableView | null {
  return tables.find((t) => columnOf(t, columns.name) !== -1 && columnOf(t, columns.expiry ?? EXPIRY) !== -1) ?? null;
}

/** One credential per row of a credential table. Rows without a name are skipped; a date we cannot read is null. */
export function credentialsFromTable(
  table: TableView,
  kind: CredentialKind,
  ctx: ScanContext,
  columns: TableColumns = { name: NAME },
): FoundCredential[] {
  const nameCol = columnOf(table, columns.name);
  const expCol = columnOf(table, columns.expiry ?? EXPIRY);
  const idCol = columnOf(table, columns.appleId ?? APPLE_ID);
  const statusCol = columnOf(table, columns.status ?? STATUS);
  const out: FoundCredential[] = [];
  for (const { cells } of table.rows) {
    const nameCell = cells[nameCol];
    const expCell = cells[expCol];
    if (!nameCell || !expCell) continue;
    const name = primaryText(nameCell);
    if (!name) continue;
    const found: FoundCredential = { kind, name, expiresOn: parseDisplayedDate(textOf(expCell), ctx.lang), anchor: expCell };
    const appleId = idCol === -1 ? undefined : textOf(cells[idCol]).match(EMAIL_RE)?.[0];
    if (appleId) found.appleId = appleId;
    const statusCell = cells[statusCol];
    const status = statusCell ? primaryText(statusCell) : '';
    if (status) found.status = status;
    out.push(found);
  }
  return out;
}

/** A single credential shown as label/value pairs (a certificate page, a token's own page). */
export function credentialFromLabels(
  root: ParentNode,
  kind: CredentialKind,
  ctx: ScanContext,
  name: string,
  extra: { subjectId?: readonly string[] } = {},
): FoundCredential | null {
  const expiry = valueByLabel(root, EXPIRY);
  if (!expiry) return null;
  const found: FoundCredential = { kind, name, expiresOn: parseDisplayedDate(expiry.text, ctx.lang), anchor: expiry.value };
  const appleId = valueByLabel(root, APPLE_ID)?.text.match(EMAIL_RE)?.[0];
  if (appleId) found.appleId = appleId;
  const status = valueByLabel(root, STATUS)?.text;
  if (status) found.status = status;
  if (extra.subjectId) {
    const topic = valueByLabel(root, extra.subjectId)?.text.match(TOPIC_RE)?.[0];
    if (topic) found.topic = topic;
  }
  return found;
}

/**
 * A page recognised by its title (in any language) that lists one kind of credential in a
 * table: the Intune enrollment-token list, MaaS360's DEP and VPP lists.
 */
export function titledTableReader(page: string, titles: readonly string[], kind: CredentialKind, columns: TableColumns): PageReader {
  return {
    page,
    read(ctx) {
      if (!titledAs(pageTitles(ctx.doc), titles)) return null;
      const table = findCredentialTable(readTables(ctx.doc), columns);
      if (!table) return null;
      return { page, credentials: credentialsFromTable(table, kind, ctx, columns) };
    },
  };
}
