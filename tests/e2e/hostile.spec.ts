/**
 * Hostile text all the way through (#9): 60 payloads shown by a console page as token names and
 * Apple IDs travel page -> overlay -> inventory -> popup -> notifications -> CSV, ICS and JSON, and
 * back in by import. Nothing runs, every text is shown as text, no export line or cell can be
 * turned into a formula or a calendar property, and the JSON backup restores as it was.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import type { Responses } from '../../lib/messages';
import { parseImport } from '../../lib/export/json';
import { expect, notificationIds, sendFromPage, test } from './fixtures';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '<svg onload="window.__pwned=1">',
  '<iframe src="javascript:window.__pwned=1">',
  '"><img src=x onerror=window.__pwned=1>',
  "'><script>window.__pwned=1</script>",
  '<a href="javascript:window.__pwned=1">click</a>',
  '<math><mi xlink:href="javascript:window.__pwned=1">x</mi></math>',
  '<details open ontoggle="window.__pwned=1">',
  '<body onload="window.__pwned=1">',
  '<style>@import "https://evil.example/x.css";</style>',
  '</style><script>window.__pwned=1</script>',
  '<template><img src=x onerror=window.__pwned=1></template>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="javascript:window.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="https://evil.example/">',
  '<form action="javascript:window.__pwned=1"><button>x</button></form>',
  '<input autofocus onfocus="window.__pwned=1">',
  '<video><source onerror="window.__pwned=1"></video>',
  'javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '#{window.__pwned=1}',
  '<%= window.__pwned=1 %>',
  '&lt;img src=x onerror=window.__pwned=1&gt;',
  '&#60;script&#62;window.__pwned=1&#60;/script&#62;',
  '=HYPERLINK("https://evil.example","click")',
  '=cmd|" /C calc"!A0',
  '+cmd|" /C calc"!A0',
  '-cmd|" /C calc"!A0',
  '@SUM(A1:A9)',
  '=1+1',
  '\tTabbed =SUM(A1)',
  'Quote " inside "" twice',
  'Comma, semicolon; pipe | done',
  'Line\\nbreak\\r\\nescaped',
  'ICS; ATTENDEE:mailto:evil@example.com',
  'SUMMARY:Injected',
  'END:VEVENT',
  'BEGIN:VALARM',
  'back\\slash \\, \\; \\n',
  '\u202Eevil.exe\u202C reversed',
  'zero\u200Bwidth\u200Djoiner\uFEFF',
  'bidi \u2066isolate\u2069 and \u200Fmark',
  'Ｆｕｌｌｗｉｄｔｈ ＜ｓｃｒｉｐｔ＞',
  'Emoji 🔥💣 token',
  'RTL עברית العربية token',
  'CJK 東京の学校 トークン',
  '%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  '\\u003cscript\\u003e',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'A'.repeat(600) + '<script>window.__pwned=1</script>',
  'Name with trailing spaces   ',
];

const URL_ = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/VppTokens';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const label = (p: string, i: number) => `${p} #${i}`;
/** What the page shows (whitespace collapsed, as a reader of the page sees it), clipped as the inventory keeps it. */
const shown = (p: string, i: number) => label(p, i).replace(/\s+/g, ' ').trim().slice(0, 200);

