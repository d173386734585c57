import type { Frame, Page } from '@playwright/test';
import { differenceInCalendarDays } from 'date-fns';
import type { Responses } from '../../lib/messages';
import { expect, fixture, sendFromPage, test, INTUNE_FRAMED, MAAS360_FRAMED } from './fixtures';

const INTUNE_PUSH = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';

/** The text a badge shows for a date, as the extension computes it today (en UI). */
function expiresText(y: number, m: number, d: number): string {
  const days = differenceInCalendarDays(new Date(y, m - 1, d), new Date());
  const rel = new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(days, 'day');
  return days < 0 ? `Expired ${rel}` : `Expires ${rel}`;
}

function badgeTexts(target: Page | Frame) {
  return target.locator('token-radar-badge .t').allTextContents();
}

test('a push certificate page gets a badge beside its expiry and a panel', async ({ context, serve }) => {
  await serve({ [INTUNE_PUSH]: { fixture: 'intune/push-certificate.en.html' } });
  const page = await context.newPage();
  await page.goto(INTUNE_PUSH);
  const badge = page.locator('token-radar-badge');
  await expect(badge).toHaveCount(1);
  await expect(badge.locator('.t')).toHaveText(expiresText(2027, 3, 14));
  // The badge sits inside the element the date was read from; the page's own text is intact.
  await expect(page.locator('dd', { has: badge })).toContainText('3/14/2027');
  await expect(badge).toHaveAttribute('title', `Token Radar: ${expiresText(2027, 3, 14)}`);

  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await expect(panel).toContainText('Apple credentials on this page: 1');
  const toggle = panel.getByRole('button', { name: 'Show details' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toContainText('Push certificate (APNs)');
  await expect(panel).toContainText('Topic: com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34');
  await expect(panel).toContainText('a new certificate means re-enrolling every device');
  // Escape inside the panel folds the details away; the focus is back on the button that opened them.
  await panel.getByRole('button', { name: 'Renew…' }).focus();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();

  // "Hide": the button is named by the word it shows. The panel folds to a tab at the edge, which has the focus.
  await panel.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect(badge).toHaveCount(1);
  const tab = page.getByRole('button', { name: 'Token Radar', exact: true });
  await expect(tab).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
});

test('badges appear inside an Intune reactblade frame', async ({ context, serve }) => {
  await serve(INTUNE_FRAMED.pages);
  const page = await context.newPage();
  await page.goto(INTUNE_FRAMED.url);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('token-radar-badge')).toHaveCount(3);
  const inner = page.frames().find((f) => f.url().includes('reactblade'))!;
  expect(await badgeTexts(inner)).toEqual([expiresText(2026, 12, 5), expiresText(2027, 6, 30), expiresText(2026, 10, 2)]);
  // The shell itself shows no credential: no badge, no panel there.
  await expect(page.locator('token-radar-badge')).toHaveCount(0);
});

test('badges appear inside the MaaS360 #Content iframe', async ({ context, serve }) => {
  await serve(MAAS360_FRAMED.pages);
  const page = await context.newPage();
  await page.goto(MAAS360_FRAMED.url);
  await expect(page.frameLocator('#Content').locator('token-radar-badge')).toHaveCount(2);
  const inner = page.frames().find((f) => f.url().endsWith('dep-tokens.html'))!;
  expect(await badgeTexts(inner)).toEqual([expiresText(2026, 12, 20), expiresText(2027, 4, 2)]);
});

test('a table rendered late (after 2 s) gets its badges', async ({ context, serve }) => {
  const grid = fixture('intune/ade-token-list.reactblade.en.html').match(/<body>([\s\S]*)<\/body>/)![1]!;
  const html = `<!doctype html><html lang="en"><head><title>Enrollment program tokens</title></head><body>
    <h1>Enrollment program tokens</h1><p id="loading">Loading…</p>
    <template id="late">${grid}</template>
    <script>setTimeout(() => { document.getElementById('loading').replaceWith(document.getElementById('late').content.cloneNode(true)); }, 2000);</script>
    </body></html>`;
  await serve({ 'https://intune.microsoft.com/late': html });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/late');
  await expect(page.locator('token-radar-badge')).toHaveCount(0);
  await expect(page.locator('token-radar-badge')).toHaveCount(3, { timeout: 10_000 });
});

test('a date changed inside a component’s shadow root is read again: its badge follows it', async ({ context, serve }) => {
  // The page's token list is a web component: its table lives in an open shadow root, which the
  // document's own changes never show. The reading layer watches the shadow roots it read, and
  // the page watcher hears their changes from it.
  const html = `<!doctype html><html lang="en"><head><title>Enrollment program tokens</title></head><body>
    <h1>Enrollment program tokens</h1><token-list></token-list>
    <script>
      customElements.define('token-list', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<table><thead><tr><th>Name</th><th>Apple ID</th><th>Expiration date</th></tr></thead>'
            + '<tbody><tr><td>Contoso Shadow Token</td><td>abm@contoso.example</td><td id="expiry">3/3/2027</td></tr></tbody></table>';
        }
      });
    </script>
    </body></html>`;
  await serve({ 'https://intune.microsoft.com/shadow': html });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/shadow');
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await expect.poll(() => badgeTexts(page)).toEqual([expiresText(2027, 3, 3)]);
  await page.evaluate(() => {
    document.querySelector('token-list')!.shadowRoot!.getElementById('expiry')!.textContent = '4/14/2027';
  });
  await expect.poll(() => badgeTexts(page)).toEqual([expiresText(2027, 4, 14)]);
});

test('single-page navigation moves the badges without duplicating them', async ({ context, serve }) => {
  const vpp = fixture('intune/vpp-token-list.fr.html').match(/<main>([\s\S]*)<\/main>/)![1]!;
  const ade = fixture('intune/ade-token-list.reactblade.en.html').match(/<body>([\s\S]*)<\/body>/)![1]!;
  const html = `<!doctype html><html lang="en"><head><title>Intune</title></head><body>
    <nav><button id="to-ade">ADE</button><button id="to-vpp">VPP</button><button id="noise">Noise</button></nav>
    <main id="view"></main>
    <template id="ade"><h1>Enrollment program tokens</h1>${ade}</template>
    <template id="vpp">${vpp.replace('Jetons VPP Apple', 'Apple VPP tokens')}</template>
    <script>
      const show = (id, path) => { history.pushState({}, '', path); document.getElementById('view').replaceChildren(document.getElementById(id).content.cloneNode(true)); };
      document.getElementById('to-ade').onclick = () => show('ade', '/#view/ade');
      document.getElementById('to-vpp').onclick = () => show('vpp', '/#view/vpp');
      document.getElementById('noise').onclick = () => { for (let i = 0; i < 50; i++) document.body.append(document.createElement('span')); };
    </script></body></html>`;
  await serve({ 'https://intune.microsoft.com/spa': html });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/spa');
  await page.click('#to-ade');
  await expect(page.locator('token-radar-badge')).toHaveCount(3);
  await page.click('#noise');
  await page.click('#noise');
  await page.waitForTimeout(800);
  await expect(page.locator('token-radar-badge')).toHaveCount(3);
  await page.click('#to-vpp');
  // fr dates on an en page: the column's own dates decide (14/01/2027 can only be day-first), so both are read.
  await expect(page.locator('token-radar-badge')).toHaveCount(2);
  await expect(page.locator('token-radar-badge').first()).toHaveAttribute('data-urgency', 'upcoming');
});

test('hostile text in a token name is shown as text, never run', async ({ context, serve }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  const html = fixture('intune/ade-token-list.reactblade.en.html').replace(
    'Old pilot token',
    hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
  );
  await serve({ 'https://intune.microsoft.com/hostile': html });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/hostile');
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await expect(panel.getByText(hostile, { exact: true })).toBeVisible();
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a long token list gets its badges as its rows scroll into view, and every row is read', async ({ context, serve, openPopup }) => {
  const rows = Array.from({ length: 120 }, (_, i) => `<tr><td>Long list token ${i}</td><td>abm${i}@contoso.example</td><td>${(i % 12) + 1}/14/2027</td></tr>`).join('');
  const html = `<!doctype html><html lang="en"><head><title>Enrollment program tokens</title></head><body>
    <h1>Enrollment program tokens</h1>
    <table><thead><tr><th>Name</th><th>Apple ID</th><th>Expiration date</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
  await serve({ 'https://intune.microsoft.com/long': html });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 600 });
  await page.goto('https://intune.microsoft.com/long');
  const badges = page.locator('token-radar-badge');
  // Only the rows in (or near) view have a badge: the others wait, so a long grid costs the page little.
  await expect(badges.first()).toBeVisible();
  const shown = await badges.count();
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(120);
  const last = page.locator('tr').filter({ hasText: 'Long list token 119' });
  await expect(last.locator('token-radar-badge')).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('token-radar-badge')).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'Token Radar' })).toContainText('Apple credentials on this page: 120');
  // The inventory got every row, not only those in view.
  const popup = await openPopup();
  await expect
    .poll(async () => {
      const answer = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
      return answer.credentials.filter((c) => c.name.startsWith('Long list token')).length;
    })
    .toBe(120);
});

test('a page’s own script cannot act through the overlay: only a person’s click or key press does', async ({ context, serve, openPopup }) => {
  await serve({ [INTUNE_PUSH]: { fixture: 'intune/push-certificate.en.html' } });
  const page = await context.newPage();
  await page.goto(INTUNE_PUSH);
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  const toggle = panel.getByRole('button', { name: 'Show details' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // The page's script reaches into the (open) shadow root and clicks: nothing happens.
  const scriptClick = (selector: string) =>
    page.evaluate((s) => (document.querySelector('token-radar-overlay')!.shadowRoot!.querySelector(s) as HTMLButtonElement).click(), selector);
  await scriptClick('[aria-controls="tr-panel-list"]');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(panel.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  // "Renew…" clicked by the page's script starts no guide; the admin's click does.
  const popup = await openPopup();
  const guide = () => popup.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('guide')).guide ?? null);
  await scriptClick('.tr-renew');
  // A person's click after it, answered by the page: had the script's click acted, its message would have gone first.
  await panel.getByRole('button', { name: 'Hide details' }).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await sendFromPage(popup, { type: 'ping' })).toMatchObject({ ok: true });
  expect(await guide()).toBeNull();
  await toggle.click();
  await panel.getByRole('button', { name: 'Renew…' }).click();
  await expect.poll(guide).toMatchObject({ status: 'active' });
});

test('"Don\'t show this panel on Microsoft Intune" is remembered across pages, keeps the badges, and the popup undoes it', async ({ context, serve, openPopup }) => {
  await serve({ 'https://intune.microsoft.com/': fixture('intune/push-certificate.en.html') });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade');
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await panel.getByRole('button', { name: 'Show details' }).click();
  await panel.getByRole('button', { name: "Don't show this panel on Microsoft Intune" }).click();
  await expect(panel).toHaveCount(0);
  // No tab either: the admin asked for nothing on this console. The badge stays.
  await expect(page.getByRole('button', { name: 'Token Radar', exact: true })).toHaveCount(0);
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('token-radar-badge')).toHaveCount(1);
  await expect(panel).toHaveCount(0);

  const popup = await openPopup();
  await expect(popup.getByText('The page panel is hidden on Microsoft Intune (badges still show).')).toBeVisible();
  await popup.getByRole('button', { name: 'Show it again on Microsoft Intune' }).click();
  await expect(popup.getByText('The page panel is hidden on')).toHaveCount(0);
  // The open console page follows at once.
  await expect(panel).toBeVisible();
});

test('the overlay looks like the console: a dark console page gets a dark panel and badges whatever the system setting', async ({ context, serve }) => {
  const dark = fixture('intune/push-certificate.en.html').replace('<body', '<body style="background:#1b1a19;color:#f3f2f1"');
  await serve({ 'https://intune.microsoft.com/': dark });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade');
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
  await expect(page.locator('token-radar-overlay')).toHaveAttribute('data-theme', 'dark');
  await expect(panel).toHaveCSS('background-color', 'rgb(31, 31, 36)');
  await expect(page.locator('token-radar-badge')).toHaveAttribute('data-theme', 'dark');
  // The same page, light: light.
  await serve({ 'https://intune.microsoft.com/': fixture('intune/push-certificate.en.html').replace('<body', '<body style="background:#ffffff"') });
  await page.reload();
  await expect(page.locator('token-radar-overlay')).toHaveAttribute('data-theme', 'light');
  await expect(panel).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});

test('a console page that shows no credential says quietly that it is watched; one whose credentials are in frames does not', async ({ context, serve }) => {
  await serve({ 'https://intune.microsoft.com/': '<!doctype html><html lang="en"><head><title>Home - Microsoft Intune admin center</title></head><body><h1>Home</h1><p>Tenant status: healthy.</p></body></html>' });
  const page = await context.newPage();
  await page.goto('https://intune.microsoft.com/#home');
  const note = page.getByRole('status').filter({ hasText: 'Token Radar is watching Microsoft Intune; no credential on this page.' });
  await expect(note).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Token Radar' })).toHaveCount(0);
  await page.locator('token-radar-overlay').getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(note).toHaveCount(0);

  // Intune's blades: the credentials are read in the frame, which has its own panel; the top page says nothing.
  await serve(INTUNE_FRAMED.pages);
  const framed = await context.newPage();
  await framed.goto(INTUNE_FRAMED.url);
  await expect(framed.frameLocator('iframe').locator('token-radar-badge')).toHaveCount(3);
  // An absence: given the time the top page's own scan takes (its idle callback waits at most 1 s).
  await framed.waitForTimeout(2000);
  await expect(framed.getByText('Token Radar is watching')).toHaveCount(0);
});

test('the panel covers nothing but its own boxes: a page that asks whether its button is seen (trackVisibility) is told it is', async ({ context, serve }) => {
  await serve({ [INTUNE_PUSH]: { fixture: 'intune/push-certificate.en.html' } });
  const page = await context.newPage();
  await page.goto(INTUNE_PUSH);
  await expect(page.getByRole('complementary', { name: 'Token Radar' })).toBeVisible();
  // Sign-in and payment frames refuse clicks on a control that something is drawn over.
  const seen = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const button = document.createElement('button');
        button.textContent = 'Pay';
        button.style.cssText = 'position:fixed;top:8px;left:8px';
        document.body.append(button);
        const io = new IntersectionObserver((entries) => {
          io.disconnect();
          resolve((entries[0] as IntersectionObserverEntry & { isVisible: boolean }).isVisible);
        }, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
        io.observe(button);
      }),
  );
  expect(seen).toBe(true);
  // And the panel itself is seen and takes clicks.
  await page.getByRole('complementary', { name: 'Token Radar' }).getByRole('button', { name: 'Show details' }).click();
  await expect(page.getByRole('complementary', { name: 'Token Radar' }).getByRole('button', { name: 'Hide details' })).toBeVisible();
});
