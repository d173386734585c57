/**
 * What a content script tells the background after a scan: the credentials it read, with the
 * page they came from. Metadata only: names, dates, Apple IDs, topics, statuses.
 */
import type { ConsoleId, FoundCredential, PageScan } from './scan';

/** A credential as read, without its place on the page. */
export type ObservedCredential = Omit<FoundCredential, 'anchor'>;

export interface Observation {
  console: ConsoleId;
  page: string;
  account?: string;
  /** Where it was read: the page's address without its query (frames carry tokens and ids in it). */
  url: string;
  seenAt: string;
  credentials: ObservedCredential[];
}

const MAX_TEXT = 200;
const clip = (s: string) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

/** The observation for a scan, or null when the page showed no credential. */
export function toObservation(scan: PageScan, url: string, now: Date): Observation | null {
  if (!scan.console || !scan.page || scan.credentials.length === 0) return null;
  const clean = new URL(url);
  clean.search = '';
  const obs: Observation = {
    console: scan.console,
    page: scan.page,
    url: clean.href,
    seenAt: now.toISOString(),
    credentials: scan.credentials.map(({ kind, name, expiresOn, appleId, topic, status, vendor, health, via }) => {
      const c: ObservedCredential = { kind, name: clip(name), expiresOn };
      if (appleId) c.appleId = clip(appleId);
      if (topic) c.topic = clip(topic);
      if (status) c.status = clip(status);
      if (vendor) c.vendor = clip(vendor);
      if (health) c.health = health;
      if (via) c.via = via;
      return c;
    }),
  };
  if (scan.account) obs.account = clip(scan.account);
  return obs;
}

/** The part of an observation that says whether anything changed since the last one. */
export function observationKey(obs: Observation): string {
  return JSON.stringify([obs.console, obs.page, obs.account, obs.url, obs.credentials]);
}
