/**
 * Every fixture page, served under its console's real address, shows one badge per credential
 * the scan reads and a panel that counts them; pages without credentials show neither, only a
 * quiet note that the console is watched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { consoleOf } from '../../lib/consoles/hosts';
import type { PageScan } from '../../lib/scan';
import { expect, fixture, fixturesDir, test } from './fixtures';

const files = (readdirSync(fixturesDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('other/')).sort();

for (const file of files) {
  const { url, scan } = JSON.parse(readFileSync(resolve(fixturesDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; scan: PageScan };
  // Consoles the admin turns on (optional hosts, own addresses) are covered by sites.spec.ts.
  if (!scan.console || consoleOf(scan.console).hosts.length === 0) continue;
  test(`${file} under ${new URL(url).host}: ${scan.credentials.length} badge(s)`, async ({ context, serve }) => {
    await serve({ [url]: fixture(file) });
    const page = await context.newPage();
    await page.goto(url);
    const host = page.locator('token-radar-overlay');
    const badges = page.locator('token-radar-badge');
    const panel = page.getByRole('complementary', { name: 'Token Radar' });
    if (scan.credentials.length === 0 && !scan.unreadable) {
      // The first scan runs once the page is idle (within a second): after it, a page with
      // nothing to show has no badge and no panel. Its top document says quietly that the
      // console is watched, unless the credentials would be in frames of their own (a shell
      // page), which its own content scripts speak for: then no UI of ours at all.
      const quiet = page.getByRole('status').filter({ hasText: `Token Radar is watching ${consoleOf(scan.console!).product}; no credential on this page.` });
      if (/<iframe[^>]+src=/i.test(fixture(file))) {
        await page.waitForTimeout(1500);
        await expect(host).toHaveCount(0);
      } else {
        await expect(quiet).toBeVisible();
      }
      await expect(badges).toHaveCount(0);
      await expect(panel).toHaveCount(0);
      return;
    }
    await expect(host).toHaveCount(1);
    await expect(badges).toHaveCount(scan.credentials.length);
    await expect(panel).toContainText(`Apple credentials on this page: ${scan.credentials.length}`);
    const unknown = scan.credentials.filter((c) => c.expiresOn === null).length;
    await expect(page.locator('token-radar-badge[data-urgency="unknown"]')).toHaveCount(unknown);
  });
}
