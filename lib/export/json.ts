/**
 * JSON export and import: lossless (every field of every credential) and validated whole
 * before anything is written. A bad file gets an error that names what is wrong and where.
 */
import { CONSOLES } from '../consoles/list';
import { HEALTH_ORDER, type Health, type HealthReading, type HealthVia } from '../credentials/health';
import type { ConsoleId } from '../consoles/types';
import { ISO_DATE, KINDS, type Credential, type Renewal, type Source } from '../credentials/model';

export const EXPORT_FORMAT = 'token-radar-inventory';
export const EXPORT_VERSION = 1;

export interface InventoryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  credentials: Credential[];
}

export function exportJson(credentials: Credential[], now: Date): string {
  const doc: InventoryExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), credentials };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** What is wrong with a file to import: a code, where (a JSON path such as `credentials[2].expiresOn`) and the values it needs. Worded by lib/wording/import.ts. */
export type ImportError =
  | { code: 'not-json' | 'too-deep' }
  | { code: 'missing' | 'empty' | 'not-text' | 'not-object' | 'not-list' | 'not-boolean' | 'secret'; path: string }
  | { code: 'too-long'; path: string; max: number }
  | { code: 'not-date' | 'not-date-time'; path: string; value: string }
  | { code: 'not-one-of'; path: string; value: string; allowed: string }
  | { code: 'not-export'; value: string }
  | { code: 'bad-version'; value: string; max: number }
  | { code: 'duplicate-id'; path: string; value: string };

export type ImportResult = { ok: true; credentials: Credential[] } | { ok: false; error: ImportError };

const CONSOLE_IDS = new Set<string>(CONSOLES.map((s) => s.id));
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 2000;

class Invalid extends Error {
  constructor(readonly error: ImportError) {
    super(error.code);
  }
}

function fail(error: ImportError): never {
  throw new Invalid(error);
}

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function str(o: Record<string, unknown>, key: string, path: string, required = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) fail({ code: 'missing', path: `${path}.${key}` });
    return undefined;
  }
  if (typeof v !== 'string') fail({ code: 'not-text', path: `${path}.${key}` });
  if (v.length > MAX_TEXT) fail({ code: 'too-long', path: `${path}.${key}`, max: MAX_TEXT });
  return v;
}

function dateTime(o: Record<string, unknown>, key: string, path: string, required = true): string | undefined {
  const v = str(o, key, path, required);
  if (v !== undefined && !ISO_DATETIME.test(v)) fail({ code: 'not-date-time', path: `${path}.${key}`, value: v });
  return v;
}

function expiry(o: Record<string, unknown>, key: string, path: string): string | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (!isDate(v)) fail({ code: 'not-date', path: `${path}.${key}`, value: String(v) });
  return v;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail({ code: 'not-object', path });
  return v as Record<string, unknown>;
}

function consoleId(o: Record<string, unknown>, path: string): ConsoleId | undefined {
  const v = str(o, 'console', path);
  if (v !== undefined && !CONSOLE_IDS.has(v)) fail({ code: 'not-one-of', path: `${path}.console`, value: v, allowed: [...CONSOLE_IDS].join(', ') });
  return v as ConsoleId | undefined;
}

function source(v: unknown, path: string): Source {
  const o = object(v, path);
  const type = str(o, 'type', path, true);
  if (type !== 'page' && type !== 'file' && type !== 'manual') fail({ code: 'not-one-of', path: `${path}.type`, value: String(type), allowed: 'page, file, manual' });
  const s: Source = { type, key: str(o, 'key', path, true)!, expiresOn: expiry(o, 'expiresOn', path), seenAt: dateTime(o, 'seenAt', path)! };
  const c = consoleId(o, path);
  if (c) s.console = c;
  for (const k of ['page', 'url', 'fileName'] as const) {
    const x = str(o, k, path);
    if (x !== undefined) s[k] = x;
  }
  if (o.via !== undefined) {
    if (o.via !== 'alert') fail({ code: 'not-one-of', path: `${path}.via`, value: String(o.via), allowed: 'alert' });
    s.via = 'alert';
  }
  return s;
}

function renewal(v: unknown, path: string): Renewal {
  const o = object(v, path);
  const to = expiry(o, 'to', path);
  if (!to) fail({ code: 'missing', path: `${path}.to` });
  return { from: expiry(o, 'from', path), to, noticedAt: dateTime(o, 'noticedAt', path)!, source: str(o, 'source', path, true)! };
}

