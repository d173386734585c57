/**
 * The overlay never covers what the admin must see. For every guided step's fixture page (the
 * same table guide.test.ts finds each step's control with), the guide is put at that step, the
 * page is loaded under its console's address, and the boxes are measured in the browser: the
 * guide card, the panel (or the tab they fold to), the callout, against the highlighted control,
 * the controls a guard warns about and their notes. In a large window and a small one, as the
 * page loads and with the control scrolled to the middle ("Show me"). Notes stay one line.
 *
 * One browser for the whole file (a worker fixture), with the optional consoles' hosts granted
 * the way sites.spec.ts grants them (the profile's record of an admin accepting the prompt).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { grantHosts, isolateNetwork, launchWithExtension, servePages } from '../../scripts/browser.mjs';
import { FLOWS } from '../../lib/guide/flows';
import type { GuideState } from '../../lib/guide/machine';
import type { Responses } from '../../lib/messages';
import { STEP_PAGES } from '../fixtures/step-pages';
import { extensionDir, fixture, fixturesDir, sendFromPage } from './fixtures';

const GRANTED = ['https://*.jamfcloud.com/*', 'https://jamf.contoso.example/*', 'https://mdm.contoso.example/*'];

const test = base.extend<object, { shared: { context: BrowserContext; extension: Page } }>({
  shared: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'tr-place-'));
      const id = await grantHosts({ extensionDir, userDataDir: dir, origins: GRANTED });
      const context = await launchWithExtension({ extensionDir, headless: true, userDataDir: dir, locale: 'en-US' });
      await isolateNetwork(context);
      const extension = await context.newPage();
      await extension.goto(`chrome-extension://${id}/popup.html`);
      for (const m of [
        { type: 'consoles-enable', console: 'jamf', on: true },
        { type: 'consoles-add', console: 'jamf', origin: 'https://jamf.contoso.example:8443' },
        { type: 'consoles-add', console: 'clomo', origin: 'https://mdm.contoso.example' },
      ]) {
        expect(await sendFromPage<{ ok: boolean }>(extension, m), JSON.stringify(m)).toMatchObject({ ok: true });
      }
      await use({ context, extension });
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

/** Puts the guide at `stepId` for a credential like the one the fixture shows, through the worker's own messages. */
async function guideAt(extension: Page, stepId: string, guide: { name: string; topic?: string }): Promise<void> {
  const flow = FLOWS.find((f) => f.steps.some((s) => s.id === stepId))!;
  // Its expiry is later than any the fixtures show: no page makes the guide think it is renewed.
  const fields = { kind: flow.kind, name: guide.name, expiresOn: '2030-01-01', console: flow.console, ...(guide.topic ? { topic: guide.topic } : {}) };
  const saved = await sendFromPage<Responses['save']>(extension, { type: 'save', fields });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  if (!saved.ok) return;
  let answer = await sendFromPage<Responses['guide-start']>(extension, { type: 'guide-start', credentialId: saved.id });
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  let state: GuideState | null = answer.ok ? answer.state : null;
  while (state && state.steps[state.step]!.id !== stepId) {
    const moved = await sendFromPage<Responses['guide-action']>(extension, { type: 'guide-action', action: { type: 'skip' } });
    state = moved.ok ? moved.state : null;
  }
  expect(state?.steps[state.step]?.id).toBe(stepId);
}

type Rect = { top: number; left: number; width: number; height: number; what: string };

