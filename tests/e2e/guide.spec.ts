import type { Page } from '@playwright/test';
import { addDays, addYears, format } from 'date-fns';
import type { Responses } from '../../lib/messages';
import { expect, fixture, gotoSettled, sendFromPage, test, onDisk } from './fixtures';
import { makeFiles } from '../unit/support/make-files';

const files = makeFiles();
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const INTUNE_PUSH = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
const PORTAL = 'https://identity.apple.com/pushcert/';
const us = (d: Date) => format(d, 'M/d/yyyy');

function guideCard(page: Page) {
  return page.getByRole('region', { name: /^Renewing/ });
}

test('an Intune push certificate renewal, walked across the console and the Apple portal, survives a worker stop', async ({ context, serve, stopServiceWorker, openPopup }) => {
  const oldExpiry = addDays(new Date(), 12);
  await serve({
    [INTUNE_PUSH]: fixture('intune/push-certificate.en.html').replace('<dd>3/14/2027</dd>', `<dd>${us(oldExpiry)}</dd>`),
    // The Apple portal shows the same certificate with the same expiry as the console.
    [PORTAL]: fixture('apple-push/certificates.en.html').replace('Mar 14, 2027', format(oldExpiry, 'MMM d, yyyy')),
    'https://identity.apple.com/pushcert/renew': fixture('apple-push/renew.en.html'),
    'https://identity.apple.com/pushcert/confirm': fixture('apple-push/confirmation.en.html'),
  });
  const intune = await context.newPage();
  await intune.goto(INTUNE_PUSH);
  await expect(intune.locator('token-radar-badge')).toHaveCount(1);

  // Start from the overlay's "Renew…".
  const panel = intune.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await panel.getByRole('button', { name: 'Renew…' }).click();
  const card = guideCard(intune);
  await expect(card).toContainText('Step 1 of 9');
  await expect(card).toContainText('press “Download your CSR”');
  await expect(card).toContainText(`Renewing today moves the next deadline to ${format(addYears(new Date(), 1), 'MMM d, yyyy')}`);
  await expect(intune.locator('token-radar-overlay .tr-highlight__ring')).toBeVisible();

  await intune.getByRole('button', { name: 'Download your CSR' }).click();
  await expect(card).toContainText('Step 2 of 9');
  await expect(card).toContainText('Sign in with mdm-admin@contoso.example');
  const [portal] = await Promise.all([context.waitForEvent('page'), intune.getByRole('link', { name: 'Create your MDM push Certificate' }).click()]);
  await expect(card).toContainText('Step 3 of 9');
  await expect(card).toContainText('Next, in Apple Push Certificates Portal (another tab):');

  // The Apple tab: the right row, and the wrong one called out.
  await portal.waitForLoadState();
  const portalCard = guideCard(portal);
  await expect(portalCard).toContainText(`press “Renew” on the row whose subject ID is ${TOPIC}`);
  await expect(portalCard).toContainText('Never press “Create a Certificate” or “Revoke”');
  const rows = portal.locator('tbody tr');
  const renewNote = (row: number) => rows.nth(row).locator('a:text-is("Renew") + token-radar-note');
  await expect(renewNote(0)).toContainText('This row: its subject ID matches your console');
  await expect(renewNote(1)).toContainText(`Not this row: its subject ID is not the topic your console uses (${TOPIC})`);
  await expect(rows.nth(1).locator('a:text-is("Revoke") + token-radar-note')).toContainText('Revoking stops every device');
  await expect(portal.locator('a:has-text("Create a Certificate") + token-radar-note')).toContainText('a new certificate has a new topic');

  // The worker is stopped in the middle: the guide carries on where it was.
  await stopServiceWorker();
  await rows.nth(0).getByRole('link', { name: 'Renew' }).click();
  await portal.waitForURL('**/pushcert/renew');
  await expect(guideCard(portal)).toContainText('Step 4 of 9');
  await portal.locator('input[type=file]').setInputFiles(onDisk('IntuneCSR.csr', Buffer.from(files.csrPem)));
  await expect(guideCard(portal)).toContainText('Step 5 of 9');
  await portal.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(guideCard(portal)).toContainText('Step 6 of 9');
  await portal.goto('https://identity.apple.com/pushcert/confirm');
  await portal.getByRole('button', { name: 'Download' }).click();
  await expect(guideCard(portal)).toContainText('Step 7 of 9');

  // Back on the console tab: the file check, then the upload.
  await intune.bringToFront();
  await expect(card).toContainText('Step 7 of 9');
  await expect(card).toContainText('check the Apple ID is mdm-admin@contoso.example');
  await intune.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.apnsPem)));
  await expect(intune.locator('#cert + token-radar-upload-check')).toContainText('Same topic as the push certificate in use');
  await expect(card).toContainText('Step 8 of 9');
  await intune.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(card).toContainText('Step 9 of 9');
  await expect(card).toContainText('The console still shows the old date');

  // The console shows the new expiry: done, and the inventory has the renewal.
  const newExpiry = addYears(new Date(), 1);
  await serve({ [INTUNE_PUSH]: fixture('intune/push-certificate.en.html').replace('<dd>3/14/2027</dd>', `<dd>${us(newExpiry)}</dd>`) });
  await intune.reload();
  await expect(card).toContainText(`Renewed: the console now shows ${format(newExpiry, 'MMM d, yyyy')}`);
  const popup = await openPopup();
  const list = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
  const push = list.credentials.find((c) => c.topic === TOPIC)!;
  expect(push.expiresOn).toBe(format(newExpiry, 'yyyy-MM-dd'));
  expect(push.history).toEqual([expect.objectContaining({ from: format(oldExpiry, 'yyyy-MM-dd'), to: format(newExpiry, 'yyyy-MM-dd') })]);
});

