/**
 * Which console a URL belongs to, and the host permissions derived from the one list of
 * consoles: the manifest's required hosts (the seed consoles), the optional ones asked for when
 * the admin turns a console on, and the addresses the admin added.
 * This module is imported by wxt.config.ts (in Node): keep it free of browser APIs.
 */
import { CONSOLES, type ConsoleId } from './list';
import type { AddedSite, ConsoleHost, ConsoleModule } from './types';

function toMatchPattern({ host, pathPrefix }: ConsoleHost): string {
  return `https://${host}${pathPrefix ?? '/'}*`;
}

/** Match patterns for every host in the manifest, e.g. `https://*.maas360.com/*`. */
export const hostPermissions: string[] = CONSOLES.flatMap((c) => c.hosts.map(toMatchPattern));

/** The console's optional cloud hosts as match patterns (empty when it has none). */
export function optionalPatterns(c: ConsoleModule): string[] {
  return (c.optionalHosts ?? []).map(toMatchPattern);
}

/**
 * Optional host permissions in the manifest: every console's cloud hosts, and any https
 * address (asked for one origin at a time, when the admin adds a console at its own address).
 */
export const optionalHostPermissions: string[] = [...CONSOLES.flatMap(optionalPatterns), 'https://*/*'];

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === pattern;
}

const IDS = new Set<string>(CONSOLES.map((c) => c.id));

export function isConsoleId(value: unknown): value is ConsoleId {
  return typeof value === 'string' && IDS.has(value);
}

export function consoleOf(id: ConsoleId): ConsoleModule {
  const found = CONSOLES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown console ${id}`);
  return found;
}

/**
 * Which console a URL belongs to, or null. Only https URLs count. An address the admin added
 * wins over the built-in hosts (an on-premises Jamf Pro on a host we also know is still Jamf).
 */
export function consoleForUrl(url: string, sites: readonly AddedSite[] = []): ConsoleId | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const site of sites) if (site.origin === parsed.origin && isConsoleId(site.console)) return site.console;
  const hostname = parsed.hostname.toLowerCase();
  for (const { id, host } of ALL_HOSTS) if (hostMatches(host.host, hostname) && parsed.pathname.startsWith(host.pathPrefix ?? '/')) return id;
  return null;
}

/** Every built-in host (required and optional) with its console, in the list's order. */
const ALL_HOSTS = CONSOLES.flatMap((c) => [...c.hosts, ...(c.optionalHosts ?? [])].map((host) => ({ id: c.id, host })));
