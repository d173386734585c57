import type { Frame, Page } from '@playwright/test';
import type { PingResponse } from '../../lib/messages';
import { expect, OVERLAY_TAG, sendFromPage, test, INTUNE_FRAMED, MAAS360_FRAMED } from './fixtures';

/** Waits until the content script has added its shadow host to the frame, and returns what it says. */
async function overlayIn(target: Page | Frame) {
  const host = target.locator(OVERLAY_TAG);
  await expect(host).toHaveCount(1);
  return target.evaluate((tag) => {
    const el = document.querySelector(tag) as HTMLElement | null;
    return { console: el?.dataset.console ?? null, hasShadow: !!el?.shadowRoot, mode: el?.shadowRoot?.mode ?? null };
  }, OVERLAY_TAG);
}

test('the popup renders its empty state, translated', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { level: 1, name: 'What expires next' })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
  await expect(popup.getByRole('listitem')).toHaveCount(3);
  await expect(popup).toHaveTitle('Token Radar: what expires next');
});

test('the options page renders and names only the console sites', async ({ openOptions }) => {
  const options = await openOptions();
  await expect(options.getByRole('heading', { level: 1, name: 'Token Radar settings' })).toBeVisible();
  // The seed consoles, always read; the consoles with optional cloud hosts, each behind a switch that is off.
  const sites = options.locator('.sites').first().locator('li');
  await expect(sites).toHaveCount(5);
  await expect(sites.first()).toContainText('intune.microsoft.com');
  await expect(options.getByRole('switch')).toHaveCount(4);
  for (const s of await options.getByRole('switch').all()) await expect(s).not.toBeChecked();
  await expect(options.getByText(/^Version \d+\.\d+\.\d+$/)).toBeVisible();
});

const topLevelPages: [string, string, string][] = [
  ['intune', 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment', 'intune/push-certificate.en.html'],
  ['intune', 'https://endpoint.microsoft.com/#blade/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/appleVpp', 'intune/vpp-token-list.fr.html'],
  ['abm', 'https://business.apple.com/#/main/preferences/mdmservers', 'abm/mdm-servers.en.html'],
  ['asm', 'https://school.apple.com/#/main/preferences/mdmservers', 'asm/mdm-servers.ja.html'],
  ['apple-push', 'https://identity.apple.com/pushcert/', 'apple-push/certificates.en.html'],
  ['maas360', 'https://portal.fiberlink.com/emc/content/dep-tokens.html', 'maas360/dep-tokens.en.html'],
];

for (const [consoleId, url, file] of topLevelPages) {
  test(`the content script adds its shadow-root host on ${new URL(url).host}`, async ({ context, serve }) => {
    await serve({ [url]: { fixture: file } });
    const page = await context.newPage();
    await page.goto(url);
    expect(await overlayIn(page)).toEqual({ console: consoleId, hasShadow: true, mode: 'open' });
  });
}

test('the content script runs inside an Intune reactblade frame', async ({ context, serve }) => {
  await serve(INTUNE_FRAMED.pages);
  const page = await context.newPage();
  await page.goto(INTUNE_FRAMED.url);
  const frame = page.frames().find((f) => f.url().includes('.reactblade.portal.azure.net'));
  expect(frame, 'the reactblade frame loaded').toBeTruthy();
  expect(await overlayIn(frame!)).toEqual({ console: 'intune', hasShadow: true, mode: 'open' });
});

test('the content script runs inside the MaaS360 #Content iframe', async ({ context, serve }) => {
  await serve(MAAS360_FRAMED.pages);
  const page = await context.newPage();
  await page.goto(MAAS360_FRAMED.url);
  const frame = page.frameLocator('#Content');
  await expect(frame.locator(OVERLAY_TAG)).toHaveCount(1);
  const inner = page.frames().find((f) => f.url().endsWith('/emc/content/dep-tokens.html'))!;
  expect(await overlayIn(inner)).toEqual({ console: 'maas360', hasShadow: true, mode: 'open' });
});

test('the content script stays off sites that are not consoles', async ({ context, serve }) => {
  await serve({ 'https://example.com/tokens': { fixture: 'other/tokens-blog.en.html' } });
  const page = await context.newPage();
  await page.goto('https://example.com/tokens');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The manifest does not match this host: the script is never injected.
  expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, OVERLAY_TAG)).toBe(0);
});

