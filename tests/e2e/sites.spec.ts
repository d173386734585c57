/**
 * Consoles the admin turns on (Jamf Cloud, a built-in optional console) and adds at their own
 * address (CLOMO PANEL), end to end: options page -> registered content script -> overlay ->
 * inventory -> popup -> notification; removing one stops both and gives the permission back.
 *
 * How the permission is granted: a browser asks the admin in a prompt that automation cannot
 * click. The test writes the grant into the browser profile before launch, in the very entry
 * Chromium records when an admin accepts that prompt (Default/Preferences, the extension's
 * granted and runtime-granted hosts). The product's code path is unchanged: the options page
 * still calls permissions.request in the click, which resolves at once because the host is
 * granted. Nothing in the extension knows it is being tested.
 */
import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionWorker, grantHosts, isolateNetwork, launchWithExtension, servePages } from '../../scripts/browser.mjs';
import { addYears, format } from 'date-fns';
import { extensionDir, fixture, notificationIds, onDisk, sendFromPage } from './fixtures';

type Stored = { id: string; kind: string; name: string; console: string; expiresOn: string | null };
import { makeFiles } from '../unit/support/make-files';

async function launchGranted(origins: string[]): Promise<{ context: BrowserContext; dir: string; id: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tr-sites-'));
  const id = await grantHosts({ extensionDir, userDataDir: dir, origins });
  const context = await launchWithExtension({ extensionDir, headless: true, userDataDir: dir, locale: 'en-US' });
  await isolateNetwork(context);
  return { context, dir, id };
}

