/**
 * First run: installing Token Radar opens the welcome page, in the browser's language; it shows
 * where each console the admin ticks keeps its Apple credentials, with links where the address
 * is the same for everyone, and which consoles must be turned on first. The popup and the
 * settings lead back to it.
 */
import { expect, test } from './fixtures';
import { welcomePage } from '../../scripts/browser.mjs';

test.describe('installed in English', () => {
  test.use({ welcome: 'keep' });

  test('installing opens the welcome page; ticking a console shows its pages, and those to turn on first say so', async ({ context, extensionId }) => {
    const page = (await welcomePage(context))!;
    expect(page, 'the welcome page opened on install').not.toBeNull();
    expect(page.url()).toBe(`chrome-extension://${extensionId}/welcome.html`);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Token Radar' })).toBeVisible();
    await expect(page).toHaveTitle('Welcome to Token Radar');

    // Nothing is listed for a console until it is ticked; the keyboard reaches the boxes.
    const intune = page.getByRole('checkbox', { name: 'Microsoft Intune' });
    await expect(page.getByText('Tenant administration > Connectors and tokens > Apple VPP tokens')).toHaveCount(0);
    await intune.focus();
    await page.keyboard.press('Space');
    await expect(intune).toBeChecked();
    await expect(page.getByText('Tenant administration > Connectors and tokens > Apple VPP tokens')).toBeVisible();
    const open = page.getByRole('link', { name: 'Open Tenant administration > Connectors and tokens > Apple VPP tokens in Microsoft Intune' });
    await expect(open).toHaveAttribute('href', /^https:\/\/intune\.microsoft\.com\/#view\/.*appleVpp$/);
    await expect(open).toHaveAttribute('target', '_blank');
    // Intune is read wherever Token Radar is installed: nothing to turn on.
    await expect(page.locator('#places-intune')).not.toContainText('turn it on first');

    // Jamf Pro runs at the customer's own address: turn it on first, in the settings.
    await page.getByRole('checkbox', { name: 'Jamf Pro' }).check();
    const jamf = page.locator('#places-jamf');
    await expect(jamf).toContainText('Jamf Pro is read only where you allow it: turn it on first');
    await expect(jamf).toContainText('Settings > Global > Push Certificates');
    await expect(jamf.getByRole('link', { name: 'Consoles you use…' })).toHaveAttribute('href', `chrome-extension://${extensionId}/options.html#consoles`);
    // A console whose pages nobody has published: said, not made up.
    await page.getByRole('checkbox', { name: 'Mosyle' }).check();
    await expect(page.locator('#places-mosyle')).toContainText('Open the page of Mosyle that lists its Apple push certificate and tokens');
    // Unticked: gone again.
    await intune.uncheck();
    await expect(page.getByText('Tenant administration > Connectors and tokens > Apple VPP tokens')).toHaveCount(0);

    // Apple's sites are always listed, with their addresses.
    await expect(page.getByRole('link', { name: 'Open Certificates for Third-Party Servers in Apple Push Certificates Portal' })).toHaveAttribute('href', 'https://identity.apple.com/pushcert/');
    await expect(page.getByRole('heading', { name: '4. What stays on this computer' })).toBeVisible();

    // The settings' link to the consoles lands on that section.
    await jamf.getByRole('link', { name: 'Consoles you use…' }).click();
    await expect(page).toHaveURL(/options\.html#consoles$/);
    await expect(page.getByRole('heading', { name: 'Consoles you use' })).toBeInViewport();
  });

  test('the popup with nothing in it, and the settings, lead to the welcome page', async ({ context, openPopup, openOptions, extensionId }) => {
    await (await welcomePage(context))?.close();
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: 'No credentials yet' })).toBeVisible();
    await expect(popup.getByRole('link', { name: 'Getting started' })).toHaveAttribute('href', `chrome-extension://${extensionId}/welcome.html`);
    const options = await openOptions();
    await options.getByRole('link', { name: 'Getting started' }).click();
    await expect(options.getByRole('heading', { level: 1, name: 'Welcome to Token Radar' })).toBeVisible();
  });
});

test.describe('installed in French', () => {
  test.use({ welcome: 'keep', locale: 'fr' });

  test('the welcome page speaks the browser’s language; the console’s own menu names stay as it shows them', async ({ context }) => {
    const page = (await welcomePage(context))!;
    await expect(page.getByRole('heading', { level: 1, name: 'Bienvenue dans Token Radar' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await page.getByRole('checkbox', { name: 'IBM MaaS360' }).check();
    await expect(page.locator('#places-maas360')).toContainText('Setup > Services > Mobile Device Management > APNS Certificate');
    await expect(page.getByRole('heading', { name: '3. Et ensuite' })).toBeVisible();
  });
});
