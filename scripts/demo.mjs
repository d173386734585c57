#!/usr/bin/env node
// npm run demo [-- --headless] [--screenshots <dir>] [--no-build]
//
// Builds Token Radar, starts Chromium with it loaded and serves demo console pages under the
// consoles' real addresses (requests are answered locally, nothing reaches Microsoft, IBM or
// Apple), so the real content scripts run on them. Every demo page carries a banner saying it
// is sample data. With a display a window opens; without one (or with --headless) it writes
// screenshots of each page and of the popup.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addDays, format } from 'date-fns';
import { extensionWorker, grantHosts, isolateNetwork, launchWithExtension, servePages } from './browser.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = flag('--headless') || noDisplay;
const screenshotDir = option('--screenshots', headless ? 'demo-screenshots' : undefined);

/**
 * The demo pages: the test fixtures, served under the consoles' addresses, with their dates
 * moved relative to today (so the samples sit at the same urgencies every day) and the
 * sample organisations renamed so nobody mistakes them for real data.
 * `dates` maps a date as written in the fixture to [days from today, how the page writes dates].
 */
const pages = [
  { url: 'https://intune.microsoft.com/?demo=push#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade', fixture: 'intune/push-certificate.en.html', style: 'intune', title: 'Intune: Apple MDM push certificate (12 days left)',
    dates: { '3/14/2027': [12, 'M/d/yyyy'], '3/14/2026': [-353, 'M/d/yyyy'] }, text: { '<dd>112</dd>': '<dd>12</dd>' } },
  { url: 'https://intune.microsoft.com/?demo=ade#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment', fixture: 'intune/shell.reactblade.html', style: 'intune', title: 'Intune: enrollment program tokens in a reactblade frame' },
  { url: 'https://intunedevicesettings.reactblade.portal.azure.net/Content/Dynamic/ade-tokens.html?l=en.en-us&trustedAuthority=https%3A%2F%2Fintune.microsoft.com', fixture: 'intune/ade-token-list.reactblade.en.html', style: 'intune', frame: true,
    dates: { '12/5/2026': [5, 'M/d/yyyy'], '6/30/2027': [220, 'M/d/yyyy'], '10/2/2026': [-3, 'M/d/yyyy'] } },
  { url: 'https://intune.microsoft.com/?demo=vpp#view/Microsoft_Intune_DeviceSettings/TenantAdminConnectorsMenu/~/appleVpp', fixture: 'intune/vpp-token-list.fr.html', style: 'intune', title: 'Intune (français): jetons VPP Apple, one taken over by another MDM',
    dates: { '14/01/2027': [45, 'dd/MM/yyyy'], '02/12/2026': [160, 'dd/MM/yyyy'] }, text: { '22:06</td><td>Valide</td>': '22:06</td><td>Affecté à une gestion MDM externe</td>' } },
  { url: 'https://m3.maas360.com/emc/', fixture: 'maas360/shell.html', style: 'maas360', title: 'MaaS360: DEP tokens in the #Content frame' },
  { url: 'https://m3.maas360.com/emc/content/dep-tokens.html', fixture: 'maas360/dep-tokens.en.html', style: 'maas360', frame: true,
    dates: { '12/20/2026 10:15': [25, 'MM/dd/yyyy'], '04/02/2027 08:30': [300, 'MM/dd/yyyy'] } },
  { url: 'https://business.apple.com/#/main/preferences/mdmservers', fixture: 'abm/mdm-servers.en.html', style: 'apple', title: 'Apple Business Manager: Your MDM Servers',
    dates: { 'Dec 5, 2026': [5, 'MMM d, yyyy'], 'Jun 30, 2027': [220, 'MMM d, yyyy'] } },
  { url: 'https://identity.apple.com/pushcert/', fixture: 'apple-push/certificates.en.html', style: 'apple', title: 'Apple Push Certificates Portal',
    dates: { 'Mar 14, 2027': [12, 'MMM d, yyyy'], 'Jan 3, 2026': [-40, 'MMM d, yyyy'] } },
  // Consoles the admin turns on: Jamf Cloud by its switch, CLOMO PANEL at its own address (added in the settings page below).
  { url: 'https://demo.jamfcloud.com/pushNotificationCertificate.html?id=1&o=r', fixture: 'jamf/push-certificate.en.html', style: 'jamf', title: 'Jamf Pro (Jamf Cloud, turned on in the settings): push certificate',
    dates: { '2027-03-14 10:02:11': [48, 'yyyy-MM-dd HH:mm:ss'], '2026-03-14 10:05:40': [-317, 'yyyy-MM-dd HH:mm:ss'] } },
  { url: 'https://clomo.demo.example/home', fixture: 'clomo/home.ja.html', style: 'clomo', title: 'CLOMO PANEL (added at its own address): HOME',
    dates: { '2026/11/10': [-6, 'yyyy/MM/dd'], '2027/01/28': [40, 'yyyy/MM/dd'] } },
];

