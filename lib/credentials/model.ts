/**
 * The inventory's record of one credential. Metadata only: names, dates, Apple IDs, topics,
 * statuses, where it was seen. No token, certificate or key material is ever stored.
 */
import type { ConsoleId } from '../consoles/types';
import type { AnyKind } from './urgency';
import type { HealthReading } from './health';

export const KINDS: readonly AnyKind[] = ['apns', 'ade', 'vpp', 'symantec', 'other'];

/** Where a credential was seen, with the latest reading from that place. */
export interface Source {
  type: 'page' | 'file' | 'manual';
  /** A stable key for the place: 'page:intune:ade-token-list:<account>', 'file:<name>', 'manual'. */
  key: string;
  console?: ConsoleId;
  page?: string;
  url?: string;
  fileName?: string;
  /** 'alert' when the page only told about it (a home page notice), not its own row or panel. */
  via?: 'alert';
  /** The expiry this source showed the last time (null when it showed none). */
  expiresOn: string | null;
  seenAt: string;
}

/** An expiry that moved forward: a renewal, noticed at `noticedAt` from `source`. */
export interface Renewal {
  from: string | null;
  to: string;
  noticedAt: string;
  source: string;
}

export interface Credential {
  id: string;
  kind: AnyKind;
  /** The console (or 'manual') it belongs to: Intune tenant, MaaS360 account, ABM/ASM organisation. */
  console?: ConsoleId;
  account?: string;
  name: string;
  expiresOn: string | null;
  appleId?: string;
  topic?: string;
  organization?: string;
  status?: string;
  /** A push certificate's MDM vendor, as Apple's portal lists it ("Microsoft Corporation"): a detail, not its name. */
  vendor?: string;
  /** The state last read beside the date (revoked, taken by another MDM …): see credentials/health.ts. */
  health?: HealthReading;
  owner?: string;
  notes?: string;
  sources: Source[];
  history: Renewal[];
  /** Notification keys already raised (threshold or day), with when: never repeated. */
  alerts: Record<string, string>;
  snoozedUntil?: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Fields a person can set by hand (add / edit in the popup). */
export interface ManualFields {
  kind: AnyKind;
  name: string;
  expiresOn: string | null;
  console?: ConsoleId;
  account?: string;
  appleId?: string;
  topic?: string;
  organization?: string;
  owner?: string;
  notes?: string;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
