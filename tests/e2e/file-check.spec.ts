import { utimesSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, onDisk, storedEverything, test } from './fixtures';
import { makeFiles, SECRET_ACCESS, SECRET_TOKEN } from '../unit/support/make-files';

const files = makeFiles();
const PUSH_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';

async function choose(page: Page, name: string, content: string | Uint8Array) {
  await page.getByLabel(/Drop a \.pem/).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
}

test('a dropped push certificate matches the inventory by topic, flags another topic, and records the renewal', async ({ context, serve, openPopup }) => {
  // The console still shows the old expiry: the dropped certificate renews it.
  await serve({ [PUSH_URL]: fixture('intune/push-certificate.en.html').replace('<dd>3/14/2027</dd>', '<dd>12/4/2026</dd>') });
  const page = await context.newPage();
  await page.goto(PUSH_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);

  const popup = await openPopup();
  await expect(popup.locator('.cred')).toHaveCount(1);
  await choose(popup, 'MDM_new.pem', files.otherTopicPem);
  const result = popup.locator('.file-result');
  await expect(result.getByRole('alert')).toContainText('None of your push certificates has this topic');

  await choose(popup, 'MDM_Microsoft Corporation_Certificate.pem', files.apnsPem);
  await expect(result).toContainText('Matches “com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34” in your inventory.');
  await expect(result).toContainText('It renews it: Dec 4, 2026 → Mar 14, 2027.');
  await result.getByRole('button', { name: /^Record on/ }).click();
  await expect(result).toContainText('Saved in the inventory.');
  const row = popup.locator('.cred');
  await expect(row).toContainText('Mar 14, 2027');
  await row.locator('.cred__summary').click();
  await expect(row).toContainText('Renewed once; last: Dec 4, 2026 → Mar 14, 2027');

  await choose(popup, 'again.pem', files.apnsPem);
  await expect(result).toContainText('The inventory already has this expiry.');
});

test('a .vpptoken and an ADE token are added without storing any token or key material', async ({ openPopup, serviceWorker }) => {
  const popup = await openPopup();
  // Every file is read in a worker of the extension's own, stopped if it takes too long.
  const workers: string[] = [];
  popup.on('worker', (w) => workers.push(w.url()));
  await choose(popup, 'sToken_for_Contoso Apps.vpptoken', files.vpptoken);
  const result = popup.locator('.file-result');
  await expect(result).toContainText('Apps and Books content token for “Contoso Apps – Paris”, valid until Mar 14, 2027.');
  await result.getByRole('button', { name: 'Add to inventory' }).click();
  await expect(result).toContainText('Saved in the inventory.');
  await expect(popup.locator('.cred').filter({ hasText: 'Contoso Apps – Paris' })).toBeVisible();

  await choose(popup, 'Contoso_smime.p7m', files.adeSmime);
  await expect(result).toContainText('Automated Device Enrollment server token');
  await result.getByLabel(/MDM private key/).setInputFiles({ name: 'mdm.key', mimeType: 'application/x-pem-file', buffer: Buffer.from(files.mdmPrivateKeyPem) });
  await result.getByRole('button', { name: 'Read again' }).click();
  await expect(result).toContainText('Automated Device Enrollment server token for “Contoso ABM – Headquarters”, valid until Nov 20, 2027.');
  await result.getByRole('button', { name: 'Add to inventory' }).click();
  await expect(popup.locator('.cred').filter({ hasText: 'Contoso ABM – Headquarters' })).toBeVisible();

  await choose(popup, 'push.p12', files.p12);
  await expect(result).toContainText('This .p12 file is protected: enter its password.');
  await result.getByLabel('Password of the .p12 file').fill(files.p12Password);
  await result.getByRole('button', { name: 'Read again' }).click();
  await expect(result).toContainText('Push certificate (APNs) for topic');
  await result.getByRole('button', { name: 'Add to inventory' }).click();
  await expect(popup.locator('.cred')).toHaveCount(3);

  expect(workers.length).toBeGreaterThanOrEqual(4);
  expect(workers.every((u) => /^chrome-extension:\/\/[a-z]+\/assets\/inspect\.worker-[\w-]+\.js$/.test(u))).toBe(true);

  const stored = await storedEverything(serviceWorker);
  expect(stored).toContain('Contoso Apps – Paris');
  for (const secret of [SECRET_TOKEN, SECRET_ACCESS, 'CS_secret', 'AS_secret', 'PRIVATE KEY', files.p12Password, files.mdmPrivateKeyPem.slice(40, 80)]) {
    expect(stored, secret).not.toContain(secret);
  }
});

test('an ADE token checked without the MDM key gets an estimate from evidence, never an expiry: not stored as a date, and said as probably expired when old', async ({ openPopup, serviceWorker }) => {
  const popup = await openPopup();
  const result = popup.locator('.file-result');
  // Downloaded 22 months before today, by the time in Apple's file name.
  const old = new Date();
  old.setUTCMonth(old.getUTCMonth() - 22);
  const stamp = old.toISOString().slice(0, 19).replace(/:/g, '-') + 'Z';
  await choose(popup, `Contoso_Token_${stamp}_smime.p7m`, files.adeSmime);
  await expect(result).toContainText('one year after the download time in its file name. An estimate, not its expiry');
  await expect(result).toContainText('By that estimate it has probably expired');
  await expect(result).not.toContainText('valid until');
  // A name with no time: the file's own date (22 months old on disk) is the evidence, and said to be.
  const path = onDisk('token_smime.p7m', files.adeSmime);
  utimesSync(path, old, old);
  await popup.getByLabel(/Drop a \.pem/).setInputFiles(path);
  await expect(result).toContainText("one year after the file's date");
  await expect(result).toContainText('By that estimate it has probably expired');
  await result.getByRole('button', { name: 'Add to inventory' }).click();
  await expect(result).toContainText('Saved in the inventory.');
  const stored = await serviceWorker.evaluate(async () => {
    const open = indexedDB.open('token-radar');
    const db: IDBDatabase = await new Promise((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
    const all: { kind: string; expiresOn: string | null }[] = await new Promise((resolve) => { const r = db.transaction('credentials').objectStore('credentials').getAll(); r.onsuccess = () => resolve(r.result); });
    db.close();
    return all.filter((c) => c.kind === 'ade').map((c) => c.expiresOn);
  });
  expect(stored).toEqual([null]);
});
