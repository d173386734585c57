/**
 * iCalendar (RFC 5545) export: one all-day event per expiry, with a display alarm at each
 * notification threshold, so the renewals land in the team's calendar.
 */
import type { Credential } from '../credentials/model';
import type { Settings } from '../settings';

/** The words of each event, in the admin's language (the options page passes translated ones). */
export interface IcsWords {
  summary(c: Credential): string;
  description(c: Credential): string;
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function text(value: string): string {
  // Any line break, a lone CR too: a raw one would start a property of its own (an ATTENDEE …).
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = bytes.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function exportIcs(all: readonly Credential[], settings: Settings, now: Date, words: IcsWords): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Token Radar//Apple MDM credential expiries//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:Token Radar'];
  for (const c of all) {
    if (!c.expiresOn || c.archived) continue;
    const summary = words.summary(c);
    const description = words.description(c);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${text(c.id)}@token-radar`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compact(c.expiresOn)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(c.expiresOn))}`,
      `SUMMARY:${text(summary)}`,
      `DESCRIPTION:${text(description)}`,
      'TRANSP:TRANSPARENT',
      `CATEGORIES:${text('Token Radar')},${text(c.kind.toUpperCase())}`,
    );
    for (const days of settings.thresholds[c.kind]) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `TRIGGER;RELATED=START:${days === 0 ? 'PT0S' : `-P${days}D`}`, `DESCRIPTION:${text(summary)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