test('Download Token in Apple Business Manager is called out when no renewal is under way', async ({ context, serve }) => {
  await serve({ 'https://business.apple.com/': fixture('abm/mdm-servers.en.html') });
  const page = await context.newPage();
  await page.goto('https://business.apple.com/#/main/preferences/mdmservers');
  const note = page.locator('button:has-text("Download Token") + token-radar-note');
  await expect(note).toContainText('“Download Token” resets the token the MDM uses now');
  await expect(note).toHaveAttribute('data-urgency', 'danger');
});

test('in a long list of MDM servers, every Download Token button has its note at once, also those out of view', async ({ context, serve }) => {
  const items = Array.from({ length: 40 }, (_, i) => `<li role="listitem"><h3>MDM Server ${i}</h3><div><span>Server token expires</span> <span>${(i % 28) + 1} Mar 2027</span></div><button>Download Token</button></li>`).join('');
  await serve({ 'https://business.apple.com/': `<!doctype html><html lang="en"><head><title>Apple Business Manager</title></head><body><h1>Device Management Settings</h1><ul role="list">${items}</ul></body></html>` });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto('https://business.apple.com/#/main/preferences/mdmservers');
  // A warning is there before the admin reaches its button, by scrolling, the keyboard or a screen reader's list of buttons.
  const notes = page.locator('button:has-text("Download Token") + token-radar-note');
  await expect(notes).toHaveCount(40);
  const last = page.getByRole('listitem').filter({ hasText: 'MDM Server 39' });
  await expect(last.locator('token-radar-note')).toContainText('“Download Token” resets the token the MDM uses now');
  await expect(last.locator('token-radar-note')).toHaveAttribute('data-urgency', 'danger');
});

test('an Apple ID that owns no certificate gets an explanation, not a new certificate', async ({ context, serve }) => {
  await serve({ [PORTAL]: fixture('apple-push/get-started.en.html') });
  const page = await context.newPage();
  await page.goto(PORTAL);
  await expect(page.locator('a:has-text("Get Started") + token-radar-note')).toContainText('you are signed in with the wrong Apple ID');
});

