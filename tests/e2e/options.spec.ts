import { readFileSync } from 'node:fs';
import { addDays, format } from 'date-fns';
import type { Page } from '@playwright/test';
import type { Responses } from '../../lib/messages';
import { expect, fixture, sendFromPage, test } from './fixtures';

async function list(page: Page) {
  return ((await sendFromPage<Responses['list']>(page, { type: 'list' })) as Extract<Responses['list'], { ok: true }>).credentials;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

test('export, erase and import restore the same inventory; a malformed import changes nothing', async ({ context, serve, openOptions }) => {
  await serve({
    'https://intune.microsoft.com/': fixture('intune/ade-token-list.reactblade.en.html'),
    'https://identity.apple.com/pushcert/': fixture('apple-push/certificates.en.html'),
  });
  for (const url of ['https://intune.microsoft.com/#view/x', 'https://identity.apple.com/pushcert/']) {
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.locator('token-radar-badge').first()).toBeVisible();
  }
  const options = await openOptions();
  await expect.poll(async () => (await list(options)).length).toBe(5);
  // The alerts due are recorded by a check run shortly after the reports: run it now, so that the
  // inventory does not change under the test (an expired certificate's alert) after it is read.
  await sendFromPage(options, { type: 'check' });
  const before = await list(options);

  const json = await download(options, 'Inventory (JSON)');
  expect(JSON.parse(json)).toMatchObject({ format: 'token-radar-inventory', version: 1 });
  const csv = await download(options, 'Spreadsheet (CSV)');
  expect(csv.startsWith('\uFEFF"Kind"')).toBe(true);
  const ics = await download(options, 'Calendar (.ics)');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5);

  // Restoring a backup on top of the inventory it came from keeps every credential, whole.
  const input = options.getByLabel('Choose a JSON export');
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  await input.setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(options.getByRole('status').filter({ hasText: 'Imported 5 credentials.' })).toBeVisible();
  expect((await list(options)).sort(byId)).toEqual([...before].sort(byId));

  await options.getByRole('button', { name: 'Erase all data…' }).click();
  await expect(options.getByText('Erase 5 credentials for good?')).toBeVisible();
  await options.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'All data erased.' })).toBeVisible();
  expect(await list(options)).toEqual([]);

  await input.setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(options.getByRole('status').filter({ hasText: 'Imported 5 credentials.' })).toBeVisible();
  const after = await list(options);
  expect(after.sort(byId)).toEqual(before.sort(byId));

  const broken = JSON.parse(json);
  broken.credentials[3].expiresOn = '14/03/2027';
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(options.getByRole('alert')).toHaveText('Nothing was imported: credentials[3].expiresOn: “14/03/2027” is not a date (YYYY-MM-DD).');
  expect((await list(options)).sort(byId)).toEqual(before.sort(byId));

  await input.setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
  await expect(options.getByRole('alert')).toContainText('Nothing was imported: The file is not JSON');
  expect(await list(options)).toHaveLength(5);
});

test('settings are saved, validated, and change what is notified', async ({ openOptions, openPopup, serviceWorker }) => {
  const options = await openOptions();
  const ade = options.getByLabel('Enrollment token (ADE): days before expiry');
  await expect(ade).toHaveValue('60, 30, 14, 7, 3, 1, 0');
  await ade.fill('30, seven');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('alert')).toHaveText('Enrollment token (ADE): use whole numbers of days from 0 to 366, separated by commas.');

  await ade.fill('10');
  await options.getByLabel('Every day in the last week').uncheck();
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('form', { name: 'Notifications' }).getByRole('status')).toHaveText('Settings saved.');
  await options.reload();
  await expect(options.getByLabel('Enrollment token (ADE): days before expiry')).toHaveValue('10');

  const notified = () =>
    serviceWorker.evaluate(async () =>
      Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll()).length,
    );
  const popup = await openPopup();
  const add = async (name: string, days: number) => {
    await popup.getByRole('button', { name: 'Add by hand' }).click();
    await popup.getByLabel('Kind').selectOption('ade');
    await popup.getByLabel('Name').fill(name);
    await popup.getByLabel('Expiry date').fill(format(addDays(new Date(), days), 'yyyy-MM-dd'));
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.locator('.cred').filter({ hasText: name })).toBeVisible();
  };
  // 20 days out is inside the default 30-day threshold but outside the configured 10: no alert.
  await add('HQ', 20);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.getByRole('form', { name: 'Notifications' }).getByRole('status')).toHaveText('Checked: 0 new notifications.');
  expect(await notified()).toBe(0);
  // 8 days out reaches 10; with daily alerts off it is the 10-day alert, once.
  await add('Stores', 8);
  await expect.poll(notified).toBe(1);
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.getByRole('form', { name: 'Notifications' }).getByRole('status')).toHaveText('Checked: 0 new notifications.');
});

test.describe('in French', () => {
  test.use({ locale: 'fr' });

  test('an import that fails says why in French only, and the spreadsheet speaks French beside its codes', async ({ openOptions }) => {
    const options = await openOptions();
    await sendFromPage(options, { type: 'save', fields: { kind: 'vpp', name: 'Siège', expiresOn: format(addDays(new Date(), -3), 'yyyy-MM-dd') } });
    const json = await download(options, 'Inventaire (JSON)');
    const broken = JSON.parse(json);
    broken.credentials[0].expiresOn = '14/03/2027';
    await options.getByLabel('Choisir un export JSON').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await expect(options.getByRole('alert')).toHaveText('Rien n’a été importé : credentials[0].expiresOn : « 14/03/2027 » n’est pas une date (AAAA-MM-JJ).');
    await options.getByLabel('Choisir un export JSON').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    await expect(options.getByRole('alert')).toHaveText('Rien n’a été importé : Le fichier n’est pas du JSON.');

    const csv = await download(options, 'Tableur (CSV)');
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header!.startsWith('"Type","Type (code)","Nom","Console","Compte","Expire le","Jours restants","État","État (code)"')).toBe(true);
    // Three days late is -3, a number a spreadsheet can sort, not text.
    expect(row).toMatch(/^"Jeton de contenu \(VPP\)","vpp","Siège","","","\d{4}-\d{2}-\d{2}","-3",/);
  });
});
