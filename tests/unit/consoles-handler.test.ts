/**
 * The background's side of "Consoles you use" (lib/handlers/consoles.ts), on WXT's fake browser
 * with an in-memory `scripting` and `permissions` that behave as Chromium's do (a second
 * registration under the same id fails): one change at a time, a failed registration loses
 * nothing and gives back the host it asked for, and a host taken back in the browser's settings
 * turns its console off.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleConsoles, loadAccess, permissionsRemoved, syncContentScript } from '../../lib/handlers/consoles';

type Script = { id: string; matches: string[] };
let scripts: Script[];
let granted: Set<string>;
let failNextRegister: boolean;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  fakeBrowser.reset();
  scripts = [];
  granted = new Set();
  failNextRegister = false;
  const api = fakeBrowser as unknown as Record<string, unknown>;
  api.scripting = {
    async getRegisteredContentScripts({ ids }: { ids: string[] }) {
      await wait(1);
      return scripts.filter((s) => ids.includes(s.id)).map((s) => ({ ...s }));
    },
    async registerContentScripts(list: Script[]) {
      await wait(1);
      if (failNextRegister) {
        failNextRegister = false;
        throw new Error('Could not load the script');
      }
      for (const s of list) if (scripts.some((x) => x.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      scripts.push(...list.map((s) => ({ id: s.id, matches: [...s.matches] })));
    },
    async unregisterContentScripts({ ids }: { ids: string[] }) {
      await wait(1);
      scripts = scripts.filter((s) => !ids.includes(s.id));
    },
  };
  api.permissions = {
    contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }: { origins: string[] }) => {
      for (const o of origins) granted.delete(o);
      return true;
    },
  };
});

const CLOMO = 'https://clomo.contoso.example';
const CLOMO_PATTERN = 'https://clomo.contoso.example/*';

describe('the consoles the admin turns on and adds', () => {
  it('an address added with its grant is kept and the content script registered for it; removing it unregisters and gives the host back', async () => {
    granted.add(CLOMO_PATTERN);
    const added = await handleConsoles({ type: 'consoles-add', console: 'clomo', origin: CLOMO });
    expect(added).toMatchObject({ ok: true, access: { sites: [{ console: 'clomo', origin: CLOMO }] } });
    expect(scripts).toEqual([{ id: 'token-radar-added-consoles', matches: [CLOMO_PATTERN] }]);
    await handleConsoles({ type: 'consoles-remove', origin: CLOMO });
    expect(scripts).toEqual([]);
    expect(granted.has(CLOMO_PATTERN)).toBe(false);
    expect((await loadAccess()).sites).toEqual([]);
  });

  it('without the grant nothing is added', async () => {
    expect(await handleConsoles({ type: 'consoles-add', console: 'clomo', origin: CLOMO })).toMatchObject({ ok: false, code: 'permission' });
    expect((await loadAccess()).sites).toEqual([]);
  });

  it('a registration that fails loses nothing: the list is as it was, and the host asked for this change is given back', async () => {
    granted.add('https://*.jamfcloud.com/*');
    await handleConsoles({ type: 'consoles-enable', console: 'jamf', on: true });
    granted.add(CLOMO_PATTERN);
    failNextRegister = true;
    await expect(handleConsoles({ type: 'consoles-add', console: 'clomo', origin: CLOMO })).rejects.toThrow('Could not load the script');
    expect(await loadAccess()).toEqual({ enabled: ['jamf'], sites: [] });
    expect(granted.has(CLOMO_PATTERN)).toBe(false);
    expect(granted.has('https://*.jamfcloud.com/*')).toBe(true);
    expect(scripts).toEqual([{ id: 'token-radar-added-consoles', matches: ['https://*.jamfcloud.com/*'] }]);
  });

  it("the worker's start-up registration and an admin's click at the same moment: one registration, no duplicate-id error", async () => {
    granted.add(CLOMO_PATTERN);
    const results = await Promise.allSettled([syncContentScript(), handleConsoles({ type: 'consoles-add', console: 'clomo', origin: CLOMO }), syncContentScript()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(scripts).toEqual([{ id: 'token-radar-added-consoles', matches: [CLOMO_PATTERN] }]);
  });

  it('a host taken back in the browser turns its console off, or removes its address, and the script follows', async () => {
    granted.add('https://*.jamfcloud.com/*');
    granted.add(CLOMO_PATTERN);
    await handleConsoles({ type: 'consoles-enable', console: 'jamf', on: true });
    await handleConsoles({ type: 'consoles-add', console: 'clomo', origin: CLOMO });
    granted.delete('https://*.jamfcloud.com/*');
    await permissionsRemoved(['https://*.jamfcloud.com/*']);
    expect(await loadAccess()).toEqual({ enabled: [], sites: [{ console: 'clomo', origin: CLOMO }] });
    expect(scripts).toEqual([{ id: 'token-radar-added-consoles', matches: [CLOMO_PATTERN] }]);
    granted.delete(CLOMO_PATTERN);
    await permissionsRemoved([CLOMO_PATTERN]);
    expect(await loadAccess()).toEqual({ enabled: [], sites: [] });
    expect(scripts).toEqual([]);
  });
});
