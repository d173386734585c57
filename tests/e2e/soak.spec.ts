/**
 * Observations under stress (#9): two tabs, each with ten console frames whose token list grows
 * by one row every 350 ms (past the content script's 300 ms quiet time, so each step is its own
 * observation): 2 tabs × 10 frames × 50 steps, about 1,000 observations and 1,000 credentials,
 * while the service worker is stopped at random moments. Once the senders' retries are done the
 * inventory holds every credential exactly once, whole, with its date.
 */
import { addDays, format } from 'date-fns';
import type { Responses } from '../../lib/messages';
import type { Credential } from '../../lib/credentials/model';
import { expect, sendFromPage, test } from './fixtures';

const TABS = 2;
const FRAMES = 10;
const STEPS = 50;
const HOST = 'https://intune.microsoft.com';

/** A row's token name: words and numbers a reader takes for a name (not a date or a version). */
const name = (tab: number, f: number, i: number) => `Soak tab${tab} frame${f} step${i}`;
/** The date a row shows and must be stored with. */
const expiry = (f: number, i: number) => addDays(new Date(), 20 + ((f * STEPS + i) % 300));

function frame(tab: number, f: number): string {
  const rows = Array.from({ length: STEPS }, (_, i) => [name(tab, f, i), format(expiry(f, i), 'M/d/yyyy')]);
  return `<!doctype html><html lang="en"><head><title>Apple VPP tokens</title></head><body>
    <h1>Apple VPP tokens</h1>
    <table><thead><tr><th>Token name</th><th>Expiration date</th></tr></thead><tbody id="rows"></tbody></table>
    <script>
      const rows = ${JSON.stringify(rows)};
      let i = 0;
      const add = () => {
        const [name, date] = rows[i++];
        const tr = document.createElement('tr');
        tr.innerHTML = '<td></td><td></td>';
        tr.children[0].textContent = name;
        tr.children[1].textContent = date;
        document.getElementById('rows').append(tr);
        if (i < rows.length) setTimeout(add, 350);
        else document.title = 'done';
      };
      setTimeout(add, 200 + ${f} * 30);
    </script></body></html>`;
}

test(`${TABS} tabs × ${FRAMES} frames × ${STEPS} growing steps while the worker is stopped at random: every credential once, whole`, async ({ context, serve, openPopup, stopServiceWorker }) => {
  test.setTimeout(180_000);
  const pages: Record<string, string> = {};
  for (let tab = 0; tab < TABS; tab++) {
    pages[`${HOST}/soak/${tab}`] = `<!doctype html><html lang="en"><head><title>Microsoft Intune admin center</title></head><body>${Array.from({ length: FRAMES }, (_, f) => `<iframe src="${HOST}/soak/${tab}/frame/${f}" width="300" height="120"></iframe>`).join('')}</body></html>`;
    for (let f = 0; f < FRAMES; f++) pages[`${HOST}/soak/${tab}/frame/${f}`] = frame(tab, f);
  }
  await serve(pages);

  let stopping = true;
  let stops = 0;
  const stopper = (async () => {
    while (stopping) {
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 500));
      if (!stopping) break;
      await stopServiceWorker().then(() => stops++, () => undefined);
    }
  })();
  const tabs = await Promise.all(Array.from({ length: TABS }, async (_, tab) => {
    const page = await context.newPage();
    await page.goto(`${HOST}/soak/${tab}`);
    return page;
  }));
  // Every frame has shown its last row.
  for (const page of tabs) {
    await expect.poll(async () => (await Promise.all(page.frames().slice(1).map((fr) => fr.title()))).filter((t) => t === 'done').length, { timeout: 60_000 }).toBe(FRAMES);
  }
  stopping = false;
  await stopper;
  expect(stops).toBeGreaterThan(10);

  const popup = await openPopup();
  const soaked = async (): Promise<Credential[]> => {
    const answer = (await sendFromPage<Responses['list']>(popup, { type: 'list' })) as Extract<Responses['list'], { ok: true }>;
    return answer.credentials.filter((c) => c.name.startsWith('Soak '));
  };
  await expect.poll(async () => (await soaked()).length, { timeout: 60_000, intervals: [1000] }).toBe(TABS * FRAMES * STEPS);
  const all = await soaked();
  const names = new Set(all.map((c) => c.name));
  expect(names.size).toBe(TABS * FRAMES * STEPS);
  for (const c of all) {
    const [, f, i] = /tab(\d+) frame(\d+) step(\d+)/.exec(c.name)!.slice(1).map(Number) as [number, number, number];
    expect(c, c.name).toMatchObject({ kind: 'vpp', console: 'intune', expiresOn: format(expiry(f, i), 'yyyy-MM-dd'), archived: false, history: [] });
    expect(c.sources).toHaveLength(1);
    expect(c.sources[0]).toMatchObject({ type: 'page', console: 'intune', expiresOn: c.expiresOn });
    expect(typeof c.createdAt === 'string' && typeof c.updatedAt === 'string' && typeof c.alerts === 'object').toBe(true);
  }
  console.log(`observation soak: ${TABS} tabs × ${FRAMES} frames × ${STEPS} steps, ${stops} worker stops, ${all.length} credentials stored, 0 lost, 0 duplicated`);
});
