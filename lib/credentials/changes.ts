/**
 * What the admin does to a credential, as pure functions of (credential, request, now): saved by
 * hand, marked renewed, snoozed, archived, recorded from a file. The worker only finds the
 * credential, calls one of these and stores the result.
 */
import type { AnyKind } from './urgency';
import { applyReading, blankCredential } from './merge';
import type { Credential, ManualFields, Source } from './model';

/** The reading a person gives by hand: the 'manual' source. */
export function manualSource(expiresOn: string | null, now: Date): Source {
  return { type: 'manual', key: 'manual', expiresOn, seenAt: now.toISOString() };
}

const OPTIONAL = ['console', 'account', 'appleId', 'topic', 'organization', 'owner', 'notes'] as const;

/**
 * A credential added or edited by hand. Empty optional fields are dropped; a new or changed
 * date is the manual source's reading, and a changed date starts its alerts afresh.
 */
export function saved(old: Credential | undefined, fields: ManualFields, id: string, now: Date): Credential {
  const base: Credential = old ?? blankCredential(fields.kind, '', now.toISOString(), id);
  const next: Credential = { ...base, ...fields, updatedAt: now.toISOString() };
  for (const k of OPTIONAL) if (next[k] === '' || next[k] === undefined) delete next[k];
  if (!old || old.expiresOn !== fields.expiresOn) {
    next.sources = [...base.sources.filter((s) => s.key !== 'manual'), manualSource(fields.expiresOn, now)];
    if (old) next.alerts = {};
  }
  return next;
}

/**
 * Marked renewed by the admin, with its new date: a renewal in its history, alerts and snooze
 * lifted, and what a console said of the old certificate or token (revoked, taken …) dropped.
 */
export function renewed(c: Credential, expiresOn: string, now: Date): Credential {
  const next: Credential = {
    ...c,
    expiresOn,
    history: [...c.history, { from: c.expiresOn, to: expiresOn, noticedAt: now.toISOString(), source: 'manual' }],
    sources: [...c.sources.filter((s) => s.key !== 'manual'), manualSource(expiresOn, now)],
    alerts: {},
    updatedAt: now.toISOString(),
  };
  delete next.snoozedUntil;
  delete next.health;
  return next;
}

/** Alerts held back for `days` days (0 lifts the snooze). */
export function snoozed(c: Credential, days: number, now: Date): Credential {
  const next: Credential = { ...c, updatedAt: now.toISOString() };
  if (days > 0) next.snoozedUntil = new Date(now.getTime() + days * 86_400_000).toISOString();
  else delete next.snoozedUntil;
  return next;
}

export function archived(c: Credential, archive: boolean, now: Date): Credential {
  return { ...c, archived: archive, updatedAt: now.toISOString() };
}

/** What a file check adds to the inventory: a credential, or (kind 'other') the MDM server's public key. */
export interface FileItem {
  kind: AnyKind;
  name: string;
  expiresOn: string | null;
  topic?: string;
}

/**
 * A file's reading applied to the credential it matched, or to a new one: the file is its source
 * (`file:<name>`), a later date is a renewal, as for a page.
 */
export function fromFile(match: Credential | undefined, item: FileItem, fileName: string, id: string, now: Date): Credential {
  const clean: FileItem = { kind: item.kind, name: item.name.slice(0, 200), expiresOn: item.expiresOn, ...(item.topic ? { topic: item.topic.slice(0, 200) } : {}) };
  const source: Source = { type: 'file', key: `file:${fileName}`, fileName: fileName.slice(0, 200), expiresOn: clean.expiresOn, seenAt: now.toISOString() };
  return applyReading(match ?? blankCredential(clean.kind, clean.name, now.toISOString(), id), clean, source);
}