function healthReading(v: unknown, path: string): HealthReading {
  const o = object(v, path);
  const state = str(o, 'state', path, true)!;
  if (!(HEALTH_ORDER as readonly string[]).includes(state)) fail({ code: 'not-one-of', path: `${path}.state`, value: String(state), allowed: HEALTH_ORDER.join(', ') });
  const via = str(o, 'via', path, true)!;
  if (!['page', 'alert', 'file', 'manual'].includes(via)) fail({ code: 'not-one-of', path: `${path}.via`, value: String(via), allowed: 'page, alert, file, manual' });
  const reading: HealthReading = { state: state as Health, via: via as HealthVia, source: str(o, 'source', path, true)!, seenAt: dateTime(o, 'seenAt', path)! };
  const text = str(o, 'text', path);
  if (text !== undefined) reading.text = text;
  return reading;
}

function credential(v: unknown, path: string): Credential {
  const o = object(v, path);
  const kind = str(o, 'kind', path, true)!;
  if (!(KINDS as readonly string[]).includes(kind)) fail({ code: 'not-one-of', path: `${path}.kind`, value: String(kind), allowed: KINDS.join(', ') });
  if (typeof o.archived !== 'boolean') fail({ code: 'not-boolean', path: `${path}.archived` });
  if (!Array.isArray(o.sources)) fail({ code: 'not-list', path: `${path}.sources` });
  if (!Array.isArray(o.history)) fail({ code: 'not-list', path: `${path}.history` });
  const alerts = object(o.alerts ?? {}, `${path}.alerts`);
  for (const [k, at] of Object.entries(alerts)) {
    if (typeof at !== 'string' || !ISO_DATETIME.test(at)) fail({ code: 'not-date-time', path: `${path}.alerts.${k}`, value: String(at) });
  }
  const c: Credential = {
    id: str(o, 'id', path, true)!,
    kind: kind as Credential['kind'],
    name: str(o, 'name', path) ?? '',
    expiresOn: expiry(o, 'expiresOn', path),
    sources: (o.sources as unknown[]).map((s, i) => source(s, `${path}.sources[${i}]`)),
    history: (o.history as unknown[]).map((h, i) => renewal(h, `${path}.history[${i}]`)),
    alerts: alerts as Record<string, string>,
    archived: o.archived as boolean,
    createdAt: dateTime(o, 'createdAt', path)!,
    updatedAt: dateTime(o, 'updatedAt', path)!,
  };
  if (!c.id.trim()) fail({ code: 'empty', path: `${path}.id` });
  const con = consoleId(o, path);
  if (con) c.console = con;
  for (const k of ['account', 'appleId', 'topic', 'organization', 'status', 'vendor', 'owner', 'notes'] as const) {
    const x = str(o, k, path);
    if (x !== undefined) c[k] = x;
  }
  if (o.health !== undefined) c.health = healthReading(o.health, `${path}.health`);
  const snooze = dateTime(o, 'snoozedUntil', path, false);
  if (snooze) c.snoozedUntil = snooze;
  // Metadata only: refuse anything that looks like token or key material.
  const text = JSON.stringify(o);
  if (/-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----|"(token|access_token|access_secret|consumer_secret|privateKey)"\s*:/i.test(text)) {
    fail({ code: 'secret', path });
  }
  return c;
}

/** Parses and validates an export; nothing is returned unless every credential is valid. */
export function parseImport(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: { code: 'not-json' } };
  }
  try {
    const o = object(data, 'file');
    if (o.format !== EXPORT_FORMAT) fail({ code: 'not-export', value: String(o.format) });
    if (typeof o.version !== 'number' || o.version > EXPORT_VERSION || o.version < 1) {
      fail({ code: 'bad-version', value: String(o.version), max: EXPORT_VERSION });
    }
    if (!Array.isArray(o.credentials)) fail({ code: 'not-list', path: 'file.credentials' });
    const credentials = (o.credentials as unknown[]).map((c, i) => credential(c, `credentials[${i}]`));
    const seen = new Set<string>();
    credentials.forEach((c, i) => {
      if (seen.has(c.id)) fail({ code: 'duplicate-id', path: `credentials[${i}].id`, value: c.id });
      seen.add(c.id);
    });
    return { ok: true, credentials };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.error };
    // A value nested deeper than the stack (JSON.parse takes it; walking it does not): not an export.
    if (e instanceof RangeError) return { ok: false, error: { code: 'too-deep' } };
    throw e;
  }
}
