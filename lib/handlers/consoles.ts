/**
 * The consoles the admin turned on or added, kept in extension storage, and the content script
 * registered for them. The manifest's content script covers the seed consoles; everything else
 * runs only where the admin granted its host. Chromium (MV3) registers through `scripting`,
 * which persists across restarts; Firefox (MV2) through `contentScripts`, which lasts as long as
 * the background page, so both re-register whenever the background starts.
 */
import { browser } from 'wxt/browser';
import { ACCESS_KEY, accessPatterns, addSite, OPTIONAL_CONSOLES, readAccess, removeSite, setEnabled, sitePattern, type ConsoleAccess } from '../consoles/sites';
import { optionalPatterns } from '../consoles/hosts';
import { codeKey, t } from '../i18n';
import type { Request, Responses } from '../messages';
import { invalid } from './store';
import { createSerial } from '../serial';

export { ACCESS_KEY } from '../consoles/sites';
const SCRIPT_ID = 'token-radar-added-consoles';
const SCRIPT_FILE = '/content-scripts/console.js';

export async function loadAccess(): Promise<ConsoleAccess> {
  const stored = await browser.storage.local.get(ACCESS_KEY);
  return readAccess(stored[ACCESS_KEY]);
}

export async function saveAccess(access: ConsoleAccess): Promise<void> {
  await browser.storage.local.set({ [ACCESS_KEY]: access });
}

/** The patterns of `access` whose host the admin granted (a permission removed in the browser's own settings drops out). */
async function grantedPatterns(access: ConsoleAccess): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of accessPatterns(access)) if (await browser.permissions.contains({ origins: [pattern] })) out.push(pattern);
  return out;
}

type Registered = { unregister(): Promise<void> };
let firefoxScript: Registered | undefined;

/**
 * One change of the consoles at a time: the worker's start-up registration and an admin's click
 * could otherwise both register the script (the second fails: the id exists) or read the list
 * before the other wrote it.
 */
const serial = createSerial();

/** Registers the content script for exactly the granted patterns of `access` (none: unregistered). */
export function syncContentScript(access?: ConsoleAccess): Promise<string[]> {
  return serial(() => register(access));
}

async function register(access?: ConsoleAccess): Promise<string[]> {
  const patterns = await grantedPatterns(access ?? (await loadAccess()));
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.registerContentScripts && import.meta.env.MANIFEST_VERSION !== 2) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    // The worker starts often: a registration that already matches is left as it is.
    const same = (a: readonly string[] = [], b: readonly string[]) => a.length === b.length && a.every((p) => b.includes(p));
    if (existing.length === (patterns.length ? 1 : 0) && (!existing.length || same(existing[0]!.matches, patterns))) return patterns;
    if (existing.length) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (patterns.length) {
      await scripting.registerContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches: patterns, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }]);
    }
    return patterns;
  }
  const contentScripts = (browser as unknown as { contentScripts?: { register(o: object): Promise<Registered> } }).contentScripts;
  await firefoxScript?.unregister();
  firefoxScript = undefined;
  if (contentScripts && patterns.length) firefoxScript = await contentScripts.register({ js: [{ file: SCRIPT_FILE }], matches: patterns, allFrames: true, runAt: 'document_idle' });
  return patterns;
}

/**
 * Stores the consoles turned on and added, registers the content script for them, and gives back
 * the host permissions no longer needed (a host still used by another entry stays).
 */
async function changeAccess(before: ConsoleAccess, access: ConsoleAccess): Promise<ConsoleAccess> {
  await saveAccess(access);
  try {
    await register(access);
  } catch (error) {
    // Not registered: the list goes back to what it was, and a host granted for this change alone is given back.
    await saveAccess(before);
    await register(before).catch(() => undefined);
    const had = new Set(accessPatterns(before));
    const fresh = accessPatterns(access).filter((p) => !had.has(p));
    if (fresh.length) await browser.permissions.remove({ origins: fresh }).catch(() => false);
    throw error;
  }
  const kept = new Set(accessPatterns(access));
  const gone = accessPatterns(before).filter((p) => !kept.has(p));
  if (gone.length) await browser.permissions.remove({ origins: gone });
  return access;
}

/**
 * The admin took a host away in the browser's own settings: the consoles that needed it are
 * turned off (a switch) or removed (an address), so the settings page says what is really read.
 */
export function permissionsRemoved(origins: readonly string[]): Promise<void> {
  if (!origins.length) return Promise.resolve();
  return serial(async () => {
    const before = await loadAccess();
    let access = before;
    for (const c of OPTIONAL_CONSOLES) {
      if (access.enabled.includes(c.id) && optionalPatterns(c).some((p) => origins.includes(p))) access = setEnabled(access, c.id, false);
    }
    for (const site of access.sites) if (origins.includes(sitePattern(site.origin))) access = removeSite(access, site.origin);
    if (accessPatterns(access).length !== accessPatterns(before).length) await saveAccess(access);
    await register(access);
  });
}

type ConsolesRequest = Extract<Request, { type: 'consoles-get' | 'consoles-enable' | 'consoles-add' | 'consoles-remove' }>;

/** The options page's "Consoles you use": what is on, a switch, an address added or removed. */
export function handleConsoles(request: ConsolesRequest): Promise<Responses[ConsolesRequest['type']]> {
  return serial(() => consoles(request));
}

async function consoles(request: ConsolesRequest): Promise<Responses[ConsolesRequest['type']]> {
  const before = await loadAccess();
  switch (request.type) {
    case 'consoles-get':
      return { ok: true, access: before };
    case 'consoles-enable':
      // The schema checked the id and the switch; only a console with cloud hosts has one.
      if (!OPTIONAL_CONSOLES.some((c) => c.id === request.console)) return invalid(t('consolesInvalid'));
      return { ok: true, access: await changeAccess(before, setEnabled(before, request.console, request.on)) };
    case 'consoles-add': {
      const added = addSite(before, request.console, request.origin);
      if (!added.ok) return invalid(t(codeKey('siteErr_', added.error)));
      // The options page asked for the address first: without the grant nothing is added.
      if (!(await browser.permissions.contains({ origins: [sitePattern(added.site.origin)] }))) return { ok: false, code: 'permission', error: t('siteErr_permission') };
      return { ok: true, access: await changeAccess(before, added.access) };
    }
    case 'consoles-remove':
      return { ok: true, access: await changeAccess(before, removeSite(before, request.origin)) };
  }
}
