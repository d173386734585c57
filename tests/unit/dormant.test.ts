/**
 * A console frame that shows nothing to read stays dormant (components/overlay/dormant.ts): the
 * small script every console frame loads wakes the reader only for text the reader could read, a
 * file field or a guide under way. Its first look is the reader's own first walk, so no page the
 * reader reads is ever left dormant: checked on every fixture page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changesWake, guiding, watchDormant } from '../../components/overlay/dormant';
import { CANDIDATE } from '../../lib/credentials/seeds';
import { anyText } from '../../lib/dom/collect';
import { drain } from '../../lib/steps';
import type { PageScan } from '../../lib/scan';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pages = resolve(import.meta.dirname, '../fixtures/pages');

function page(html: string): Document {
  document.documentElement.innerHTML = `<head><title>Devices</title></head><body>${html}</body>`;
  return document;
}

/** Starts the watcher on the current document; gives the wake count and the stop. */
function watch(): { woken: () => number; stop: () => void } {
  let n = 0;
  const controller = new AbortController();
  watchDormant(controller.signal, document, () => n++);
  return { woken: () => n, stop: () => controller.abort() };
}

const DEVICES = '<h1>Devices | All devices</h1><table><tr><th>Device name</th><th>Last check-in</th></tr><tr><td>IPAD-1</td><td>11/3/2026</td></tr></table>';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('a dormant console frame', () => {
  it('stays dormant on a page that says nothing of an expiry, and on changes that do not either', async () => {
    page(DEVICES);
    const w = watch();
    await wait(50);
    expect(w.woken()).toBe(0);
    const row = document.createElement('tr');
    row.innerHTML = '<td>IPAD-2</td><td>11/4/2026</td>';
    document.querySelector('table')!.append(row);
    document.querySelector('h1')!.firstChild!.textContent = 'Devices | iOS devices';
    await wait(20);
    expect(w.woken()).toBe(0);
    w.stop();
  });

  it('wakes once when the page adds expiry text, or changes a text into one', async () => {
    page(DEVICES);
    const w = watch();
    await wait(50);
    const p = document.createElement('p');
    p.innerHTML = '<span>Token expires 3/3/2027</span>';
    document.body.append(p);
    await wait(20);
    expect(w.woken()).toBe(1);
    document.body.append(p.cloneNode(true));
    await wait(20);
    expect(w.woken()).toBe(1);

    page(DEVICES);
    const again = watch();
    await wait(50);
    (document.querySelector('td')!.firstChild as Text).data = '有効期限 2027/03/03';
    await wait(20);
    expect(again.woken()).toBe(1);
  });

  it('wakes at its first look for expiry words, a notice, a file field, or text in an open shadow root', async () => {
    for (const html of ['<p>Expiration date: Mar 3, 2027</p>', '<div role="alert">Your MDM push certificate was revoked.</div>', '<form><input type="file" accept=".pem"></form>']) {
      page(DEVICES + html);
      const w = watch();
      await wait(50);
      expect(w.woken(), html).toBe(1);
      w.stop();
    }
    page(DEVICES + '<mdm-card></mdm-card>');
    document.querySelector('mdm-card')!.attachShadow({ mode: 'open' }).innerHTML = '<dl><dt>Expires</dt><dd>2027-03-03</dd></dl>';
    const w = watch();
    await wait(50);
    expect(w.woken()).toBe(1);
  });

  it('wakes when a web component fills its shadow root after the first look, or a hidden panel is shown', async () => {
    page(DEVICES + '<mdm-card></mdm-card>');
    const root = document.querySelector('mdm-card')!.attachShadow({ mode: 'open' });
    const w = watch();
    await wait(50);
    expect(w.woken()).toBe(0);
    root.innerHTML = '<dl><dt>Expires</dt><dd>2027-03-03</dd></dl>';
    await wait(20);
    expect(w.woken()).toBe(1);

    page(DEVICES);
    const again = watch();
    await wait(50);
    const added = document.createElement('token-list');
    document.body.append(added);
    await wait(20);
    // Its shadow root comes after it was added (its definition loaded late): looked at again a second later.
    added.attachShadow({ mode: 'open' }).innerHTML = '<p>Token expires 3/3/2027</p>';
    await wait(1100);
    expect(again.woken()).toBe(1);

    page(DEVICES + '<section hidden><p>Token expires 3/3/2027</p></section>');
    const tabs = watch();
    await wait(50);
    expect(tabs.woken()).toBe(0);
    document.querySelector('section')!.removeAttribute('hidden');
    await wait(20);
    expect(tabs.woken()).toBe(1);
  });

  it('does not wake for text it never reads: scripts, styles, hidden parts', async () => {
    page(DEVICES + '<script>var expires = 1;</script><style>.expires{}</style><div hidden>Token expires 3/3/2027</div>');
    const w = watch();
    await wait(50);
    expect(w.woken()).toBe(0);
    w.stop();
  });

  it('wakes when a renewal guide is under way, stored already or started later; not for one that ended', async () => {
    await fakeBrowser.storage.local.set({ guide: { status: 'active', step: 0 } });
    page(DEVICES);
    const stored = watch();
    await wait(20);
    expect(stored.woken()).toBe(1);

    await fakeBrowser.storage.local.set({ guide: { status: 'done', step: 3 } });
    page(DEVICES);
    const later = watch();
    await wait(50);
    expect(later.woken()).toBe(0);
    await fakeBrowser.storage.local.set({ guide: { status: 'paused', step: 1 } });
    await wait(20);
    expect(later.woken()).toBe(1);
    expect([guiding(null), guiding({ status: 'cancelled' }), guiding({ status: 'active' })]).toEqual([false, false, true]);
  });

  it('stops with its signal: nothing wakes it afterwards', async () => {
    page(DEVICES);
    const w = watch();
    w.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>Token expires 3/3/2027</p>');
    await fakeBrowser.storage.local.set({ guide: { status: 'active', step: 0 } });
    await wait(50);
    expect(w.woken()).toBe(0);
  });

  it('changesWake looks only at what was added or changed', () => {
    page(DEVICES);
    const observer = new MutationObserver(() => undefined);
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    document.querySelector('td')!.remove();
    expect(changesWake(observer.takeRecords())).toBe(false);
    document.body.insertAdjacentHTML('beforeend', '<p>Renew by 5 March 2027</p>');
    expect(changesWake(observer.takeRecords())).toBe(true);
    observer.disconnect();
  });
});

describe('every fixture page the reader reads wakes its frame', () => {
  const files = (readdirSync(pages, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  it('has fixture pages to check', () => expect(files.length).toBeGreaterThan(50));
  for (const file of files) {
    const expected = JSON.parse(readFileSync(resolve(pages, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { scan: PageScan | null };
    const reads = !!expected.scan && (expected.scan.credentials.length > 0 || !!expected.scan.unreadable);
    if (!reads) continue;
    it(file, () => {
      const doc = new DOMParser().parseFromString(readFileSync(resolve(pages, file), 'utf8'), 'text/html');
      expect(drain(anyText(doc.body, (t) => CANDIDATE.test(t)))).toBe(true);
    });
  }
});
