import { addDays, format } from 'date-fns';
import type { Responses } from '../../lib/messages';
import { expect, fixture, liveWorker, notificationIds, sendFromPage, test } from './fixtures';

const ADE_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesEnrollmentMenu/~/appleEnrollment';

/**
 * The Intune ADE token list with its three tokens expiring `days` from today (en-US dates). The
 * third token's status cell says "Expired" in the fixture: it follows its date here (a console
 * saying "Expired" of a token with days left is a state of its own, tested in health.spec.ts).
 */
function adePage(days: [number, number, number]): string {
  const d = (n: number) => format(addDays(new Date(), n), 'M/d/yyyy');
  return fixture('intune/ade-token-list.reactblade.en.html')
    .replace('12/5/2026', d(days[0]))
    .replace('6/30/2027', d(days[1]))
    .replace('10/2/2026', d(days[2]))
    .replace('<div role="gridcell">Expired</div>', `<div role="gridcell">${days[2] < 0 ? 'Expired' : 'Active'}</div>`);
}

type Chrome = {
  action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]> };
};

test('a credential seen on a console page is in the inventory, with its source', async ({ context, serve, openPopup }) => {
  await serve({ 'https://intune.microsoft.com/': adePage([200, 300, 400]) });
  const page = await context.newPage();
  await page.goto(ADE_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(3);
  const popup = await openPopup();
  const list = async () => (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
  await expect.poll(async () => (await list()).credentials.length).toBe(3);
  const { credentials } = await list();
  const hq = credentials.find((c) => c.name === 'Contoso ABM – Headquarters')!;
  expect(hq).toMatchObject({ kind: 'ade', console: 'intune', appleId: 'abm-tokens@contoso.example', expiresOn: format(addDays(new Date(), 200), 'yyyy-MM-dd') });
  expect(hq.sources[0]).toMatchObject({ type: 'page', page: 'ade-token-list', url: ADE_URL });
});

test('crossing a threshold raises exactly one notification, even across a worker restart', async ({ context, serve, openPopup, stopServiceWorker }) => {
  // One token 12 days out (inside the 14-day threshold), one 5 days out (last week), one far away.
  await serve({ 'https://intune.microsoft.com/': adePage([12, 300, 5]) });
  const page = await context.newPage();
  await page.goto(ADE_URL);
  await expect(page.locator('token-radar-badge')).toHaveCount(3);

  // Both due alerts are consolidated into one notification.
  await expect.poll(async () => (await notificationIds(context)).length, { timeout: 15_000 }).toBe(1);
  const [first] = await notificationIds(context);
  expect(first).toMatch(/^tr\|/);

  const popup = await openPopup();
  expect(await sendFromPage(popup, { type: 'check' })).toEqual({ ok: true, notified: 0 });

  await stopServiceWorker();
  expect(await sendFromPage(popup, { type: 'check' })).toEqual({ ok: true, notified: 0 });
  expect(await notificationIds(context)).toEqual([first]);

  // The toolbar badge counts the two due within 30 days, in the colour of the worst (urgent: 5 days).
  const w = await liveWorker(context);
  const badge = await w.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return { text: await chrome.action.getBadgeText({}), colour: await chrome.action.getBadgeBackgroundColor({}) };
  });
  expect(badge).toEqual({ text: '2', colour: [0xc2, 0x41, 0x0c, 255] });
});

test('observations sent while the worker is being stopped again and again all arrive: none lost, none doubled', async ({ context, serve, openPopup, stopServiceWorker }) => {
  const N = 24;
  const page = (i: number) => `<html lang="en"><body><h1>Apple VPP tokens</h1><dl><dt>Token name</dt><dd>Retry token ${i}</dd><dt>Expiration date</dt><dd>6/4/2027</dd></dl></body></html>`;
  const pages: Record<string, string> = {};
  for (let i = 0; i < N; i++) pages[`https://intune.microsoft.com/?retry=${i}`] = page(i);
  await serve(pages);
  // The worker is stopped every 100 ms while the pages load and report.
  let stopping = true;
  const stopper = (async () => {
    while (stopping) {
      await stopServiceWorker().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const tabs = await Promise.all(Object.keys(pages).map(async (url) => {
    const tab = await context.newPage();
    await tab.goto(url);
    return tab;
  }));
  // The storm goes on while the pages load and read (a few seconds); a frame's reader is loaded
  // by the worker, so under a worker stopped every 100 ms some pages get it only once the storm ends.
  await new Promise((r) => setTimeout(r, 4000));
  stopping = false;
  await stopper;
  await Promise.all(tabs.map((tab) => expect(tab.locator('token-radar-badge')).toHaveCount(1, { timeout: 30_000 })));
  const popup = await openPopup();
  const names = async () => {
    const answer = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
    return answer.credentials.map((c) => c.name).filter((n) => n.startsWith('Retry token')).sort();
  };
  await expect.poll(names, { timeout: 40_000 }).toHaveLength(N);
  expect(new Set(await names()).size).toBe(N);
});
