import { productName } from '../wording/describe';
/**
 * CSV export that opens correctly in Excel: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted, and cells that a spreadsheet would run as a formula made inert.
 */
import { consoleOf } from '../consoles/hosts';
import { daysLeft, urgencyOf } from '../credentials/urgency';
import { standing } from '../credentials/health';
import { holderKind } from '../credentials/apple-id';
import { alertDate, conflicts } from '../credentials/merge';
import type { Credential } from '../credentials/model';

export const CSV_COLUMNS = [
  'Kind', 'Name', 'Console', 'Account', 'Expires on', 'Days left', 'Health', 'Apple ID', 'Apple ID holder', 'Push topic', 'Organization',
  'Status', 'Health read on', 'Health read from', 'Owner', 'Notes', 'Sources disagree', 'Last renewed', 'Last seen', 'Archived',
] as const;

/** A cell starting with = + - @ (or a tab / return) would be a formula in Excel: prefix it with '. */
function cell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function exportCsv(all: readonly Credential[], now: Date, timeZone?: string): string {
  const rows = [CSV_COLUMNS.map(cell).join(',')];
  for (const c of all) {
    const date = alertDate(c);
    const lastSeen = c.sources.map((s) => s.seenAt).sort().at(-1) ?? '';
    rows.push(
      [
        c.kind,
        c.name,
        c.console ? productName(c.console) : '',
        c.account,
        c.expiresOn,
        date ? daysLeft(date, now, timeZone) : '',
        // The worse of the date and the state read: what the popup shows (revoked, taken-by-other-mdm, expiring …).
        standing(urgencyOf(c.kind, date, now, timeZone), c.health?.state).health,
        c.appleId,
        holderKind(c.appleId),
        c.topic,
        c.organization,
        c.health?.text ?? c.status,
        c.health?.seenAt.slice(0, 10),
        c.health?.via,
        c.owner,
        c.notes,
        conflicts(c).length ? 'yes' : '',
        c.history.at(-1)?.noticedAt.slice(0, 10),
        lastSeen.slice(0, 10),
        c.archived ? 'yes' : '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
