/**
 * The consoles the admin turned on or added, kept in extension storage, and the content script
 * registered for them. The manifest's content script covers the seed consoles; everything else
 * runs only where the admin granted its host. Chromium (MV3) registers through `scripting`,
 * which persists across restarts; Firefox (MV2) through `contentScripts`, which lasts as long as
 * the background page, so both re-register whenever the background starts.
 */
import { browser } from 'wxt/browser';
import { ACCESS_KEY, accessPatterns, addSite, OPTIONAL_CONSOLES, readAccess, removeSite, setEnabled, sitePattern, type ConsoleAccess } from '../consoles/sites';
import { codeKey, t } from '../i18n';
import type { Request, Responses } from '../messages';
import { invalid } from './store';

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

/** Registers the content script for exactly the granted patterns of `access` (none: unregistered). */
export async function syncContentScript(access?: ConsoleAccess): Promise<string[]> {
  const patterns = await grantedPatterns(access ?? (await loadAccess()));
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (scripting?.registerContentScripts && import.meta.env.MANIFEST_VERSION === 3) {
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
  await syncContentScript(access);
  const kept = new Set(accessPatterns(access));
  const gone = accessPatterns(before).filter((p) => !kept.has(p));
  if (gone.length) await browser.permissions.remove({ origins: gone });
  return access;
}

type ConsolesRequest = Extract<Request, { type: 'consoles-get' | 'consoles-enable' | 'consoles-add' | 'consoles-remove' }>;

/** The options page's "Consoles you use": what is on, a switch, an address added or removed. */
export async function handleConsoles(request: ConsolesRequest): Promise<Responses[ConsolesRequest['type']]> {
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
