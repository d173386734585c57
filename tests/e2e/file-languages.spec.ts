/**
 * The file checks of issue #18 in English, French and Japanese, in the popup's drop zone and in
 * the upload guard on the console pages: an ADE token whose name dates it 22 months back, a PEM
 * bundle with the private key first, a certificate without a push topic, a push request whose
 * vendor certificate has expired. The expected words come from the extension's own message
 * files; nothing of a key, a token or a request is stored afterwards.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, fixture, onDisk, storedEverything, test } from './fixtures';
import { makeFiles, SECRET_ACCESS } from '../unit/support/make-files';

const files = makeFiles();
const DAY = 86_400_000;
const VENDOR = 'MDM Vendor: Test MDM Corp';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalog = (lang: string): Messages => JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;

/**
 * The pieces of a message as the admin reads it: placeholders given in `subs` (by name) are
 * filled in; the others (dates, formatted per language) split the message into pieces.
 */
function pieces(messages: Messages, key: string, subs: Record<string, string> = {}): string[] {
  const entry = messages[key];
  if (!entry) throw new Error(`no message ${key}`);
  const filled = entry.message.replace(/\$([A-Z_]+)\$/g, (m, name: string) => subs[name.toLowerCase()] ?? '\u0000');
  return filled.split('\u0000').map((s) => s.trim()).filter((s) => s.length > 2);
}

async function expectSaid(where: ReturnType<Page['locator']>, messages: Messages, key: string, subs: Record<string, string> = {}) {
  for (const piece of pieces(messages, key, subs)) await expect(where, `${key}: ${piece}`).toContainText(piece);
}

/** Apple's download name for an ADE token fetched `daysAgo` days before now. */
function adeName(daysAgo: number): string {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 19).replace(/:/g, '-');
  return `Contoso_Token_${at}Z_smime.p7m`;
}

const expiredRequest = () => files.pushRequest({ signerFrom: new Date(Date.now() - 400 * DAY), signerTo: new Date(Date.now() - 20 * DAY) });

for (const lang of ['en', 'fr', 'ja'] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang });
    const messages = catalog(lang);

    test('the drop zone tells an old ADE token, a key in a PEM bundle, a certificate without topic and an expired vendor signature; keeps the MDM key and nothing secret', async ({ openPopup, serviceWorker }) => {
      const popup = await openPopup();
      const input = popup.locator('.file-check .drop input[type="file"]');
      const result = popup.locator('.file-result');
      const pick = (name: string, content: string) => input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });

      // 1. An ADE token checked without the MDM key, downloaded 22 months ago by its name.
      await pick(adeName(670), files.adeSmime);
      await expectSaid(result, messages, 'fileWarn_probably_expired');
      await expect(result).toHaveClass(/file-result--warn/);

      // 2. The private key before the push certificate; then a certificate without a push topic.
      await pick('mdm-bundle.pem', files.pushPrivateKeyPem + files.freshApnsPem);
      await expectSaid(result, messages, 'file_apns', { topic: 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34' });
      await expectSaid(result, messages, 'fileWarn_contains_private_key');
      await pick('server.pem', files.neutralSelfSignedPem);
      await expectSaid(result, messages, 'fileWarn_no_push_topic');

      // 3. A push request whose vendor certificate expired 20 days ago.
      await pick('IntuneCSR.csr', expiredRequest());
      await expectSaid(result, messages, 'fileWarn_signer_expired', { name: VENDOR });
      await expectSaid(result, messages, 'fileSigningChain');
      await expectSaid(result.locator('.file-chain li.warn'), messages, 'fileChainExpired');
      await expect(result.locator('.file-chain li')).toHaveCount(3);

      // The MDM server's public key is read with its dates and kept as an "other" credential.
      await pick('PublicKey.pem', files.mdmPublicCertPem);
      await expectSaid(result, messages, 'file_public_key_cert', { cn: 'Intune ADE public key (test)' });
      await result.getByRole('button', { name: messages.fileAdd!.message }).click();
      await expectSaid(popup.locator('.cred'), messages, 'filePublicKeyName', { cn: 'Intune ADE public key (test)' });

      const stored = await storedEverything(serviceWorker);
      expect(stored).toContain('Intune ADE public key (test)');
      for (const secret of ['PRIVATE KEY', 'BEGIN', 'PushCertSignature', SECRET_ACCESS, files.pushPrivateKeyPem.slice(40, 80), files.mdmPublicCertPem.slice(40, 80)]) {
        expect(stored, secret).not.toContain(secret);
      }
    });

    test('the upload guard says the same beside the console and Apple portal fields', async ({ context, serve, serviceWorker }) => {
      const portal = 'https://identity.apple.com/pushcert/renew';
      const adeRenew = 'https://intune.microsoft.com/?p=renew';
      const push = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
      await serve({ [portal]: fixture('apple-push/renew.en.html'), [adeRenew]: fixture('intune/ade-renew.en.html'), [push]: fixture('intune/push-certificate.en.html') });
      const page = await context.newPage();

      // 3. At Apple's portal: an expired vendor signature is a danger, a good request is fine.
      await page.goto(portal);
      const field = page.locator('input[type="file"]');
      const note = page.locator('input[type="file"] + token-radar-upload-check');
      await field.setInputFiles(onDisk('IntuneCSR.csr', Buffer.from(expiredRequest())));
      await expect(note).toHaveAttribute('data-level', 'danger');
      await expectSaid(note, messages, 'fileWarn_signer_expired', { name: VENDOR });
      await field.setInputFiles(onDisk('IntuneCSR.csr', Buffer.from(files.pushRequest({ signerFrom: new Date(Date.now() - DAY), signerTo: new Date(Date.now() + 300 * DAY) }))));
      await expect(note).toHaveAttribute('data-level', 'ok');
      await expectSaid(note, messages, 'file_push_request', { subject: 'CN=Test MDM push CSR, O=Contoso' });

      // 1. In the console's ADE token upload: an estimate is never "fine", an old one is a warning.
      await page.goto(adeRenew);
      const adeField = page.locator('input[type="file"]').first();
      await adeField.setInputFiles(onDisk(adeName(670), Buffer.from(files.adeSmime)));
      const adeNote = page.locator('token-radar-upload-check').first();
      await expect(adeNote).toHaveAttribute('data-level', 'warn');
      await expectSaid(adeNote, messages, 'fileWarn_probably_expired');
      await expectSaid(adeNote, messages, 'guardCannotConfirm');

      // 2. The console's push certificate field: the bundle's certificate renews it, and the key is told.
      await page.goto(push);
      await expect(page.locator('token-radar-badge')).toHaveCount(1);
      await page.locator('#cert').setInputFiles(onDisk('mdm-bundle.pem', Buffer.from(files.pushPrivateKeyPem + files.freshApnsPem)));
      const pushNote = page.locator('#cert + token-radar-upload-check');
      await expect(pushNote).toHaveAttribute('data-level', 'warn');
      await expectSaid(pushNote, messages, 'fileWarn_contains_private_key');
      await expectSaid(pushNote, messages, 'guardSameTopic');

      const stored = await storedEverything(serviceWorker);
      for (const secret of ['PRIVATE KEY', 'PushCertSignature', files.pushPrivateKeyPem.slice(40, 80)]) expect(stored, secret).not.toContain(secret);
    });
  });
}
