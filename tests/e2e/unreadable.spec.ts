/**
 * A console page whose expiry dates cannot be read for certain: the panel says so, offers to add
 * the credential by hand (pre-filled with what was certain) and to save a page outline that
 * keeps the layout and labels but none of the page's names, addresses or dates.
 */
import { readFileSync } from 'node:fs';
import type { Responses } from '../../lib/messages';
import { expect, fixture, sendFromPage, test } from './fixtures';

test('a page that cannot be read says so, opens a pre-filled form, and saves an outline without the page data', async ({ context, serve, extensionId }) => {
  await serve({ 'https://intune.microsoft.com/': fixture('intune/ade-token-list.en-ca.html') });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment');
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  const notice = panel.getByRole('region', { name: 'Token Radar could not read this page' });
  await expect(notice).toContainText('2 credential date(s) shown here could not be read for certain, so nothing was guessed.');
  // No date was guessed: both badges say the date is unknown.
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  for (const badge of await page.locator('token-radar-badge').all()) await expect(badge).toHaveAttribute('data-urgency', 'unknown');

  // The outline: structure and known labels, every value as its shape.
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('button', { name: 'Save a page outline' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^token-radar-outline-intune-\d{4}-\d{2}-\d{2}\.txt$/);
  const outline = readFileSync((await download.path())!, 'utf8');
  expect(outline).toContain('"Expiration date"');
  expect(outline).toContain('role=columnheader');
  expect(outline).toContain('~"99/99/9999"');
  for (const secret of ['Maple', 'Toronto', 'Ottawa', 'mapleleaf', 'abm@', '03/04/2027', '05/06/2027', '2027']) expect(outline).not.toContain(secret);
  await expect(notice.getByRole('status')).toHaveText('Outline saved to your downloads.');

  // Add by hand: the extension's own page opens with what the page showed for certain.
  const [form] = await Promise.all([context.waitForEvent('page'), notice.getByRole('button', { name: 'Add by hand…' }).click()]);
  await form.waitForLoadState();
  expect(form.url()).toContain(`chrome-extension://${extensionId}/popup.html?add=`);
  await expect(form.getByLabel('Kind')).toHaveValue('ade');
  await expect(form.getByLabel('Name')).toHaveValue('Maple Leaf Schools – Toronto');
  await expect(form.getByLabel('Apple ID')).toHaveValue('abm@mapleleaf.example');
  await expect(form.getByLabel('Console')).toHaveValue('intune');
  await form.getByLabel('Expiry date').fill('2027-04-03');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => {
      const answer = (await sendFromPage<Responses['list']>(form, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
      return answer.credentials.filter((c) => c.name === 'Maple Leaf Schools – Toronto').map((c) => c.expiresOn);
    })
    .toContain('2027-04-03');
});