test('an Intune enrollment token renewal: from the popup to Apple Business Manager and back', async ({ context, serve, openPopup, stopServiceWorker }) => {
  const name = 'Contoso ABM – Headquarters';
  const oldExpiry = addDays(new Date(), 12);
  const newExpiry = addYears(new Date(), 1);
  const list = (expiry: Date) => fixture('intune/ade-token-list.reactblade.en.html').replace('12/5/2026', us(expiry));
  await serve({
    'https://intune.microsoft.com/?p=list': list(oldExpiry),
    'https://intune.microsoft.com/?p=token': fixture('intune/ade-token.en.html').replace('12/5/2026', us(oldExpiry)),
    'https://intune.microsoft.com/?p=renew': fixture('intune/ade-renew.en.html'),
    'https://business.apple.com/': fixture('abm/mdm-servers.en.html').replaceAll('Dec 5, 2026', format(oldExpiry, 'MMM d, yyyy')),
  });
  const intune = await context.newPage();
  await intune.goto('https://intune.microsoft.com/?p=list#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment');
  await expect(intune.locator('token-radar-badge')).toHaveCount(3);

  const popup = await openPopup();
  const row = popup.locator('.cred').filter({ hasText: name });
  await row.locator('.cred__summary').click();
  // The guide opens the page where it starts. (A tab opened by the extension is created before
  // the test's local routing can serve it, so the test loads the page again once it is open.)
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  const [abm] = await Promise.all([context.waitForEvent('page'), row.getByRole('button', { name: 'Renew…' }).click()]);
  await expect.poll(() => requested).toContain('https://business.apple.com/');
  // The extension's own navigation of that tab may still be under way: let it settle first.
  await abm.waitForLoadState('domcontentloaded').catch(() => undefined);
  await gotoSettled(abm, 'https://business.apple.com/#/main/preferences');

  const card = guideCard(abm);
  await expect(card).toContainText('Step 1 of 7');
  await expect(card).toContainText(`select the MDM server “${name}”`);
  await abm.locator('.server-row', { hasText: name }).click();
  await expect(card).toContainText('Step 2 of 7');
  const note = abm.locator('button:has-text("Download Token") + token-radar-note');
  await expect(note).toContainText(`This is the renewal step for “${name}”`);
  await expect(note).toHaveAttribute('data-urgency', 'ok');
  await stopServiceWorker();
  await abm.getByRole('button', { name: 'Download Token' }).click();
  await expect(card).toContainText('Step 3 of 7');
  await expect(card).toContainText('Next, in Microsoft Intune (another tab):');
  // The popup follows the renewal too.
  const banner = popup.getByRole('region', { name: `Renewing ${name}` });
  await expect(banner).toContainText('Step 3 of 7');
  await expect(banner).toContainText('press “Renew token”');

  await intune.goto('https://intune.microsoft.com/?p=token#view/Microsoft_Intune_Enrollment/DepTokenMenuBlade/~/overview');
  const intuneCard = guideCard(intune);
  await expect(intuneCard).toContainText(`open the token “${name}” and press “Renew token”. Use the Apple ID that created it: abm-tokens@contoso.example`);
  await intune.getByRole('button', { name: 'Renew token', exact: true }).click();
  await expect(intuneCard).toContainText('Step 4 of 7');
  await intune.goto('https://intune.microsoft.com/?p=renew#view/Microsoft_Intune_Enrollment/RenewDepTokenBlade');
  await intune.locator('#token').setInputFiles(onDisk('Contoso_Token_smime.p7m', Buffer.from(files.adeSmime)));
  await expect(intune.locator('#token + token-radar-upload-check')).toContainText('Automated Device Enrollment server token');
  await expect(intuneCard).toContainText('Step 5 of 7');
  await intune.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(intuneCard).toContainText('Step 6 of 7');
  await intune.evaluate(() => document.getElementById('review')!.removeAttribute('hidden'));
  await intune.getByRole('button', { name: 'Renew token', exact: true }).click();
  await expect(intuneCard).toContainText('Step 7 of 7');

  await serve({ 'https://intune.microsoft.com/?p=list': list(newExpiry) });
  await intune.goto('https://intune.microsoft.com/?p=list#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment');
  await expect(intuneCard).toContainText(`Renewed: the console now shows ${format(newExpiry, 'MMM d, yyyy')}`);
});

test("a step's button pressed as soon as the page has loaded, before Token Radar has started in it, still counts", async ({ context, serve, openOptions }) => {
  const name = 'Contoso ABM – Headquarters';
  const expiry = addDays(new Date(), 12);
  await serve({
    'https://intune.microsoft.com/?p=list': fixture('intune/ade-token-list.reactblade.en.html').replace('12/5/2026', us(expiry)),
    'https://business.apple.com/': fixture('abm/mdm-servers.en.html').replaceAll('Dec 5, 2026', format(expiry, 'MMM d, yyyy')),
  });
  const intune = await context.newPage();
  await intune.goto('https://intune.microsoft.com/?p=list#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment');
  await expect(intune.locator('token-radar-badge')).toHaveCount(3);
  const options = await openOptions();
  let id = '';
  await expect
    .poll(async () => {
      const answer = await sendFromPage<Responses['list']>(options, { type: 'list' });
      id = (answer as Extract<Responses['list'], { ok: true }>).credentials.find((c) => c.name === name)?.id ?? '';
      return id;
    })
    .not.toBe('');
  expect(await sendFromPage(options, { type: 'guide-start', credentialId: id })).toMatchObject({ ok: true });

  // An admin who knows the way: the server is selected the moment the page has loaded, without
  // waiting for the guide card: before the reader has started in the tab, or before it has read
  // the page and the guide (a third of these runs failed so before the presses were recorded).
  const abm = await context.newPage();
  await abm.goto('https://business.apple.com/#/main/preferences');
  await abm.locator('.server-row', { hasText: name }).click();
  const card = guideCard(abm);
  await expect(card).toContainText('Step 2 of 7');
  await expect(card).toContainText('Download Token');
});

