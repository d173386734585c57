import { expect, test } from './fixtures';

const PUSH = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';

test('the overlay removes itself when the extension is reloaded or updated', async ({ context, serve, serviceWorker }) => {
  await serve({ [PUSH]: { fixture: 'intune/push-certificate.en.html' } });
  const page = await context.newPage();
  await page.goto(PUSH);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await expect(page.locator('token-radar-overlay')).toHaveCount(1);
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  // The page itself is untouched; our badge, panel and notes are gone.
  await expect(page.locator('token-radar-badge')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('token-radar-overlay')).toHaveCount(0);
  await expect(page.locator('dd').filter({ hasText: '3/14/2027' })).toHaveCount(1);
});