/** Optional consoles the demo turns on through the settings page, as an admin would. */
const ADDED = { jamf: 'https://*.jamfcloud.com/*', clomo: 'https://clomo.demo.example' };

/** Sample organisations in the fixtures, renamed for the demo. */
const RENAME = { 'Contoso Fixture Ltd': 'Demo Org (sample data)', 'contoso.example': 'demo.example', 'fabrikam.example': 'demo.example', Contoso: 'Demo', Fabrikam: 'DemoCorp' };

const today = new Date();
const banner =
  '<div role="note" style="position:sticky;top:0;z-index:10;background:#fff3cd;color:#3d2e00;border-bottom:2px solid #b58900;' +
  'padding:6px 12px;font:600 13px system-ui,sans-serif">DEMO: a page made by Token Radar with sample data. This is not a real console.</div>';

function render(page) {
  let html = readFileSync(resolve(root, 'tests/fixtures/pages', page.fixture), 'utf8');
  for (const [from, [days, pattern]] of Object.entries(page.dates ?? {})) {
    // Keys may carry a time after the date, to tell apart two dates of the same day.
    const date = format(addDays(today, days), pattern);
    html = html.replaceAll(from, pattern.includes(' ') ? date : from.replace(/^\S+/, date));
  }
  for (const [from, to] of Object.entries({ ...RENAME, ...(page.text ?? {}) })) html = html.replaceAll(from, to);
  const css = readFileSync(resolve(root, 'demo/styles', `${page.style}.css`), 'utf8');
  return html.replace('</head>', `<style>${css}</style>\n</head>`).replace('<body>', `<body>\n${banner}`);
}

function build() {
  console.log('Building the extension (wxt build)…');
  execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: root, stdio: 'inherit' });
}

async function main() {
  if (!flag('--no-build')) build();
  const extensionDir = resolve(root, '.output/chrome-mv3');
  const userDataDir = headless ? mkdtempSync(join(tmpdir(), 'token-radar-demo-')) : resolve(root, '.demo-profile');
  if (noDisplay && !flag('--headless')) console.log('No display found: running headless and writing screenshots instead of opening a window.');

  // The browser asks the admin before reading an optional console; the demo records that grant
  // in its profile the way the browser does when the admin accepts, then uses the settings page.
  await grantHosts({ extensionDir, userDataDir, origins: [ADDED.jamf, `${ADDED.clomo}/*`] });
  const context = await launchWithExtension({ extensionDir, headless, userDataDir, viewport: { width: 1280, height: 800 } });
  await isolateNetwork(context);
  const served = {};
  for (const p of pages) served[p.url] = render(p);
  await servePages(context, served);

  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // Jamf Pro is the first console with a switch (the list's order); labels follow the UI language.
  const jamfSwitch = options.getByRole('switch').first();
  if (!(await jamfSwitch.isChecked())) {
    await jamfSwitch.click();
    await options.getByRole('switch', { checked: true }).first().waitFor();
  }
  if ((await options.locator('.added-consoles li', { hasText: ADDED.clomo }).count()) === 0) {
    const form = options.locator('form.add-console');
    await form.locator('select').selectOption('clomo');
    await form.locator('input[type="text"]').fill(ADDED.clomo);
    await form.getByRole('button').click();
    await options.locator('.added-consoles li', { hasText: ADDED.clomo }).waitFor();
  }
  await options.close();
  // The page a fresh install opens (the demo's profile was installed by grantHosts' first run).
  const welcome = await context.newPage();
  await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
  await welcome.getByRole('checkbox').first().check();
  const opened = [];
  for (const p of pages.filter((p) => !p.frame)) {
    const page = await context.newPage();
    await page.goto(p.url);
    opened.push({ page, ...p });
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);

  if (screenshotDir) {
    mkdirSync(screenshotDir, { recursive: true });
    await new Promise((r) => setTimeout(r, 1500)); // let the content scripts render their overlays
    const first = join(screenshotDir, '00-welcome.png');
    await welcome.screenshot({ path: first, fullPage: true });
    console.log(`  wrote ${first}`);
    let n = 1;
    for (const { page, fixture } of opened) {
      // Open the panel where the page has one, so the screenshot shows what it says.
      const toggle = page.locator('token-radar-overlay button[aria-expanded="false"]');
      if (await toggle.count()) await toggle.first().click();
      const out = join(screenshotDir, `${String(n++).padStart(2, '0')}-${fixture.replace(/\.html$/, '').replace('/', '-')}.png`);
      await page.screenshot({ path: out });
      console.log(`  wrote ${out}`);
    }
    const out = join(screenshotDir, `${String(n).padStart(2, '0')}-popup.png`);
    await popup.screenshot({ path: out });
    console.log(`  wrote ${out}`);
    await storeShots(context, extensionId, opened, join(screenshotDir, 'store'));
  }

  if (headless) {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    console.log(`Demo done. Screenshots are in ${resolve(screenshotDir)}.`);
    return;
  }
  console.log('\nToken Radar demo is running. Tabs:');
  for (const p of opened) console.log(`  - ${p.title}`);
  console.log('Click the Token Radar icon in the toolbar (puzzle-piece menu) for the popup. Close the window to end the demo.');
  await new Promise((resolveClose) => context.on('close', resolveClose));
}

