/**
 * The consoles an admin turns on: built-in consoles with optional cloud hosts (Jamf Cloud,
 * Workspace ONE, Kandji, Mosyle), and consoles added at an address of their own (an on-premises
 * Jamf Pro, a CLOMO PANEL customer address, any other MDM). Pure: the options page asks for the
 * permission, the background stores the list and registers the content script from it.
 */
import { consoleForUrl, consoleOf, isConsoleId, optionalPatterns } from './hosts';
import { CONSOLES, type ConsoleId } from './list';
import type { AddedSite } from './types';

export interface ConsoleAccess {
  /** Built-in consoles whose optional hosts the admin turned on. */
  enabled: ConsoleId[];
  /** Consoles added at their own addresses. */
  sites: AddedSite[];
}

/** Where the list is kept (extension storage, local area). */
export const ACCESS_KEY = 'consoleAccess';

export const NO_ACCESS: ConsoleAccess = { enabled: [], sites: [] };

/** Built-in consoles the admin can turn on (their cloud hosts are optional permissions). */
export const OPTIONAL_CONSOLES = CONSOLES.filter((c) => (c.optionalHosts?.length ?? 0) > 0);
/** Consoles the admin can add at an address of their own. */
export const ADDABLE_CONSOLES = CONSOLES.filter((c) => c.ownAddress);

export type SiteError = 'empty' | 'invalid' | 'not-https' | 'built-in' | 'duplicate' | 'console';

/**
 * The origin an admin typed (`mdm.example.co.jp`, `https://jamf.example.com:8443/`, a URL copied
 * from the address bar), or why it cannot be one. Only https; a path other than `/` is dropped
 * when it was a copied page address, never a reason to refuse.
 */
export function parseOrigin(input: string): { ok: true; origin: string } | { ok: false; error: SiteError } {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'not-https' };
  if (!url.hostname || url.username || url.password || !/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(url.hostname) || !url.hostname.includes('.')) return { ok: false, error: 'invalid' };
  return { ok: true, origin: url.origin };
}

/** The match pattern that grants an added origin (match patterns carry no port: the origin itself is checked when reading). */
export function sitePattern(origin: string): string {
  return `https://${new URL(origin).hostname}/*`;
}

/** The list with `console` added at `input`, or why not. */
export function addSite(access: ConsoleAccess, console: string, input: string): { ok: true; access: ConsoleAccess; site: AddedSite } | { ok: false; error: SiteError } {
  if (!isConsoleId(console) || !consoleOf(console).ownAddress) return { ok: false, error: 'console' };
  const parsed = parseOrigin(input);
  if (!parsed.ok) return parsed;
  const { origin } = parsed;
  if (access.sites.some((s) => s.origin === origin)) return { ok: false, error: 'duplicate' };
  // A seed console's own address is read already (Intune, MaaS360, the Apple sites).
  const builtIn = consoleForUrl(`${origin}/`);
  if (builtIn && consoleOf(builtIn).hosts.length > 0) return { ok: false, error: 'built-in' };
  const site: AddedSite = { console, origin };
  return { ok: true, access: { ...access, sites: [...access.sites, site] }, site };
}

export function removeSite(access: ConsoleAccess, origin: string): ConsoleAccess {
  return { ...access, sites: access.sites.filter((s) => s.origin !== origin) };
}

export function setEnabled(access: ConsoleAccess, console: ConsoleId, on: boolean): ConsoleAccess {
  const enabled = access.enabled.filter((c) => c !== console);
  return { ...access, enabled: on ? [...enabled, console] : enabled };
}

/** The match patterns the content script must also run on. */
export function accessPatterns(access: ConsoleAccess): string[] {
  const patterns = [...access.enabled.flatMap((id) => (isConsoleId(id) ? optionalPatterns(consoleOf(id)) : [])), ...access.sites.map((s) => sitePattern(s.origin))];
  return [...new Set(patterns)];
}

/** Only well-formed entries of a stored value (storage is not trusted blindly). */
export function readAccess(value: unknown): ConsoleAccess {
  if (typeof value !== 'object' || value === null) return NO_ACCESS;
  const v = value as { enabled?: unknown; sites?: unknown };
  const enabled = Array.isArray(v.enabled) ? v.enabled.filter((id): id is ConsoleId => isConsoleId(id) && OPTIONAL_CONSOLES.some((c) => c.id === id)) : [];
  const sites = Array.isArray(v.sites)
    ? v.sites.filter((s): s is AddedSite => {
        if (typeof s !== 'object' || s === null) return false;
        const { console, origin } = s as { console?: unknown; origin?: unknown };
        if (!isConsoleId(console) || typeof origin !== 'string') return false;
        // Stored exactly as parseOrigin gives it, or not ours.
        const parsed = parseOrigin(origin);
        return parsed.ok && parsed.origin === origin;
      })
    : [];
  return { enabled: [...new Set(enabled)], sites };
}