function page(): string {
  const rows = PAYLOADS.map((p, i) => {
    const expires = format(addDays(new Date(), 2 + i * 3), 'M/d/yyyy');
    // Every fifth Apple ID cell carries the payload around the address.
    const appleId = i % 5 === 0 ? `${esc(p)} ops+${i}@evil.example` : `vpp${i}@contoso.example`;
    return `<tr><td>${esc(label(p, i))}</td><td>${appleId}</td><td>${expires}</td><td>Active</td></tr>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><title>Apple VPP tokens - Microsoft Intune admin center</title></head><body>
    <h1>Apple VPP tokens</h1>
    <table><thead><tr><th>Token name</th><th>Apple ID</th><th>Expiration date</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}

async function download(where: Page, button: string): Promise<string> {
  const [file] = await Promise.all([where.waitForEvent('download'), where.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

const pwned = (where: Page) => where.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
const injected = 'img, script, svg, iframe, object, embed, math, details, video, form, input, base, meta, template';

test(`${PAYLOADS.length} hostile names and Apple IDs travel page, overlay, popup, notifications and exports as text`, async ({ context, serve, openPopup, openOptions }) => {
  test.setTimeout(120_000);
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  await serve({ [URL_]: page() });
  const console_ = await context.newPage();
  await console_.goto(URL_);

  // The overlay: every row read, every name shown as text in the panel, nothing run.
  const panel = console_.getByRole('complementary', { name: 'Token Radar' });
  await expect(panel).toContainText(`Apple credentials on this page: ${PAYLOADS.length}`);
  await panel.getByRole('button', { name: 'Show details' }).click();
  for (const i of [0, 1, 4, 28, 38, 58]) await expect(panel).toContainText(shown(PAYLOADS[i]!, i).slice(2, 60));
  const overlayElements = await console_.evaluate((selector) => {
    let n = 0;
    for (const host of Array.from(document.querySelectorAll('*'))) {
      if (!host.shadowRoot || !host.tagName.toLowerCase().startsWith('token-radar')) continue;
      n += host.shadowRoot.querySelectorAll(selector).length;
      // Our own style sheets only: none carries a page's text.
      n += Array.from(host.shadowRoot.querySelectorAll('style')).filter((st) => /evil|pwned/.test(st.textContent ?? '')).length;
    }
    return n;
  }, injected);
  expect(overlayElements).toBe(0);
  expect(await pwned(console_)).toBeUndefined();

  // The inventory holds every name as shown (clipped to 200 characters), the popup shows them as text.
  const popup = await openPopup();
  const names = async () => {
    const answer = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
    return answer.credentials;
  };
  await expect.poll(async () => (await names()).length, { timeout: 20_000 }).toBe(PAYLOADS.length);
  const stored = await names();
  // Each name is the text the page showed, as text (quotes around a name are not part of it).
  const nameOf = (i: number) => stored.find((c) => (i === 58 ? c.name.startsWith('AAAA') : c.name.endsWith(` #${i}`)))!.name;
  for (let i = 0; i < PAYLOADS.length; i++) {
    if (i === 58) continue;
    expect(shown(PAYLOADS[i]!, i), String(i)).toContain(nameOf(i).replace(/^[\s"'“”‘’]+/, ''));
  }
  // A 600-character name is kept short, marked as cut, without its script.
  expect(nameOf(58)).toMatch(/^A{100,199}…?$/);
  expect(nameOf(58).length).toBeLessThanOrEqual(200);
  // An Apple ID is the address alone: the text around it on the page is not kept.
  for (let i = 0; i < PAYLOADS.length; i += 5) expect(stored.find((c) => c.name === nameOf(i))!.appleId, String(i)).toBe(`ops+${i}@evil.example`);
  await popup.reload();
  await expect(popup.locator('.cred')).toHaveCount(PAYLOADS.length);
  for (const i of [0, 2, 20, 22, 29]) await expect(popup.getByText(nameOf(i), { exact: true })).toBeVisible();
  expect(await popup.locator(`.creds :is(${injected})`).count()).toBe(0);
  expect(await pwned(popup)).toBeUndefined();

  // Notifications: the check raises them for the names due soon, and the worker keeps answering.
  await sendFromPage(popup, { type: 'check' });
  await expect.poll(async () => (await notificationIds(context)).length).toBeGreaterThan(0);
  expect(await sendFromPage(popup, { type: 'ping' })).toMatchObject({ ok: true });

  // The exports.
  const options = await openOptions();
  const csv = await download(options, 'Spreadsheet (CSV)');
  // No cell can start a formula: = + - @ tab and return are quoted behind an apostrophe.
  expect(csv).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
  for (const i of [28, 29, 30, 31, 32, 33]) expect(csv).toContain(`"'${nameOf(i).replace(/"/g, '""')}"`);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(PAYLOADS.length + 1);

  const ics = await download(options, 'Calendar (.ics)');
  // Every line is a property we write or a folded continuation: nothing injected a property.
  expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  const lines = ics.split('\r\n').filter(Boolean);
  for (const line of lines) expect(line, line).toMatch(/^( |(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|X-WR-TIMEZONE|UID|DTSTAMP|DTSTART|DTEND|SUMMARY|DESCRIPTION|URL|CATEGORIES|STATUS|TRANSP|TRIGGER|ACTION|X-[A-Z-]+)[;:])/);
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(PAYLOADS.length);
  expect(ics).not.toMatch(/\r\nATTENDEE/);

  const json = await download(options, 'Inventory (JSON)');
  const parsed = parseImport(json);
  expect(parsed.ok && parsed.credentials.map((c) => c.name).sort()).toEqual(stored.map((c) => c.name).sort());
  // Restored on top of itself: every credential as it was.
  await options.getByLabel('Choose a JSON export').setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(options.getByRole('status').filter({ hasText: `Imported ${PAYLOADS.length} credentials.` })).toBeVisible();
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  expect((await names()).sort(byId)).toEqual([...stored].sort(byId));
  expect(await pwned(options)).toBeUndefined();
});
