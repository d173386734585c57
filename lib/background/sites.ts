/**
 * The consoles the admin turned on or added, kept in extension storage, and the content script
 * registered for them. The manifest's content script covers the seed consoles; everything else
 * runs only where the admin granted its host. Chromium (MV3) registers through `scripting`,
 * which persists across restarts; Firefox (MV2) through `contentScripts`, which lasts as long as
 * the background page, so both re-register whenever the background starts.
 */
import { browser } from 'wxt/browser';
import { ACCESS_KEY, accessPatterns, readAccess, type ConsoleAccess } from '../consoles/sites';

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