/** A content token as Apple's download is made (base64 of JSON), with sample data: for the file check's screenshot. */
function sampleVppToken() {
  const json = JSON.stringify({ token: 'DEMO-NOT-A-REAL-TOKEN', expDate: `${format(addDays(today, 365), 'yyyy-MM-dd')}T10:00:00+0000`, orgName: 'Demo Org (sample data)' });
  return Buffer.from(Buffer.from(json).toString('base64'));
}

/**
 * The store listing's screenshots, 1280×800 as the stores ask: what expires next (the popup's
 * list on a plain page), a guided renewal on a console page, and a file checked before upload.
 */
async function storeShots(context, extensionId, opened, dir) {
  mkdirSync(dir, { recursive: true });
  const shot = async (page, name) => {
    const path = join(dir, name);
    await page.screenshot({ path });
    console.log(`  wrote ${path}`);
  };
  const list = await context.newPage();
  await list.setViewportSize({ width: 1280, height: 800 });
  await list.goto(`chrome-extension://${extensionId}/popup.html`);
  await list.locator('.cred').first().waitFor();
  // The popup as it opens from the toolbar: its own width, on a plain backdrop.
  await list.addStyleTag({ content: 'html{background:#e8eaf0} body{background:transparent} .popup{width:440px;margin:24px auto;background:var(--bg);border-radius:12px;box-shadow:0 8px 32px rgb(0 0 0/.25)}' });
  await shot(list, '1-what-expires-next.png');

  // A guided renewal: the push certificate of the Intune page, started as the popup's Renew… does.
  const intune = opened.find((p) => p.fixture === 'intune/push-certificate.en.html')?.page;
  if (intune) {
    await intune.bringToFront();
    const started = await list.evaluate(async () => {
      const chromeApi = globalThis.chrome;
      const answer = await chromeApi.runtime.sendMessage({ type: 'list' });
      const push = answer.credentials.find((c) => c.kind === 'apns' && c.console === 'intune');
      return push ? (await chromeApi.runtime.sendMessage({ type: 'guide-start', credentialId: push.id })).ok : false;
    });
    if (started) {
      await intune.locator('token-radar-overlay .tr-guide').waitFor();
      await shot(intune, '2-guided-renewal.png');
    }
  }

  // A file checked before it is uploaded: a content token, read on the machine.
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 800 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const drop = options.locator('input[type="file"]').first();
  await drop.setInputFiles({ name: 'sToken_for_Demo_Org.vpptoken', mimeType: 'application/octet-stream', buffer: sampleVppToken() });
  const result = options.locator('.file-check .file-result').first();
  await result.waitFor({ timeout: 5000 }).catch(() => undefined);
  await options.locator('.file-check').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(options, '3-file-check.png');
  await list.close();
  await options.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
