import { addDays, addYears, format } from 'date-fns';
import { expect, fixture, gotoSettled, sendFromPage, test } from './fixtures';

const ADE_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment';

test('credentials seen on a console page show in the popup, most urgent first', async ({ context, serve, openPopup }) => {
  const d = (n: number) => format(addDays(new Date(), n), 'M/d/yyyy');
  await serve({
    'https://intune.microsoft.com/': fixture('intune/ade-token-list.reactblade.en.html').replace('12/5/2026', d(12)).replace('6/30/2027', d(200)).replace('10/2/2026', d(-3)),
  });
  const page = await context.newPage();
  await page.goto(ADE_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(3);

  const popup = await openPopup();
  const group = popup.getByRole('region', { name: 'Microsoft Intune' });
  await expect(group.getByRole('listitem')).toHaveCount(3);
  const rows = group.locator('.cred__summary');
  await expect(rows.nth(0)).toContainText('Old pilot token');
  await expect(rows.nth(0)).toContainText('Expired 3 days ago');
  await expect(rows.nth(1)).toContainText('Contoso ABM – Headquarters');
  await expect(rows.nth(1)).toContainText('Expires in 12 days');
  await expect(rows.nth(2)).toContainText('Expires in 200 days');

  await rows.nth(0).click();
  const details = popup.getByRole('region', { name: 'Details for Old pilot token' });
  await expect(details).toContainText('Apple ID: jane.doe@gmail.com');
  await expect(details).toContainText('This Apple ID looks personal');
  await expect(details.getByRole('button', { name: 'Open console page' })).toBeVisible();

  await popup.getByRole('searchbox', { name: 'Search credentials' }).fill('retail');
  await expect(popup.locator('.cred')).toHaveCount(1);
  await popup.getByRole('searchbox', { name: 'Search credentials' }).fill('nothing like this');
  await expect(popup.getByText('No credential matches “nothing like this”.')).toBeVisible();

  // Fits the popup's largest size (800 x 600) without horizontal scrolling.
  await popup.setViewportSize({ width: 800, height: 600 });
  expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test('an admin adds, edits, renews, snoozes and deletes a credential by hand, with the keyboard', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();

  await popup.getByRole('button', { name: 'Add by hand' }).click();
  await popup.getByLabel('Kind').selectOption('vpp');
  await popup.getByLabel('Name').fill('Apps – Tokyo office');
  const in20 = format(addDays(new Date(), 20), 'yyyy-MM-dd');
  await popup.getByLabel('Expiry date').fill(in20);
  await popup.getByLabel('Who renews it').fill('Kenji');
  await popup.getByLabel('Who renews it').press('Enter'); // Enter submits the form

  const row = popup.locator('.cred').filter({ hasText: 'Apps – Tokyo office' });
  await expect(row).toContainText('Expires in 20 days');
  await expect(row).toContainText('Owner: Kenji');
  await expect(popup.getByRole('heading', { name: 'Added by hand or from a file' })).toBeVisible();

  // The new entry opens on its details: edit it.
  await row.getByRole('button', { name: 'Edit' }).focus();
  await popup.keyboard.press('Enter');
  await popup.getByLabel('Name').fill('Apps – Osaka office');
  await popup.getByRole('button', { name: 'Save' }).click();
  const renamed = popup.locator('.cred').filter({ hasText: 'Apps – Osaka office' });
  await expect(renamed).toBeVisible();

  // Mark renewed: the date defaults to a year from today.
  await renamed.getByRole('button', { name: 'Mark renewed' }).click();
  const nextYear = format(addYears(new Date(), 1), 'yyyy-MM-dd');
  await expect(renamed.getByLabel('New expiry date')).toHaveValue(nextYear);
  await renamed.getByRole('button', { name: 'Save' }).click();
  await expect(renamed).toContainText(/Renewed once; last: .* → /);
  await expect(renamed.locator('.chip')).toHaveText(/Expires in 36[56] days/);

  await renamed.getByRole('button', { name: 'Snooze 1 week' }).click();
  await expect(renamed).toContainText('Alerts snoozed until');
  await renamed.getByRole('button', { name: 'Stop snoozing' }).click();
  await expect(renamed).not.toContainText('Alerts snoozed until');

  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(popup.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
});

test('the form refuses an entry without a name', async ({ openPopup }) => {
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Add by hand' }).click();
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByRole('alert')).toHaveText('Give it a name (or a push topic for a push certificate).');
});

test('the keyboard alone: Escape closes what is open, and the focus lands where the action was, never on the page', async ({ openPopup, openOptions }) => {
  const popup = await openPopup();
  const add = popup.getByRole('button', { name: 'Add by hand' });
  // The form opens with its first field focused; Escape closes it and gives the focus back to its button.
  await add.click();
  await expect(popup.getByLabel('Kind')).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('heading', { name: 'Add a credential' })).toHaveCount(0);
  await expect(add).toBeFocused();

  // Saved: the focus is on the new row.
  for (const name of ['Berlin office', 'Paris office']) {
    await add.click();
    await popup.getByLabel('Name').fill(name);
    await popup.getByLabel('Expiry date').fill(format(addDays(new Date(), name.startsWith('B') ? 40 : 50), 'yyyy-MM-dd'));
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.locator('.cred__summary', { hasText: name })).toBeFocused();
  }

  // Mark renewed: its date field has the focus; Escape goes back to the button that opened it, a second Escape closes the details.
  const berlin = popup.locator('.cred__summary', { hasText: 'Berlin office' });
  await berlin.click();
  const renewed = popup.getByRole('button', { name: 'Mark renewed' });
  await renewed.click();
  await expect(popup.getByLabel('New expiry date')).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(renewed).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(berlin).toHaveAttribute('aria-expanded', 'false');
  await expect(berlin).toBeFocused();

  // Delete: the safe choice has the focus; once deleted, the focus moves to the next row.
  await berlin.click();
  await popup.getByRole('button', { name: 'Delete' }).click();
  await expect(popup.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popup.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(popup.locator('.cred__summary', { hasText: 'Paris office' })).toBeFocused();

  // The settings' erasure: Cancel has the focus, Escape returns to the button; erased, the focus is on what it says.
  const options = await openOptions();
  const erase = options.getByRole('button', { name: 'Erase all data…' });
  await erase.click();
  await expect(options.getByRole('alertdialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await options.keyboard.press('Escape');
  await expect(options.getByRole('alertdialog')).toHaveCount(0);
  await expect(erase).toBeFocused();
  await erase.click();
  await options.getByRole('button', { name: 'Yes, erase everything' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'All data erased.' })).toBeFocused();
});

test('a token added by hand for a console without steps of its own reads as entered by hand, and Renew… starts on Apple\'s side', async ({ context, serve, openPopup }) => {
  await serve({ 'https://business.apple.com/': { fixture: 'abm/mdm-servers.en.html' } });
  const popup = await openPopup();
  await popup.getByRole('button', { name: 'Add by hand' }).click();
  await popup.getByLabel('Kind').selectOption('ade');
  await popup.getByLabel('Name').fill('Contoso ABM – Headquarters');
  await popup.getByLabel('Console').selectOption({ label: 'Kandji' });
  // No expiry date: the admin will add it later.
  await popup.getByRole('button', { name: 'Save' }).click();

  const row = popup.locator('.cred').filter({ hasText: 'Contoso ABM – Headquarters' });
  await expect(row).toContainText('No expiry date yet — add it');
  await expect(row).not.toContainText('not readable');
  await expect(row).toContainText('Added by hand, today');
  await expect(row).not.toContainText('Seen on');
  // What a lapse means, without another console's advice.
  await expect(row).toContainText('new devices are not synced');
  await expect(row).not.toContainText('Intune');

  // Renew…: Kandji has no guided steps here, so the guide walks Apple's side and opens Apple Business Manager.
  // (A tab the extension opens is created before the test's routing serves it: it is loaded again once open.)
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  const [apple] = await Promise.all([context.waitForEvent('page'), row.getByRole('button', { name: 'Renew…' }).click()]);
  await expect.poll(() => requested).toContain('https://business.apple.com/');
  await apple.waitForLoadState('domcontentloaded').catch(() => undefined);
  await gotoSettled(apple, 'https://business.apple.com/#/main/preferences');
  await expect(apple.getByRole('region', { name: 'Renewing Contoso ABM – Headquarters' })).toContainText('Step 1 of 3');
  await expect(apple.getByRole('region', { name: 'Renewing Contoso ABM – Headquarters' })).toContainText('select the MDM server “Contoso ABM – Headquarters”');
  await expect(popup.locator('main > .error')).toHaveCount(0);
  await expect(row.getByRole('alert')).toHaveCount(0);
});

test('a long inventory opens with its first rows and draws the rest just after; the row it was opened on is scrolled to once drawn', async ({ context, extensionId, openOptions }) => {
  const now = new Date();
  const day = (n: number) => format(addDays(now, n), 'yyyy-MM-dd');
  // 300 tokens, the most urgent first: token 250 is far below the first rows the popup draws.
  const credentials = Array.from({ length: 300 }, (_, i) => ({
    id: `bulk-${i}`,
    kind: 'ade',
    name: `Bulk token ${String(i).padStart(3, '0')}`,
    console: 'intune',
    expiresOn: day(10 + i),
    sources: [{ type: 'manual', key: 'manual', seenAt: now.toISOString(), expiresOn: day(10 + i) }],
    history: [],
    alerts: {},
    archived: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }));
  const options = await openOptions();
  const answer = await sendFromPage(options, { type: 'import', json: JSON.stringify({ format: 'token-radar-inventory', version: 1, exportedAt: now.toISOString(), credentials }) });
  expect(answer).toMatchObject({ ok: true });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html#bulk-250`);
  const group = popup.getByRole('region', { name: 'Microsoft Intune' });
  // Every row comes, in order, and the list says it is still filling until then.
  await expect(group.getByRole('listitem')).toHaveCount(300);
  await expect(group).toHaveAttribute('aria-busy', 'false');
  await expect(group.locator('.cred__summary').nth(0)).toContainText('Bulk token 000');
  await expect(group.locator('.cred__summary').nth(299)).toContainText('Bulk token 299');
  // The row the popup was opened on is open and in view.
  const opened = popup.locator('#cred-bulk-250');
  await expect(opened.getByRole('region', { name: 'Details for Bulk token 250' })).toBeVisible();
  await expect(opened).toBeInViewport();
  // Searching finds a row of the last batch.
  await popup.getByRole('searchbox', { name: 'Search credentials' }).fill('token 287');
  await expect(popup.locator('.cred')).toHaveCount(1);
});
