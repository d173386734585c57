/**
 * The one list of console sites. The manifest's host permissions and the content script's
 * matches are derived from it, so adding a console means adding its folder and one line here.
 * This module is imported by wxt.config.ts (in Node): keep it free of browser APIs.
 */
import { abmSite, asmSite } from './apple-business/site';
import { applePushSite } from './apple-push/site';
import { intuneSite } from './intune/site';
import { maas360Site } from './maas360/site';
import type { ConsoleHost, ConsoleId, ConsoleSite } from './types';

export const consoleSites: readonly ConsoleSite[] = [intuneSite, maas360Site, abmSite, asmSite, applePushSite];

function toMatchPattern({ host, pathPrefix }: ConsoleHost): string {
  return `https://${host}${pathPrefix ?? '/'}*`;
}

/** Match patterns for every console host, e.g. `https://*.maas360.com/*`. */
export const hostPermissions: string[] = consoleSites.flatMap((site) => site.hosts.map(toMatchPattern));

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === pattern;
}

/** Which console a URL belongs to, or null. Only https URLs count (the manifest allows no other). */
export function consoleForUrl(url: string): ConsoleId | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const hostname = parsed.hostname.toLowerCase();
  for (const site of consoleSites) {
    for (const h of site.hosts) {
      if (hostMatches(h.host, hostname) && parsed.pathname.startsWith(h.pathPrefix ?? '/')) return site.id;
    }
  }
  return null;
}

export function siteOf(id: ConsoleId): ConsoleSite {
  const site = consoleSites.find((s) => s.id === id);
  if (!site) throw new Error(`unknown console ${id}`);
  return site;
}
