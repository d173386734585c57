// Shared by the browser tests and the demo: find a Chromium, launch it with the built
// extension loaded, and serve pages under the consoles' real addresses.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const systemPaths = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** CHROMIUM_PATH, then the Debian / system paths, then Playwright's own install. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  for (const p of systemPaths) if (existsSync(p)) return p;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own installed: fall through to the message.
  }
  throw new Error(
    [
      'No Chromium found for Token Radar\'s browser tests and demo.',
      'Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (then /usr/lib/chromium/chromium is used)',
      '  - any OS with Playwright\'s browsers: npx playwright install chromium',
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
}

/**
 * Launches Chromium with the unpacked extension in `extensionDir`.
 * The background-networking flags keep Chromium from calling home (this machine has no network).
 */
export async function launchWithExtension({ extensionDir, headless = true, userDataDir = '', locale, viewport, colorScheme, args: extra = [] } = {}) {
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (locale) args.push(`--lang=${locale}`);
  args.push(...extra);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    args,
    chromiumSandbox: !isRoot,
    locale,
    viewport: viewport ?? { width: 1280, height: 800 },
    colorScheme,
  });
}

/**
 * The welcome page Token Radar opens when it is installed in a fresh profile, or null when none
 * opened within `timeoutMs` (a profile it was installed in before opens none).
 */
export async function welcomePage(context, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const page = context.pages().find((p) => /^chrome-extension:\/\/[a-p]{32}\/welcome\.html/.test(p.url()));
    if (page) return page;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Grants host permissions to the extension in a browser profile, as an admin accepting the
 * browser's prompt would: Chromium records that grant in the profile's Preferences, which
 * automation cannot click through. Launches once to create the profile (and learn the
 * extension's id), writes the grant, and returns the id. Used by tests and the demo only.
 */
export async function grantHosts({ extensionDir, userDataDir, origins }) {
  const first = await launchWithExtension({ extensionDir, headless: true, userDataDir });
  const id = new URL((await extensionWorker(first)).url()).host;
  await first.close();
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  const ext = prefs.extensions.settings[id];
  for (const key of ['granted_permissions', 'runtime_granted_permissions', 'active_permissions']) {
    ext[key] ??= {};
    for (const hosts of ['explicit_host', 'scriptable_host']) ext[key][hosts] = [...new Set([...(ext[key][hosts] ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
  return id;
}

/** The extension's service worker, waiting for it to start if needed. */
export async function extensionWorker(context) {
  const [existing] = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://') });
}

/** Answers every http(s) request with a local 404, so nothing leaves the machine. Call before servePages. */
export async function isolateNetwork(context) {
  await context.route(/^https?:\/\//, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not served by Token Radar (test or demo)' }),
  );
}

/** Serves `pages` (URL -> HTML string; the hash is ignored) under their real addresses. Later calls win. */
export async function servePages(context, pages) {
  for (const [url, html] of Object.entries(pages)) {
    const target = stripHash(url);
    await context.route(
      (u) => stripHash(u.href) === target,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
  }
}

export function stripHash(url) {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