/** Every overlap between the overlay's boxes and what they must leave visible; and notes taller than one line. */
function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rect = (el: Element, what: string): Rect => {
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, height: r.height, what };
    };
    const visible = (r: Rect) => r.width > 0 && r.height > 0 && r.top < innerHeight && r.left < innerWidth && r.top + r.height > 0 && r.left + r.width > 0;
    const meet = (a: Rect, b: Rect) => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
    const root = document.querySelector('token-radar-overlay')?.shadowRoot;
    if (!root) return ['no overlay'];
    const ring = root.querySelector('.tr-highlight__ring');
    const callout = root.querySelector<HTMLElement>('.tr-highlight__callout');
    const keep: Rect[] = [];
    if (ring) keep.push(rect(ring, 'the highlighted control'));
    for (const note of Array.from(document.querySelectorAll('token-radar-note'))) {
      keep.push(rect(note, `the note "${note.shadowRoot?.textContent?.slice(0, 40)}"`));
      if (note.previousElementSibling) keep.push(rect(note.previousElementSibling, `the control "${note.previousElementSibling.textContent?.trim().slice(0, 30)}" a guard warns about`));
    }
    const ours: Rect[] = Array.from(root.querySelector('.tr-stack')?.children ?? []).map((el) => rect(el, `the overlay's ${el.className}`));
    if (callout && ring && getComputedStyle(callout).visibility !== 'hidden') ours.push(rect(callout, 'the callout'));
    const out: string[] = [];
    for (const a of ours.filter(visible)) for (const b of keep.filter(visible)) if (meet(a, b)) out.push(`${a.what} covers ${b.what}`);
    for (const note of Array.from(document.querySelectorAll('token-radar-note'))) {
      const r = note.getBoundingClientRect();
      if (r.height > 30) out.push(`a note is ${Math.round(r.height)} px tall (more than one line)`);
    }
    return out;
  });
}

/**
 * What problems() finds once the overlay has settled: the same findings, corner and notes on
 * three readings in a row (notes arrive in idle time after the scan, and a box that hops between
 * corners would never settle).
 */
async function settled(page: Page): Promise<string[]> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 60 && same < 3; i++) {
    const state = await page.evaluate(() => {
      const stack = document.querySelector('token-radar-overlay')?.shadowRoot?.querySelector('.tr-stack');
      return { corner: stack?.getAttribute('data-corner'), folded: stack?.getAttribute('data-folded'), notes: document.querySelectorAll('token-radar-note').length };
    });
    const key = JSON.stringify({ state, problems: await problems(page) });
    same = key === last ? same + 1 : 0;
    last = key;
    await page.waitForTimeout(120);
  }
  expect(same, 'the overlay settles').toBe(3);
  return (JSON.parse(last) as { problems: string[] }).problems;
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 560 },
];

