/**
 * Playwright fixtures: a real Chromium with the built extension (.output/chrome-mv3), its id,
 * its service worker, and helpers to serve fixture pages under the consoles' real addresses,
 * open the extension's pages, and stop the service worker through CDP.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionWorker, isolateNetwork, launchWithExtension, servePages, welcomePage } from '../../scripts/browser.mjs';

export const extensionDir = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const fixturesDir = resolve(import.meta.dirname, '../fixtures/pages');

/**
 * A file on disk, as an admin picks one: a console page's file field then gets the browser's own
 * (trusted) change event. A file handed over from memory arrives with a synthetic one, which the
 * extension rightly ignores (a page's script could send it).
 */
export function onDisk(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tr-file-')), name);
  writeFileSync(path, content);
  return path;
}

/** A fixture page's HTML: `name` is a path under tests/fixtures/pages/. */
export function fixture(name: string): string {
  return readFileSync(resolve(fixturesDir, name), 'utf8');
}

interface Options {
  /**
   * The welcome page Token Radar opens on install: closed before the test starts ('close', so
   * that it never stands in for a page a test waits for), or left open for the test ('keep').
   */
  welcome: 'close' | 'keep';
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Serves HTML (or a fixture file, `{ fixture: 'intune/x.html' }`) at each URL; later calls win. */
  serve: (pages: Record<string, string | { fixture: string }>) => Promise<void>;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  /** Stops the extension's service worker (CDP). The next message or event starts a new one. */
  stopServiceWorker: () => Promise<void>;
}

export const test = base.extend<Fixtures & Options>({
  welcome: ['close', { option: true }],
  // The browser's language: Playwright's `locale` option (`test.use({ locale: 'fr' })`), else en-US.
  context: async ({ locale, welcome }, use) => {
    if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${extensionDir}: run "npm run build" first (npm test does).`);
    }
    const context = await launchWithExtension({ extensionDir, headless: true, locale: locale ?? 'en-US' });
    await isolateNetwork(context);
    // A fresh profile is a fresh install: the welcome page opens, and is waited for so that it
    // cannot open in the middle of a test.
    if (welcome === 'close') await (await welcomePage(context))?.close();
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  serve: async ({ context }, use) => {
    await use(async (pages) => {
      const html: Record<string, string> = {};
      for (const [url, body] of Object.entries(pages)) html[url] = typeof body === 'string' ? body : fixture(body.fixture);
      await servePages(context, html);
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      return page;
    });
  },
  stopServiceWorker: async ({ context }, use) => {
    await use(async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
      } finally {
        await cdp.detach();
      }
    });
  },
});

export { expect };

/** The shadow host the content script adds to a document, or null. */
export const OVERLAY_TAG = 'token-radar-overlay';

/** Sends a message to the extension's background from an extension page, as the popup would. */
export function sendFromPage<T = unknown>(page: Page, message: unknown): Promise<T> {
  return page.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  ) as Promise<T>;
}

/** Intune's shell page with the enrollment-token list in a reactblade frame, as the admin center serves it. */
export const INTUNE_FRAMED = {
  url: 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment',
  pages: {
    'https://intune.microsoft.com/': { fixture: 'intune/shell.reactblade.html' },
    'https://intunedevicesettings.reactblade.portal.azure.net/Content/Dynamic/ade-tokens.html?l=en.en-us&trustedAuthority=https%3A%2F%2Fintune.microsoft.com':
      { fixture: 'intune/ade-token-list.reactblade.en.html' },
  },
} as const;

/** MaaS360's shell with the DEP token list in its #Content frame. */
export const MAAS360_FRAMED = {
  url: 'https://m3.maas360.com/emc/',
  pages: {
    'https://m3.maas360.com/emc/': { fixture: 'maas360/shell.html' },
    'https://m3.maas360.com/emc/content/dep-tokens.html': { fixture: 'maas360/dep-tokens.en.html' },
  },
} as const;

/** The live service worker (a stopped one is replaced by a new instance on the next event). */
export async function liveWorker(context: BrowserContext): Promise<Worker> {
  const workers = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  return workers.at(-1) ?? context.waitForEvent('serviceworker');
}

/** The ids of the desktop notifications the extension shows now. */
export async function notificationIds(context: BrowserContext): Promise<string[]> {
  return (await liveWorker(context)).evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()),
  );
}

/** Everything the extension stored: IndexedDB, extension storage. */
export function storedEverything(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const dump: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        dump.push(await new Promise((ok) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => ok(r.result);
        }));
      }
      db.close();
    }
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<unknown> }; session: { get(k: null): Promise<unknown> } } } }).chrome;
    dump.push(await chrome.storage.local.get(null), await chrome.storage.session.get(null));
    return JSON.stringify(dump);
  });
}

/** Loads `url` in a tab the extension is still navigating: a load interrupted by that navigation is tried again. */
export async function gotoSettled(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('interrupted by another navigation')) throw error;
      await page.waitForTimeout(300);
    }
  }
}
