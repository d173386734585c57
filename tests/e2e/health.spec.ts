/**
 * A credential's health beside its date, end to end: a state read on a console page reaches the
 * overlay's badge and panel, the popup (ordered ahead of dates), a desktop notification raised
 * once for that state, and the CSV export.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import type { Responses } from '../../lib/messages';
import { expect, fixture, notificationIds, sendFromPage, test } from './fixtures';

async function list(page: Page) {
  return ((await sendFromPage<Responses['list']>(page, { type: 'list' })) as Extract<Responses['list'], { ok: true }>).credentials;
}

async function csvRow(options: Page, includes: string): Promise<Record<string, string>> {
  const [file] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Spreadsheet (CSV)' }).click()]);
  const lines = readFileSync((await file.path())!, 'utf8').slice(1).split('\r\n');
  const cells = (line: string) => (line.match(/"(?:[^"]|"")*"/g) ?? []).map((c) => c.slice(1, -1).replace(/""/g, '"'));
  const header = cells(lines[0]!);
  const row = cells(lines.find((l) => l.includes(includes))!);
  return Object.fromEntries(header.map((h, i) => [h, row[i]!]));
}

/** What each place shows for the credential named (or topic) `key`, once the page has been read. */
async function expectEverywhere(
  context: BrowserContext,
  page: Page,
  opts: { key: string; shown?: string; state: string; label: string; advice: RegExp; openPopup: () => Promise<Page>; openOptions: () => Promise<Page> },
) {
  // The overlay: the badge beside the date leads with the state, in the colour of a lapsed credential.
  const badge = page.locator('token-radar-badge', { has: page.locator('.t', { hasText: opts.label }) });
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('data-urgency', 'expired');
  // The panel says what it means.
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await expect(panel.locator(`[data-health="${opts.state}"]`)).toHaveCount(1);
  await expect(panel.locator(`[data-health="${opts.state}"]`)).toContainText(opts.advice);

  // The popup: first, ahead of a credential whose date is nearer, with what it means.
  const popup = await opts.openPopup();
  const first = popup.locator('.cred').first();
  await expect(first).toContainText(opts.shown ?? opts.key);
  await expect(first.locator('.chip')).toContainText(`${opts.label} · Expires in`);
  await first.locator('.cred__summary').click();
  await expect(first.getByRole('note').filter({ hasText: opts.advice })).toHaveCount(1);

  // One notification for the state, recorded so that it is not raised again.
  const stored = async () => (await list(popup)).find((c) => c.name === opts.key || c.topic === opts.key)!;
  await expect.poll(async () => Object.keys((await stored()).alerts), { timeout: 15_000 }).toContain(`h:${opts.state}`);
  const id = (await stored()).id;
  await expect.poll(async () => (await notificationIds(context)).some((n) => n.split('|')[3]!.split(',').map(decodeURIComponent).includes(id))).toBe(true);
  expect(await sendFromPage(popup, { type: 'check' })).toEqual({ ok: true, notified: 0 });

  // The export carries it.
  const row = await csvRow(await opts.openOptions(), opts.key);
  expect(row['Health (code)']).toBe(opts.state);
}

test('a push certificate revoked in Apple’s portal is revoked everywhere, not healthy until its date', async ({ context, serve, openPopup, openOptions }) => {
  const far = format(addDays(new Date(), 200), 'MMM d, yyyy');
  const portal = fixture('apple-push/certificates.en.html')
    .replace('<td>Mar 14, 2027</td><td>Active</td>', `<td>${far}</td><td>Revoked</td>`)
    .replace('<td>Jan 3, 2026</td><td>Expired</td>', `<td>${format(addDays(new Date(), 20), 'MMM d, yyyy')}</td><td>Active</td>`);
  await serve({ 'https://identity.apple.com/pushcert/': portal });
  const page = await context.newPage();
  await page.goto('https://identity.apple.com/pushcert/');
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  await expectEverywhere(context, page, {
    // Apple's portal lists it by its vendor, which every tenant of that MDM shares: it is told apart by its topic.
    key: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34',
    shown: 'topic 4f1c2a9e…',
    state: 'revoked',
    label: 'Revoked',
    advice: /cannot be brought back/,
    openPopup,
    openOptions,
  });
});

test('an Intune VPP token assigned to an external MDM is shown as taken, ahead of dates', async ({ context, serve, openPopup, openOptions }) => {
  const de = (n: number) => format(addDays(new Date(), n), 'dd.MM.yyyy');
  const list = fixture('intune/vpp-token-list.de.html').replace('<td>02.12.2026</td>', `<td>${de(200)}</td>`).replace('<td>15.01.2027</td>', `<td>${de(20)}</td>`).replace('<td>30.10.2026</td>', `<td>${de(300)}</td>`);
  await serve({ 'https://intune.microsoft.com/': list });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/~/appleVpp');
  await expect(page.locator('token-radar-badge')).toHaveCount(3);
  await expectEverywhere(context, page, {
    key: 'Contoso Apps – Hamburg',
    state: 'taken-by-other-mdm',
    label: 'Assigned to another MDM',
    advice: /Another MDM server now uses this token/,
    openPopup,
    openOptions,
  });
});