const test = base.extend<{ granted: { context: BrowserContext; id: string; worker: () => Promise<Worker> } }>({
  // eslint-disable-next-line no-empty-pattern
  granted: async ({}, use, info) => {
    const origins = info.title.includes('CLOMO') ? ['https://mdm.contoso.example/*'] : ['https://*.jamfcloud.com/*'];
    const { context, dir, id } = await launchGranted(origins);
    await use({ context, id, worker: () => extensionWorker(context) });
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

type Chrome = { notifications: { getAll(): Promise<Record<string, boolean>> }; permissions: { contains(p: object): Promise<boolean> }; scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
const chromeIn = (w: Worker) => w;

async function inventory(context: BrowserContext, id: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/popup.html`);
  return page;
}

test('a CLOMO PANEL added at its own address is read, and removing it stops reading and gives the permission back', async ({ granted }) => {
  const { context, id } = granted;
  const url = 'https://mdm.contoso.example/home';
  await servePages(context, { [url]: fixture('clomo/home.ja.html') });

  // Before it is added, the page is not read.
  const before = await context.newPage();
  await before.goto(url);
  await before.waitForTimeout(1500);
  await expect(before.locator('token-radar-overlay')).toHaveCount(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const form = options.locator('form.add-console');
  await form.getByLabel('Console').selectOption({ label: 'CLOMO PANEL' });
  // A mistyped address is refused with a specific message, and nothing is added.
  await form.getByLabel('Address').fill('http://mdm.contoso.example');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(options.getByRole('region', { name: 'Consoles you use' }).getByRole('status')).toHaveText('Only https addresses can be added.');
  // The address as copied from the address bar, page path and all.
  await form.getByLabel('Address').fill('https://mdm.contoso.example/home?tab=1');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(options.getByRole('region', { name: 'Consoles you use' }).getByRole('status')).toContainText('CLOMO PANEL at https://mdm.contoso.example is now read');
  await expect(options.locator('.added-consoles li')).toHaveCount(1);

  const w = await granted.worker();
  expect(await w.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts().then((s) => s.flatMap((x) => x.matches ?? [])))).toEqual(['https://mdm.contoso.example/*']);

  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  await expect(page.locator('token-radar-overlay')).toHaveAttribute('data-console', 'clomo');

  const popup = await inventory(context, id);
  await expect(popup.getByText('CLOMO PANEL').first()).toBeVisible();
  // What the page showed, in the inventory as CLOMO PANEL's: the push certificate (expired on 2026-11-10) and the VPP token.
  const clomo = async () => ((await sendFromPage<{ credentials: Stored[] }>(popup, { type: 'list' })).credentials ?? []).filter((c) => c.console === 'clomo');
  await expect.poll(async () => (await clomo()).map((c) => `${c.kind} ${c.expiresOn}`).sort()).toEqual(['apns 2026-11-10', 'vpp 2027-01-28']);
  // The expired push certificate is notified: its notification names it.
  const push = (await clomo()).find((c) => c.kind === 'apns')!;
  await expect.poll(async () => (await notificationIds(context)).some((n) => n.split('|')[3]?.split(',').map(decodeURIComponent).includes(push.id))).toBe(true);

  // Removing it: script, entry and permission go together.
  await options.getByRole('button', { name: 'Remove CLOMO PANEL at https://mdm.contoso.example' }).click();
  await expect(options.getByRole('region', { name: 'Consoles you use' }).getByRole('status')).toContainText('is no longer read');
  await expect(options.locator('.added-consoles li')).toHaveCount(0);
  expect(await w.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: ['https://mdm.contoso.example/*'] }))).toBe(false);
  expect(await w.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts().then((s) => s.length))).toBe(0);
  // The page now shows a renewed VPP token: not read, so the inventory keeps what it had.
  await servePages(context, { [url]: fixture('clomo/home.ja.html').replaceAll('2027/01/28', '2028/01/28') });
  const after = await context.newPage();
  await after.goto(url);
  await after.waitForTimeout(1500);
  await expect(after.locator('token-radar-overlay')).toHaveCount(0);
  expect((await clomo()).map((c) => `${c.kind} ${c.expiresOn}`).sort()).toEqual(['apns 2026-11-10', 'vpp 2027-01-28']);
});

test('a CLOMO PANEL address stays read when the worker starts again without its registration (as after an update, which drops it)', async ({ granted }) => {
  const { context, id } = granted;
  const url = 'https://mdm.contoso.example/home';
  await servePages(context, { [url]: fixture('clomo/home.ja.html') });
  const popup = await inventory(context, id);
  expect(await sendFromPage(popup, { type: 'consoles-add', console: 'clomo', origin: 'https://mdm.contoso.example' })).toMatchObject({ ok: true });
  // What an update does to a registered content script (a reload of an unpacked extension cannot be driven here): gone.
  const matches = () => popup.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts().then((s) => s.flatMap((x) => x.matches ?? [])));
  await popup.evaluate(() => (globalThis as unknown as { chrome: { scripting: { unregisterContentScripts(): Promise<void> } } }).chrome.scripting.unregisterContentScripts());
  expect(await matches()).toEqual([]);
  // The worker stops (as it does whenever idle) and starts again on the next message: it registers the address again.
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await expect.poll(async () => (await sendFromPage<{ ok: boolean }>(popup, { type: 'ping' }).catch(() => ({ ok: false }))).ok).toBe(true);
  await expect.poll(matches).toEqual(['https://mdm.contoso.example/*']);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  await expect(page.locator('token-radar-overlay')).toHaveAttribute('data-console', 'clomo');
});

test('Jamf Cloud turned on in the options page is read: overlay, inventory, popup', async ({ granted }) => {
  const { context, id } = granted;
  const url = 'https://contoso.jamfcloud.com/vppAccounts.html';
  await servePages(context, { [url]: fixture('jamf/volume-purchasing.ja.html') });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const jamfSwitch = options.getByRole('switch', { name: 'Read Jamf Pro' });
  await expect(jamfSwitch).not.toBeChecked();
  await jamfSwitch.click();
  await expect(options.getByRole('region', { name: 'Consoles you use' }).getByRole('status')).toContainText('Jamf Pro at https://*.jamfcloud.com/* is now read');
  await expect(jamfSwitch).toBeChecked();

  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  await expect(page.locator('token-radar-overlay')).toHaveAttribute('data-console', 'jamf');
  const popup = await inventory(context, id);
  await expect(popup.getByText('大阪支店')).toBeVisible();
  await expect(popup.getByText('本社')).toBeVisible();
  // 大阪支店's token expires on 2026-12-01 (page fixture): a desktop notification names it.
  const stored = (await sendFromPage<{ credentials: Stored[] }>(popup, { type: 'list' })).credentials.find((c) => c.name === '大阪支店' && c.console === 'jamf')!;
  expect(stored).toMatchObject({ kind: 'vpp', expiresOn: '2026-12-01' });
  await expect.poll(async () => (await notificationIds(context)).some((n) => n.split('|')[3]?.split(',').map(decodeURIComponent).includes(stored.id))).toBe(true);

  // Turned off: the permission is given back and the page is no longer read.
  await options.bringToFront();
  await jamfSwitch.click();
  await expect(jamfSwitch).not.toBeChecked();
  const w = await granted.worker();
  await expect.poll(() => w.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: ['https://*.jamfcloud.com/*'] }))).toBe(false);
  const after = await context.newPage();
  await after.goto(url);
  await after.waitForTimeout(1500);
  await expect(after.locator('token-radar-overlay')).toHaveCount(0);
});

test('a Jamf Pro content token renewal on Jamf Cloud, guided from the overlay to Apple Business Manager and back', async ({ granted }) => {
  const { context, id } = granted;
  const name = '大阪支店';
  const list = 'https://contoso.jamfcloud.com/vppAccounts.html';
  const location = 'https://contoso.jamfcloud.com/vppAccount.html?id=2';
  const locationPage = (expiry: string) => fixture('jamf/vpp-location.ja.html').replaceAll('本社', name).replace('2027/02/10', expiry);
  await servePages(context, {
    [list]: fixture('jamf/volume-purchasing.ja.html'),
    [location]: locationPage('2026/12/01'),
    'https://business.apple.com/': fixture('abm/content-tokens.fr.html').replace('Contoso Apps – Lyon', name),
  });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByRole('switch', { name: 'Read Jamf Pro' }).click();
  await expect(options.getByRole('switch', { name: 'Read Jamf Pro' })).toBeChecked();

  const jamf = await context.newPage();
  await jamf.goto(list);
  const panel = jamf.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await panel.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Renew…' }).click();
  const card = (p: typeof jamf) => p.getByRole('region', { name: /^Renewing/ });
  await expect(card(jamf)).toContainText('Step 1 of 7');
  await expect(card(jamf)).toContainText('Next, in Apple Business Manager / Apple School Manager (another tab):');

  const abm = await context.newPage();
  await abm.goto('https://business.apple.com/#/main/preferences/paymentsandbilling');
  // As an admin does: the guide card says the step on this tab, then the button is pressed.
  await expect(card(abm)).toContainText('Step 1 of 7');
  await abm.locator('tr', { hasText: name }).getByRole('button', { name: 'Télécharger' }).click();
  await expect(card(abm)).toContainText('Step 2 of 7');

  await jamf.bringToFront();
  await expect(card(jamf)).toContainText(`open Settings > Global > Volume Purchasing and select the location “${name}”`);
  await jamf.getByRole('link', { name }).click();
  await expect(card(jamf)).toContainText('Step 3 of 7');
  await jamf.goto(location);
  await jamf.getByRole('button', { name: '編集' }).click();
  await expect(card(jamf)).toContainText('Step 4 of 7');
  await jamf.getByRole('button', { name: 'サービストークンの更新' }).click();
  await expect(card(jamf)).toContainText('Step 5 of 7');
  // The upload guard reads the file picked in Jamf's field, as on the other consoles: a push certificate is the wrong file here.
  const verdict = jamf.locator('input[type="file"] + token-radar-upload-check');
  await jamf.locator('input[type="file"]').setInputFiles(onDisk('MDM_Certificate.pem', Buffer.from(makeFiles().freshApnsPem)));
  await expect(verdict).toHaveAttribute('data-level', 'danger');
  await expect(verdict).toContainText('Wrong file: this page expects a VPP content token (.vpptoken).');
  await jamf.locator('input[type="file"]').setInputFiles(onDisk('sToken_for_Osaka.vpptoken', Buffer.from(makeFiles().vpptoken)));
  await expect(verdict).toHaveAttribute('data-level', 'ok');
  await expect(card(jamf)).toContainText('Step 6 of 7');
  await jamf.getByRole('button', { name: '保存' }).click();
  await expect(card(jamf)).toContainText('Step 7 of 7');

  const renewed = addYears(new Date(), 1);
  await servePages(context, { [location]: locationPage(format(renewed, 'yyyy/MM/dd')) });
  await jamf.goto(location);
  await expect(card(jamf)).toContainText(`Renewed: the console now shows ${format(renewed, 'MMM d, yyyy')}`);
});
