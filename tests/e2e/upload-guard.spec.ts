import { expect, fixture, test, onDisk } from './fixtures';
import { makeFiles } from '../unit/support/make-files';

const PUSH_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
const files = makeFiles();

test.beforeEach(async ({ serve }) => {
  await serve({ [PUSH_URL]: { fixture: 'intune/push-certificate.en.html' } });
});

test('a push certificate with another topic is called out next to the upload field', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await page.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.otherTopicPem)));
  const note = page.locator('#cert + token-radar-upload-check');
  await expect(note).toHaveAttribute('data-level', 'danger');
  await expect(note).toContainText('Different topic from the push certificate in use (com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34)');
  await expect(note).toContainText('every enrolled device would have to be re-enrolled');
  await expect(note).toContainText('the file was not sent anywhere');
  // The page's own field still holds the file: nothing was blocked.
  expect(await page.locator('#cert').evaluate((i: HTMLInputElement) => i.files?.[0]?.name)).toBe('MDM_Microsoft Corporation_Certificate.pem');
});

test('the right certificate shows the expiry the console will get', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await page.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.freshApnsPem)));
  const note = page.locator('#cert + token-radar-upload-check');
  await expect(note).toHaveAttribute('data-level', 'ok');
  await expect(note).toContainText('Same topic as the push certificate in use: this renews it.');
  const expiry = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(files.freshExpiry);
  await expect(note).toContainText(`After the upload, the console should show the expiry ${expiry}.`);
});

test('a wrong kind of file and an expired certificate are told apart', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  const note = page.locator('#cert + token-radar-upload-check');
  await page.locator('#cert').setInputFiles(onDisk('sToken_for_Contoso.vpptoken', Buffer.from(files.vpptoken)));
  await expect(note).toContainText('Wrong file: this page expects a push certificate (.pem).');
  await page.locator('#cert').setInputFiles(onDisk('old.pem', Buffer.from(files.expiredApnsPem)));
  await expect(note).toContainText('This file has already expired: download a new one.');
  await expect(page.locator('token-radar-upload-check')).toHaveCount(1);
  await page.locator('#cert').setInputFiles([]);
  await expect(page.locator('token-radar-upload-check')).toHaveCount(0);
});

test("a file a page's own script puts in an upload field is not read: only the admin's pick is", async ({ context }) => {
  const page = await context.newPage();
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  // What a hostile or buggy page can do: fill the field and fire a synthetic 'change'.
  await page.locator('#cert').setInputFiles({ name: 'MDM_Microsoft Corporation_Certificate.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(files.otherTopicPem) });
  expect(await page.locator('#cert').evaluate((i: HTMLInputElement) => i.files?.length)).toBe(1);
  await page.waitForTimeout(1500);
  await expect(page.locator('token-radar-upload-check')).toHaveCount(0);
  // The admin picking the same file gets the check.
  await page.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.otherTopicPem)));
  await expect(page.locator('#cert + token-radar-upload-check')).toHaveAttribute('data-level', 'danger');
});

test('the file is read in a worker, off the console page’s thread; a page whose policy forbids workers still gets the check, read in the frame', async ({ context, serve }) => {
  const page = await context.newPage();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await page.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.freshApnsPem)));
  const note = page.locator('#cert + token-radar-upload-check');
  await expect(note).toHaveAttribute('data-level', 'ok');
  expect(workers.filter((u) => u.startsWith('blob:'))).toHaveLength(1);

  // The same page with a policy that forbids every worker.
  const strict = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade/strict';
  await serve({ [strict]: fixture('intune/push-certificate.en.html').replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`) });
  const other = await context.newPage();
  const blocked: string[] = [];
  other.on('worker', (w) => blocked.push(w.url()));
  await other.goto(strict);
  await expect(other.locator('token-radar-badge')).toHaveCount(1);
  await other.locator('#cert').setInputFiles(onDisk('MDM_Microsoft Corporation_Certificate.pem', Buffer.from(files.otherTopicPem)));
  await expect(other.locator('#cert + token-radar-upload-check')).toHaveAttribute('data-level', 'danger');
  expect(blocked).toEqual([]);
});