for (const [stepId, pages] of Object.entries(STEP_PAGES)) {
  for (const [file, guide] of pages) {
    const { url } = JSON.parse(readFileSync(resolve(fixturesDir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string };
    test(`${stepId} on ${file}${guide.topic ? ` (${guide.topic.slice(-4)})` : ''}: nothing it must show is covered`, async ({ shared: { context, extension } }) => {
      await servePages(context, { [url]: fixture(file) });
      await guideAt(extension, stepId, guide);
      const page = await context.newPage();
      try {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          await page.goto(url);
          const overlay = page.locator('token-radar-overlay');
          await expect(overlay.locator('.tr-guide, .tr-tab').first()).toBeVisible();
          expect(await settled(page), `${size.width}×${size.height}, as loaded`).toEqual([]);
          // "Show me" (the guide found the control, so it is outlined): the control in the middle of the window.
          const showMe = overlay.getByRole('button', { name: 'Show me' });
          if (await showMe.isVisible()) {
            await expect(overlay.locator('.tr-highlight__ring')).toHaveCount(1);
            await showMe.click();
            expect(await settled(page), `${size.width}×${size.height}, after "Show me"`).toEqual([]);
          }
        }
      } finally {
        await page.close();
      }
    });
  }
}

test('the admin docks the panel by dragging it or with the arrow keys, and it stays there on that console', async ({ shared: { context, extension } }) => {
  await sendFromPage(extension, { type: 'guide-action', action: { type: 'cancel' } });
  const url = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
  await servePages(context, { [url]: fixture('intune/push-certificate.en.html') });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url);
  const stack = page.locator('token-radar-overlay .tr-stack');
  const panel = page.getByRole('complementary', { name: 'Token Radar' });
  await expect(panel).toBeVisible();
  await expect(stack).toHaveAttribute('data-corner', 'bottom-right');

  // Dragged by its handle to the top left of the window, it docks there.
  const grip = panel.getByRole('button', { name: 'Move Token Radar' });
  await expect(grip).toHaveAttribute('title', /arrow key/);
  const from = (await grip.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(300, 200, { steps: 8 });
  await page.mouse.up();
  await expect(stack).toHaveAttribute('data-corner', 'top-left');
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeLessThan(40);
  expect(box.y).toBeLessThan(40);

  // Remembered on this console: the next visit opens it there.
  await page.reload();
  await expect(panel).toBeVisible();
  await expect(stack).toHaveAttribute('data-corner', 'top-left');

  // The keyboard: an arrow moves it to the corner it points at, and the focus stays on the handle.
  await grip.focus();
  await page.keyboard.press('ArrowRight');
  await expect(stack).toHaveAttribute('data-corner', 'top-right');
  await expect(grip).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(stack).toHaveAttribute('data-corner', 'bottom-right');
  await page.close();
});

test('where every corner would cover the control to press, the guide folds to a tab; the callout still says the step, and the tab opens it', async ({ shared: { context, extension } }) => {
  const url = 'https://identity.apple.com/pushcert/';
  await servePages(context, { [url]: fixture('apple-push/certificates.en.html') });
  await guideAt(extension, 'portal-renew', STEP_PAGES['portal-renew']![0]![1]);
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 560 });
  await page.goto(url);
  const overlay = page.locator('token-radar-overlay');
  const tab = page.getByRole('button', { name: 'Token Radar · Step 3 of 9' });
  await expect(tab).toBeVisible();
  await expect(tab).toHaveAttribute('aria-expanded', 'false');
  await expect(overlay.locator('.tr-highlight__callout')).toContainText('press “Renew” on the row');
  await expect(page.getByRole('region', { name: /^Renewing/ })).toHaveCount(0);
  // The admin asks for it: it opens, even where it covers.
  await tab.click();
  await expect(page.getByRole('region', { name: /^Renewing/ })).toContainText('Step 3 of 9');
  // The focus moves into it, not to the page's body; Escape moves it aside again, focus on the tab.
  await expect(page.getByRole('region', { name: /^Renewing/ }).getByRole('button', { name: 'Show me' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(tab).toBeFocused();
  await expect(page.getByRole('region', { name: /^Renewing/ })).toHaveCount(0);
  // The tab tells a screen reader what the callout shows.
  await expect(tab).toHaveAccessibleDescription(/press “Renew” on the row/);
  // A wider window: room in a corner again, unfolded by itself.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(page.getByRole('region', { name: /^Renewing/ })).toBeVisible();
  expect(await settled(page)).toEqual([]);
  await sendFromPage(extension, { type: 'guide-action', action: { type: 'cancel' } });
  await page.close();
});

test('a note beside a control is one line; the rest opens on demand, with the keyboard too, without clicking the page under it', async ({ shared: { context, extension } }) => {
  const url = 'https://identity.apple.com/pushcert/';
  await servePages(context, { [url]: fixture('apple-push/certificates.en.html').replace('<body>', '<body onclick="document.title = \'clicked\'">') });
  await sendFromPage(extension, { type: 'guide-action', action: { type: 'cancel' } });
  const page = await context.newPage();
  await page.goto(url);
  const note = page.locator('a:has-text("Create a Certificate") + token-radar-note');
  await expect(note).toContainText('Don\'t: a new certificate has a new topic');
  const closed = (await note.boundingBox())!.height;
  expect(closed).toBeLessThan(30);
  const summary = note.locator('summary');
  await expect(note.locator('.more')).toBeHidden();
  await summary.click();
  await expect(note.locator('.more')).toBeVisible();
  await expect(note.locator('.more')).toHaveText('Renew the existing row instead.');
  expect(await page.title()).not.toBe('clicked');
  await summary.press('Enter');
  await expect(note.locator('.more')).toBeHidden();
  // The page's own handler does hear clicks on the page itself.
  await page.locator('h1').click();
  expect(await page.title()).toBe('clicked');
  await page.close();
});