test('a MaaS360 VPP token renewal, started from the overlay', async ({ context, serve }) => {
  const name = 'Fabrikam Apps Field';
  const newExpiry = addYears(new Date(), 1);
  const licences = (expiry: string) => fixture('maas360/vpp-licenses.en.html').replace('11/15/2026 09:00 EST', expiry);
  await serve({
    'https://m3.maas360.com/emc/content/vpp.html': licences('11/15/2026 09:00 EST'),
    'https://m3.maas360.com/emc/content/vpp-update.html': fixture('maas360/vpp-update-dialog.en.html'),
    'https://business.apple.com/': fixture('abm/content-tokens.fr.html').replace('Contoso Apps – Lyon', name),
  });
  const maas = await context.newPage();
  await maas.goto('https://m3.maas360.com/emc/content/vpp.html');
  const panel = maas.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await panel.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: 'Renew…' }).click();
  const card = guideCard(maas);
  await expect(card).toContainText('Step 1 of 5');
  await expect(card).toContainText(`press “Download” beside the content token of “${name}”`);
  await expect(card).toContainText('Next, in Apple Business Manager / Apple School Manager (another tab):');

  const abm = await context.newPage();
  await abm.goto('https://business.apple.com/#/main/preferences/paymentsandbilling');
  await abm.locator('tr', { hasText: name }).getByRole('button', { name: 'Télécharger' }).click();
  await expect(guideCard(abm)).toContainText('Step 2 of 5');

  await maas.bringToFront();
  await expect(card).toContainText(`press “Update” below the token “${name}”`);
  await maas.locator('tr', { hasText: name }).getByRole('link', { name: 'Update' }).click();
  await expect(card).toContainText('Step 3 of 5');
  await maas.goto('https://m3.maas360.com/emc/content/vpp-update.html');
  await expect(guideCard(maas)).toContainText('Step 3 of 5');
  // Every sentence the card says from here on, as the page shows it (its shadow root is open).
  await maas.evaluate(() => {
    const said: string[] = [];
    Object.assign(window, { said });
    const root = document.querySelector('token-radar-overlay')!.shadowRoot!;
    const note = () => said.push(root.querySelector('.tr-guide__say')?.textContent ?? '');
    new MutationObserver(note).observe(root, { subtree: true, childList: true, characterData: true });
  });
  await maas.locator('#vppfile').setInputFiles(onDisk('sToken_for_Fabrikam.vpptoken', Buffer.from(files.vpptoken)));
  await expect(guideCard(maas)).toContainText('Step 4 of 5');
  await expect(guideCard(maas)).toContainText('Press “Submit”');
  // The next step's control is looked for as soon as the step changes: the card never named the
  // file field just filled (by the path it holds) as the button to press, and a press on Submit
  // right away counts (it was lost once, while the field was still taken for the step's control).
  expect((await maas.evaluate(() => (window as unknown as { said: string[] }).said)).filter((t) => t.includes('fakepath'))).toEqual([]);
  await maas.getByRole('button', { name: 'Submit' }).click();
  await expect(guideCard(maas)).toContainText('Step 5 of 5');

  await serve({ 'https://m3.maas360.com/emc/content/vpp.html': licences(`${format(newExpiry, 'MM/dd/yyyy')} 09:00 EST`) });
  await maas.goto('https://m3.maas360.com/emc/content/vpp.html');
  await expect(guideCard(maas)).toContainText(`Renewed: the console now shows ${format(newExpiry, 'MMM d, yyyy')}`);
});

test.describe('with Token Radar in Japanese on an English console', () => {
  test.use({ locale: 'ja' });

  test('the guide quotes the button as the console shows it, not a translation of it', async ({ context, serve, openPopup }) => {
    await serve({ [INTUNE_PUSH]: fixture('intune/push-certificate.en.html') });
    const intune = await context.newPage();
    await intune.goto(INTUNE_PUSH);
    await expect(intune.locator('token-radar-badge')).toHaveCount(1);
    const popup = await openPopup();
    const listed = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
    const push = listed.credentials.find((c) => c.topic === TOPIC)!;
    expect(await sendFromPage(popup, { type: 'guide-start', credentialId: push.id })).toMatchObject({ ok: true });
    const say = intune.locator('token-radar-overlay .tr-guide__say');
    // The sentence is Japanese; the button is named as the page names it.
    await expect(say).toContainText('「Download your CSR」を押します');
    await expect(say).not.toContainText('CSR をダウンロードします');
  });
});
