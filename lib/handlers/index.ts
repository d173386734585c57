/**
 * The worker's answer to every message: checked against the one schema and its sender's rights
 * (lib/requests.ts), then routed. The state changes are pure functions (lib/credentials/changes.ts),
 * the scheduled check and notifications are in ./check.ts, the guide in ./guide.ts, the consoles
 * in ./consoles.ts. The MV3 worker is stopped whenever idle, so nothing here lives only in
 * memory: the inventory is in IndexedDB, settings and the guide in storage.
 */
import { browser } from 'wxt/browser';
import { parseImport } from '../export/json';
import { importErrorText } from '../wording/import';
import { newId } from '../credentials/merge';
import { archived, fromFile, renewed, saved, snoozed } from '../credentials/changes';
import { GUIDE_KEY } from '../guide/store';
import { addFormQuery } from '../inventory/prefill';
import { replacedInObservation } from '../inventory/replaced';
import type { Failure, Request, Responses } from '../messages';
import { parseRequest } from '../requests';
import { ensureCatalogue, messageTemplates } from '../i18n';
import { loadSettings, saveSettings } from '../settings-store';
import { check, checkSoon, updateBadge } from './check';
import { handleConsoles, loadAccess } from './consoles';
import { moveGuide, startGuideFor } from './guide';
import { failure, invalid, inventory, serial, updateOne, write } from './store';

export { check, CHECK_ALARM, ensureAlarm, openFor, snoozeFor } from './check';
export { permissionsRemoved, syncContentScript } from './consoles';
export { upgradeGuide } from './guide';

const workerStartedAt = Date.now();

type Sender = { tab?: { id?: number }; frameId?: number; url?: string };

/** One message, already checked. Changes that touch the alerts run the check after them. */
async function handle(request: Request, sender?: Sender): Promise<Responses[Request['type']]> {
  const now = new Date();
  switch (request.type) {
    case 'ping':
      return { ok: true, version: browser.runtime.getManifest().version, workerStartedAt };
    case 'observe': {
      const { all, changed } = await serial(async () => (await inventory()).observeAll(request.observation, now));
      checkSoon();
      const replaced = replacedInObservation(request.observation.credentials, all);
      return { ok: true, credentials: changed.length, ...(replaced.length ? { replaced } : {}) };
    }
    case 'list': {
      const [credentials, settings, access] = await Promise.all([inventory().then((i) => i.all()), loadSettings(), loadAccess()]);
      return { ok: true, credentials, settings, sites: access.sites };
    }
    case 'save': {
      const id = request.id ?? newId(now);
      await write((all) => ({ put: [saved(all.find((c) => c.id === request.id), request.fields, id, now)] }));
      void check();
      return { ok: true, id };
    }
    case 'remove':
      await write(() => ({ remove: [request.id] }));
      void check();
      return { ok: true };
    case 'renewed':
      await updateOne(request.id, (c) => renewed(c, request.expiresOn, now));
      void check();
      return { ok: true };
    case 'snooze':
      await updateOne(request.id, (c) => snoozed(c, request.days, now));
      return { ok: true };
    case 'archive':
      await updateOne(request.id, (c) => archived(c, request.archived, now));
      void check();
      return { ok: true };
    case 'add-file': {
      let id = request.matchId ?? '';
      await write((all) => {
        const next = fromFile(request.matchId ? all.find((c) => c.id === request.matchId) : undefined, request.item, request.fileName, newId(now), now);
        id = next.id;
        return { put: [next] };
      });
      void check();
      return { ok: true, id };
    }
    case 'import': {
      const parsed = parseImport(request.json);
      if (!parsed.ok) return invalid(importErrorText(parsed.error));
      await serial(async () => (await inventory()).replaceAll(parsed.credentials));
      void check();
      return { ok: true, credentials: parsed.credentials.length };
    }
    case 'erase':
      await serial(async () => (await inventory()).replaceAll([]));
      await browser.storage.local.remove(GUIDE_KEY);
      for (const id of Object.keys(await browser.notifications.getAll())) await browser.notifications.clear(id);
      await updateBadge([], now);
      return { ok: true };
    case 'check':
      return { ok: true, notified: await check(now) };
    case 'consoles-get':
    case 'consoles-enable':
    case 'consoles-add':
    case 'consoles-remove':
      return handleConsoles(request);
    case 'guide-start':
      return startGuideFor(request, now);
    case 'guide-action':
      return moveGuide(request, now);
    case 'panel-hidden': {
      const settings = await loadSettings();
      const others = settings.panelHidden.filter((id) => id !== request.console);
      const next = await saveSettings({ ...settings, panelHidden: request.hidden ? [...others, request.console] : others });
      return { ok: true, panelHidden: next.panelHidden };
    }
    case 'panel-dock': {
      const settings = await loadSettings();
      await saveSettings({ ...settings, panelDock: { ...settings.panelDock, [request.console]: request.corner } });
      return { ok: true };
    }
    case 'open-add':
      await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?add=${encodeURIComponent(addFormQuery(request.prefill))}`) });
      return { ok: true };
    case 'messages':
      return { ok: true, messages: await messageTemplates() };
    case 'load-inspector':
    case 'load-reader':
    case 'load-overlay': {
      // The file reader, the page reader, or the panel and guide card: loaded into the asking frame when first needed.
      const tabId = sender?.tab?.id;
      if (tabId === undefined) return invalid('No tab to load into.');
      const frameId = sender?.frameId ?? 0;
      // A frame that asks again while its first load is under way (it stops waiting after 1.5 s)
      // waits for that load: two loads interleaved would start the reader between the reading
      // layer's first part of one and its second part of the other.
      const key = `${request.type} ${tabId} ${frameId}`;
      let loading = LOADING.get(key);
      if (!loading) {
        loading = (async () => {
          // One script at a time: each is compiled in a task of its own in the page (the reader comes
          // in three, the reading layer's two parts first), so that none holds the console for long.
          for (const file of LOADED_FILES[request.type]) await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
        })().finally(() => LOADING.delete(key));
        LOADING.set(key, loading);
      }
      await loading;
      return { ok: true };
    }
  }
}

/** Loads under way, by what is loaded and into which tab and frame. */
const LOADING = new Map<string, Promise<void>>();

/** What a console frame may ask to be loaded into it: the extension's own scripts, never a file the page names. */
const LOADED_FILES = {
  'load-inspector': ['/inspector.js'],
  'load-reader': ['/console-collect.js', '/console-reading.js', '/console-reader.js'],
  'load-overlay': ['/overlay-ui.js'],
} as const;

/** The extension was installed (not updated, not the browser updated): the welcome page, once. */
export async function welcomeOnInstall(details: { reason: string }): Promise<void> {
  if (details.reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

/** True when the request comes from one of the extension's own pages (the options page, the popup). */
function fromExtensionPage(sender?: Sender): boolean {
  return !sender || (typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/')));
}

/** Every message the worker receives: checked against the one schema and its sender's rights, then handled. */
export async function handleRaw(message: unknown, sender?: Sender): Promise<Responses[Request['type']] | Failure> {
  const parsed = parseRequest(message, fromExtensionPage(sender));
  if (!parsed.ok) return { ok: false, code: parsed.code, error: parsed.error };
  try {
    // Answers may be worded here (an import's errors): not with message keys.
    await ensureCatalogue();
    return await handle(parsed.request, sender);
  } catch (error) {
    return failure(error);
  }
}
