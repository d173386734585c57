/**
 * The worker's handlers on WXT's fakeBrowser (an in-memory extension API) and fake IndexedDB:
 * the alarm it keeps, messages from its own pages and from console pages, the scheduled check
 * that raises a notification once, and what a notification click and its snooze button do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHECK_ALARM, check, ensureAlarm, handleRaw, openFor, snoozeFor } from '../../lib/handlers';
import type { Credential } from '../../lib/credentials/model';
import { exportJson } from '../../lib/export/json';
import { adoptMessages } from '../../lib/i18n';

const NOW = new Date('2026-11-22T12:00:00Z');
const PAGE = undefined; // an extension page: the popup or the options page
const CONSOLE = { tab: { id: 7 }, frameId: 0, url: 'https://intune.microsoft.com/#view/x' };

async function list(): Promise<Credential[]> {
  const answer = (await handleRaw({ type: 'list' }, PAGE)) as { ok: true; credentials: Credential[] };
  expect(answer.ok).toBe(true);
  return answer.credentials;
}

beforeEach(async () => {
  // The worker reads the clock itself (a save runs a check): the clock is NOW; timers stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  fakeBrowser.reset();
  await handleRaw({ type: 'erase' }, PAGE);
  fakeBrowser.notifications.resetState();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the worker', () => {
  it('keeps one check alarm', async () => {
    await ensureAlarm();
    await ensureAlarm();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.filter((a) => a.name === CHECK_ALARM)).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ periodInMinutes: expect.any(Number) });
  });

  it('stores what its own pages save, and refuses the same message from a console page', async () => {
    const save = { type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: '2026-11-27' } };
    expect(await handleRaw(save, PAGE)).toMatchObject({ ok: true, id: expect.any(String) });
    expect(await handleRaw(save, CONSOLE)).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await list()).map((c) => c.name)).toEqual(['HQ']);
    expect(await handleRaw({ type: 'erase' }, CONSOLE)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await list()).toHaveLength(1);
  });

  it('takes an observation from a console page, and answers how many credentials changed', async () => {
    const observation = {
      console: 'intune', page: 'vpp-token-list', url: 'https://intune.microsoft.com/', seenAt: NOW.toISOString(),
      credentials: [{ kind: 'vpp', name: 'Stores', expiresOn: '2027-01-10' }],
    };
    expect(await handleRaw({ type: 'observe', observation }, CONSOLE)).toMatchObject({ ok: true, credentials: 1 });
    expect(await handleRaw({ type: 'observe', observation }, CONSOLE)).toMatchObject({ ok: true });
    const all = await list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Stores', console: 'intune', expiresOn: '2027-01-10', sources: [{ type: 'page', url: 'https://intune.microsoft.com/' }] });
  });

  it('the check raises one notification for what is due, never twice, and counts it on the badge', async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: '2026-11-27' } }, PAGE);
    await handleRaw({ type: 'save', fields: { kind: 'ade', name: 'Far away', expiresOn: '2027-09-01' } }, PAGE);
    // Saving ran a check already; this one waits for it and finds nothing new.
    await check(NOW);
    const shown = Object.entries(fakeBrowser.notifications.getAllCreateOptions());
    expect(shown).toHaveLength(1);
    expect(shown[0]![1]).toMatchObject({ type: 'basic', title: 'Content token (VPP): Expires in 5 days', message: expect.stringContaining('HQ') });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    // The number explained in the button's tooltip (and to screen readers).
    expect(await fakeBrowser.action.getTitle({})).toBe('Token Radar: 1 credential expires within 30 days or needs attention');
    expect(await check(NOW)).toBe(0);
    await handleRaw({ type: 'save', fields: { kind: 'apns', name: 'Push', expiresOn: '2026-12-01' } }, PAGE);
    await check(NOW);
    expect(await fakeBrowser.action.getTitle({})).toBe('Token Radar: 2 credentials expire within 30 days or need attention');
    await handleRaw({ type: 'erase' }, PAGE);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Token Radar: what expires next');
  });

  it('installing opens the welcome page once; an update or a browser update does not', async () => {
    const { welcomeOnInstall } = await import('../../lib/handlers');
    await welcomeOnInstall({ reason: 'update' });
    await welcomeOnInstall({ reason: 'chrome_update' });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter(Boolean)).toEqual([]);
    await welcomeOnInstall({ reason: 'install' });
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter(Boolean)).toEqual([expect.stringMatching(/\/welcome\.html$/)]);
  });

  it("a notification's click opens where the credential is renewed; its snooze button holds it back", async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: '2026-11-27' } }, PAGE);
    await check(NOW);
    const [id] = Object.keys(fakeBrowser.notifications.getAllCreateOptions());
    expect(id).toBeTruthy();
    await openFor(id!);
    const opened = (await fakeBrowser.tabs.query({})).map((t) => t.url).filter(Boolean);
    // A credential added by hand has no console page: its detail in the popup.
    expect(opened).toEqual([expect.stringMatching(/\/popup\.html#/)]);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});

    vi.setSystemTime(new Date(NOW.getTime() + 3 * 86_400_000));
    await check();
    const [next] = Object.keys(fakeBrowser.notifications.getAllCreateOptions());
    await snoozeFor(next!);
    expect((await list())[0]!.snoozedUntil).toBeDefined();
  });

  it('turns away what is not a message, and a malformed one, changing nothing', async () => {
    await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'Kept', expiresOn: '2027-01-01' } }, PAGE);
    for (const bad of [null, 'erase', { type: 'erase', all: true }, { type: 'save', fields: { kind: 'key', name: 'x', expiresOn: null } }]) {
      expect(await handleRaw(bad, PAGE)).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect((await list()).map((c) => c.name)).toEqual(['Kept']);
  });
  it("loads the reader into the asking frame only, as three scripts one after the other (the reading layer's two parts first), and the panel as one", async () => {
    const injected: { target: unknown; files: string[] }[] = [];
    let running = 0;
    const scripting = {
      executeScript: async (options: { target: unknown; files: string[] }) => {
        expect(running).toBe(0); // never two at once: each compiles in its own task in the page
        running++;
        await new Promise((r) => setTimeout(r, 5));
        injected.push({ target: options.target, files: options.files });
        running--;
        return [];
      },
    };
    (fakeBrowser as unknown as { scripting: typeof scripting }).scripting = scripting;
    const frame = { ...CONSOLE, frameId: 3 };
    expect(await handleRaw({ type: 'load-reader' }, frame)).toEqual({ ok: true });
    expect(injected).toEqual([
      { target: { tabId: 7, frameIds: [3] }, files: ['/console-collect.js'] },
      { target: { tabId: 7, frameIds: [3] }, files: ['/console-reading.js'] },
      { target: { tabId: 7, frameIds: [3] }, files: ['/console-reader.js'] },
    ]);
    injected.length = 0;
    expect(await handleRaw({ type: 'load-overlay' }, frame)).toEqual({ ok: true });
    expect(injected).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/overlay-ui.js'] }]);
    // A page cannot name a file.
    expect(await handleRaw({ type: 'load-reader', file: '/evil.js' }, frame)).toMatchObject({ ok: false, code: 'invalid' });
    // A frame that asks again while its load is under way waits for that load: the scripts are loaded once, in order.
    injected.length = 0;
    const [first, second] = await Promise.all([handleRaw({ type: 'load-reader' }, frame), handleRaw({ type: 'load-reader' }, frame)]);
    expect([first, second]).toEqual([{ ok: true }, { ok: true }]);
    expect(injected.map((i) => i.files[0])).toEqual(['/console-collect.js', '/console-reading.js', '/console-reader.js']);
    // A load asked for after the last one ended loads again; another frame of the tab has loads of its own.
    injected.length = 0;
    expect(await handleRaw({ type: 'load-reader' }, frame)).toEqual({ ok: true });
    expect(await handleRaw({ type: 'load-reader' }, { ...CONSOLE, frameId: 4 })).toEqual({ ok: true });
    expect(injected.map((i) => (i.target as { frameIds: number[] }).frameIds[0])).toEqual([3, 3, 3, 4, 4, 4]);
  });

  it('gives a console frame every message as the browser says it there', async () => {
    const catalogue = readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'));
    vi.stubGlobal('fetch', async (url: string) => (url.endsWith('/_locales/en/messages.json') ? new Response(catalogue) : new Response('', { status: 404 })));
    const answer = (await handleRaw({ type: 'messages' }, CONSOLE)) as { ok: boolean; messages: Record<string, string> };
    expect(answer.ok).toBe(true);
    expect(Object.keys(answer.messages).sort()).toEqual(Object.keys(JSON.parse(catalogue.toString()) as object).sort());
    vi.unstubAllGlobals();
  });
});

describe('a worker whose browser catalogue is empty (Chromium, now and then, just after the worker starts)', () => {
  it('words an import error from its own catalogue, not with a message key', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
    vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(resolve(import.meta.dirname, '../../public/_locales', /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? 'en', 'messages.json'))));
    try {
      await handleRaw({ type: 'save', fields: { kind: 'vpp', name: 'HQ', expiresOn: '2027-03-14' } }, PAGE);
      const exported = JSON.parse(exportJson(await list(), NOW));
      exported.credentials[0].expiresOn = '14/03/2027';
      const broken = JSON.stringify(exported);
      // A worker just started: nothing read from its own files yet.
      adoptMessages({});
      const answer = (await handleRaw({ type: 'import', json: broken }, PAGE)) as { ok: false; error: string };
      expect(answer.ok).toBe(false);
      expect(answer.error).not.toMatch(/importErr_/);
      expect(answer.error).toContain('14/03/2027');
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
  });
});