test('a MaaS360 notice that a VPP token was revoked reaches the token, and its own page later clears it', async ({ context, serve, openPopup, openOptions }) => {
  const home = fixture('maas360/home.en.html').replace('expired on 11/15/2026', `expires on ${format(addDays(new Date(), 20), 'MM/dd/yyyy')}`).replace(
    '<div class="notification info">',
    `<div class="notification error"><span class="icon"></span><p>The VPP token "Fabrikam Apps HQ" has been revoked. Upload a new token to keep distributing apps.</p></div>
     <div class="notification warn"><span class="icon"></span><p>The VPP token "Fabrikam Apps HQ" expires on ${format(addDays(new Date(), 200), 'MM/dd/yyyy')}.</p></div>
     <div class="notification info">`,
  );
  await serve({ 'https://m3.maas360.com/emc/content/home.html': home });
  const page = await context.newPage();
  await page.goto('https://m3.maas360.com/emc/content/home.html');
  await expect(page.locator('token-radar-badge', { has: page.locator('.t', { hasText: 'Revoked' }) })).toHaveCount(1);
  await expectEverywhere(context, page, { key: 'Fabrikam Apps HQ', state: 'revoked', label: 'Revoked', advice: /A revoked token is replaced/, openPopup, openOptions });
  const popup = await openPopup();
  const stored = async () => (await list(popup)).find((c) => c.name === 'Fabrikam Apps HQ')!;
  expect((await stored()).health).toMatchObject({ state: 'revoked', via: 'alert' });

  // The token's own page (the VPP licences list) later shows it Active: its own page is the authority.
  const far = format(addDays(new Date(), 200), 'MM/dd/yyyy');
  const own = fixture('maas360/vpp-licenses.en.html').replace('<td>Fabrikam Apps US<', '<td>Fabrikam Apps HQ<').replace('01/09/2027 14:02 EST', `${far} 14:02 EST`);
  await serve({ 'https://m3.maas360.com/emc/content/home.html': home, 'https://m3.maas360.com/emc/content/vpp-licenses.html': own });
  const licences = await context.newPage();
  await licences.goto('https://m3.maas360.com/emc/content/vpp-licenses.html');
  await expect(licences.locator('token-radar-badge')).toHaveCount(2);
  await expect.poll(async () => (await stored()).health).toMatchObject({ state: 'active', via: 'page' });
  // The alert keeps saying it on the home page, but never again overrides the token's own page.
  const homeSeen = async () => (await stored()).sources.find((x) => x.page === 'home-notifications')!.seenAt;
  const before = await homeSeen();
  await page.reload();
  await expect.poll(homeSeen).not.toBe(before);
  expect((await stored()).health).toMatchObject({ state: 'active', via: 'page' });
});

test('a push certificate created anew instead of renewed is called out in Apple’s portal, on the console page and in the popup', async ({ context, serve, openPopup }) => {
  const OLD = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
  const NEW = 'com.apple.mgmt.External.9d0b7c31-2f6a-4a8e-b1d2-5e3f4a6b7c8d';
  // The portal, signed in with the Apple ID Intune shows, lists a second Microsoft certificate made later, with another topic.
  const portal = fixture('apple-push/certificates.en.html').replace('<td>IBM MaaS360</td><td>Jan 3, 2026</td><td>Expired</td>', '<td>Microsoft Corporation</td><td>Nov 20, 2027</td><td>Active</td>');
  await serve({ 'https://intune.microsoft.com/': fixture('intune/push-certificate.en.html'), 'https://identity.apple.com/pushcert/': portal });
  const intune = await context.newPage();
  await intune.goto('https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade');
  await expect(intune.locator('token-radar-badge')).toHaveCount(1);
  const apple = await context.newPage();
  await apple.goto('https://identity.apple.com/pushcert/');
  await expect(apple.locator('token-radar-badge')).toHaveCount(2);
  const rows = apple.locator('tbody tr');
  // In the portal: the new one is not to be uploaded; the old one is the one to renew.
  await expect(rows.nth(1).locator('token-radar-note', { hasText: 'created anew, not renewed' })).toContainText(OLD);
  await expect(rows.nth(0).locator('token-radar-note', { hasText: 'Another push certificate' })).toContainText(NEW);
  // On the console page, read again: beside the certificate the console uses.
  await intune.reload();
  await expect(intune.locator('token-radar-note', { hasText: 'Another push certificate' })).toContainText(NEW);
  // In the popup, on both.
  const popup = await openPopup();
  const notes: string[] = [];
  // Both certificates listed before reading them (the list renders after the popup loads).
  await expect(popup.locator('.cred')).toHaveCount(2);
  for (const row of await popup.locator('.cred').all()) {
    await row.locator('.cred__summary').click();
    await expect(row.locator('.cred__details')).toBeVisible();
    notes.push(...(await row.getByRole('note').allTextContents()));
  }
  expect(notes.filter((n) => n.includes('created anew, not renewed') && n.includes(OLD))).toHaveLength(1);
  expect(notes.filter((n) => n.includes(`Another push certificate (${NEW})`))).toHaveLength(1);
});
