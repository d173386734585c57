/**
 * The add-by-hand form, started from a console page that could not be read: what was certain
 * on the page travels to the form in the popup's address. Validated on both ends, metadata only.
 */
import { CONSOLES } from '../consoles/list';
import { EMAIL_RE, TOPIC_RE } from '../dom/read';
import type { AddPrefill } from '../messages';
import { KINDS, type ManualFields } from '../credentials/model';

const MAX = 200;

/** The fields of a prefill that are well-formed; everything else is dropped. */
export function cleanPrefill(input: unknown): Partial<ManualFields> {
  const out: Partial<ManualFields> = {};
  if (typeof input !== 'object' || input === null) return out;
  const p = input as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.replace(/[\u0000-\u001F\u007F]/g, '').trim().slice(0, MAX) : '');
  const kind = str(p.kind);
  if ((KINDS as readonly string[]).includes(kind)) out.kind = kind as ManualFields['kind'];
  const name = str(p.name);
  if (name) out.name = name;
  const appleId = str(p.appleId).match(EMAIL_RE)?.[0];
  if (appleId) out.appleId = appleId;
  const topic = str(p.topic).match(TOPIC_RE)?.[0];
  if (topic) out.topic = topic;
  const console = str(p.console);
  if (CONSOLES.some((s) => s.id === console)) out.console = console as ManualFields['console'] & string;
  return out;
}

/** The popup address's `add` parameter for a prefill. */
export function addFormQuery(prefill: AddPrefill): string {
  return JSON.stringify(cleanPrefill(prefill));
}

/** The prefill in the popup address's `add` parameter, or null when there is none. */
export function parseAddQuery(search: string): Partial<ManualFields> | null {
  const raw = new URLSearchParams(search).get('add');
  if (raw === null) return null;
  try {
    return cleanPrefill(JSON.parse(raw));
  } catch {
    return {};
  }
}
