/**
 * CSV export that opens correctly in Excel: UTF-8 with a byte-order mark, CRLF line ends,
 * every field quoted, and cells that a spreadsheet would run as a formula made inert. Headers
 * and names are in the UI language (`CsvWords`, from lib/wording/csv.ts); the kind and the
 * health also have a column of their stable codes, for scripts.
 */
import type { Health } from '../credentials/health';
import type { AnyKind } from '../credentials/urgency';
import { daysLeft, urgencyOf } from '../credentials/urgency';
import { standing } from '../credentials/health';
import { holderKind } from '../credentials/apple-id';
import { alertDate, conflicts } from '../credentials/merge';
import type { Credential } from '../credentials/model';

/** The columns, by stable id (the header each gets is in the UI language). */
export const CSV_COLUMNS = [
  'kind', 'kind_code', 'name', 'console', 'account', 'expires_on', 'days_left', 'health', 'health_code', 'apple_id', 'apple_id_holder', 'push_topic', 'vendor',
  'organization', 'status', 'health_read_on', 'health_read_from', 'owner', 'notes', 'sources_disagree', 'last_renewed', 'last_seen', 'archived',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What the export says in words: headers, names of kinds and states, consoles, "yes". */
export interface CsvWords {
  header(column: CsvColumn): string;
  kind(kind: AnyKind): string;
  health(state: Health): string;
  console(id: NonNullable<Credential['console']>): string;
  yes: string;
}

/** A text cell starting with = + - @ (or a tab / return) would be a formula in Excel: prefix it with '. A number is a number (-3 days left stays -3). */
function cell(value: string | number | boolean | null | undefined): string {
  if (typeof value === 'number') return `"${value}"`;
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function exportCsv(all: readonly Credential[], now: Date, words: CsvWords, timeZone?: string): string {
  const rows = [CSV_COLUMNS.map((c) => cell(words.header(c))).join(',')];
  for (const c of all) {
    const date = alertDate(c);
    const health = standing(urgencyOf(c.kind, date, now, timeZone), c.health?.state).health;
    const lastSeen = c.sources.map((s) => s.seenAt).sort().at(-1) ?? '';
    rows.push(
      [
        words.kind(c.kind),
        c.kind,
        c.name,
        c.console ? words.console(c.console) : '',
        c.account,
        c.expiresOn,
        date ? daysLeft(date, now, timeZone) : '',
        // The worse of the date and the state read: what the popup shows (revoked, taken-by-other-mdm, expiring …).
        words.health(health),
        health,
        c.appleId,
        holderKind(c.appleId),
        c.topic,
        c.vendor,
        c.organization,
        c.health?.text ?? c.status,
        c.health?.seenAt.slice(0, 10),
        c.health?.via,
        c.owner,
        c.notes,
        conflicts(c).length ? words.yes : '',
        c.history.at(-1)?.noticedAt.slice(0, 10),
        lastSeen.slice(0, 10),
        c.archived ? words.yes : '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}