test('on identity.apple.com the content script runs under /pushcert/ only (the host permission covers the origin; the match pattern does not)', async ({ context, serve }) => {
  // The certificate list itself, served outside /pushcert/: never read there.
  await serve({ 'https://identity.apple.com/account/certificates': { fixture: 'apple-push/certificates.en.html' } });
  const page = await context.newPage();
  await page.goto('https://identity.apple.com/account/certificates');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, OVERLAY_TAG)).toBe(0);
  await expect(page.locator('token-radar-badge')).toHaveCount(0);
});

test('the service worker answers after being stopped, as a new instance', async ({ openPopup, stopServiceWorker }) => {
  const popup = await openPopup();
  const ping = () => sendFromPage<PingResponse>(popup, { type: 'ping' });
  const first = await ping();
  expect(first).toMatchObject({ ok: true, version: '0.1.0' });
  await stopServiceWorker();
  const second = await ping();
  expect(second).toMatchObject({ ok: true, version: '0.1.0' });
  expect(second.workerStartedAt).toBeGreaterThan(first.workerStartedAt);
});

/**
 * What the small content script has loaded into each frame of a tab, asked in the extension's own
 * isolated world of every frame (scripting.executeScript from the worker, as the product loads the
 * reader): whether the reader is there.
 */
async function readerIn(serviceWorker: import('@playwright/test').Worker, tabUrl: string): Promise<Record<string, boolean>> {
  return serviceWorker.evaluate(async (url) => {
    type Api = {
      tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
      scripting: { executeScript(o: { target: { tabId: number; allFrames: boolean }; func: () => unknown }): Promise<{ result?: unknown }[]> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ url });
    const results = await api.scripting.executeScript({
      target: { tabId: tab!.id!, allFrames: true },
      func: () => [location.host, typeof (globalThis as { __tokenRadarReader?: unknown }).__tokenRadarReader === 'object'],
    });
    return Object.fromEntries(results.map((r) => r.result as [string, boolean]));
  }, tabUrl);
}

test('a console frame that shows nothing to read stays dormant (no reader, no UI) until the page shows something in it', async ({ context, serve, serviceWorker, openPopup }) => {
  const top = 'https://intune.microsoft.com/';
  const tokens = 'https://tokens.reactblade.portal.azure.net/blade.html';
  const devices = 'https://devices.reactblade.portal.azure.net/blade.html';
  await serve({
    [top]: `<!doctype html><html lang="en"><body><nav>Home · Devices · Apps</nav><iframe src="${tokens}" width="900" height="400"></iframe><iframe src="${devices}" width="900" height="300"></iframe></body></html>`,
    [tokens]: { fixture: 'intune/ade-token-list.reactblade.en.html' },
    [devices]: '<!doctype html><html lang="en"><body><h1>Devices | All devices</h1><table><tr><th>Device name</th><th>Last check-in</th></tr><tr><td>IPAD-1</td><td>11/3/2026</td></tr></table></body></html>',
  });
  const page = await context.newPage();
  await page.goto(top);
  const tokenFrame = page.frames().find((f) => f.url() === tokens)!;
  const deviceFrame = page.frames().find((f) => f.url() === devices)!;
  await expect(tokenFrame.locator(OVERLAY_TAG)).toHaveCount(1);
  await expect(tokenFrame.locator('token-radar-badge').first()).toBeVisible();
  // The token list's frame read its tokens; the device list's frame, and the shell around the frames, have only the small script.
  await expect.poll(() => readerIn(serviceWorker, top)).toEqual({ 'intune.microsoft.com': false, 'tokens.reactblade.portal.azure.net': true, 'devices.reactblade.portal.azure.net': false });
  await page.waitForTimeout(1000);
  expect((await readerIn(serviceWorker, top))['devices.reactblade.portal.azure.net']).toBe(false);
  expect(await deviceFrame.locator(OVERLAY_TAG).count()).toBe(0);

  // The blade shows an expiry: the frame wakes, is read, and its credential reaches the inventory.
  await deviceFrame.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<h2>Enrollment program tokens</h2><table><tr><th>Name</th><th>Expiration date</th></tr><tr><td>Late blade token</td><td>3/3/2027</td></tr></table>');
  });
  await expect.poll(() => readerIn(serviceWorker, top)).toMatchObject({ 'devices.reactblade.portal.azure.net': true });
  await expect(deviceFrame.locator('token-radar-badge').first()).toBeVisible();
  const popup = await openPopup();
  await expect
    .poll(async () => (await sendFromPage<{ credentials?: { name: string }[] }>(popup, { type: 'list' })).credentials?.map((c) => c.name) ?? [])
    .toContain('Late blade token');
});
