/**
 * The overlay's features on their own, each started with an AbortSignal and stopped by it: the
 * page watcher (what changes call for a new scan, and that it scans again), the report to the
 * worker (retried while the worker does not answer, never after the stop), and the guide's step
 * detection (only the admin's own click on the current step's control).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changesMatter, regionsOf, watchPage } from '../../components/overlay/page-watch';
import { createReporter } from '../../components/overlay/report';
import { watchStepDone } from '../../components/overlay/step-done';
import { EARLY_PRESS_MAX_AGE_MS, recordEarlyPresses } from '../../components/overlay/early-presses';
import { startGuide } from '../../lib/guide/machine';
import type { Credential } from '../../lib/credentials/model';
import { forgetPage, scanPage, type PageScan } from '../../lib/scan';
import { READ_ATTRIBUTES } from '../../lib/dom/changes';

const NOW = new Date('2026-11-22T12:00:00Z');
const PUSH_URL = 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/AppleMdmPushCertificateBlade';
const TOPIC = 'com.apple.mgmt.External.4f1c2a9e-7b3d-4e55-9a61-0c2d8e7f1b34';
const fixture = () => readFileSync(resolve(import.meta.dirname, '../fixtures/pages/intune/push-certificate.en.html'), 'utf8');
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Loads the fixture into this test's document, and gives back the records a change makes. */
function load(): { doc: Document; changes: (change: () => void) => MutationRecord[] } {
  document.documentElement.innerHTML = new DOMParser().parseFromString(fixture(), 'text/html').documentElement.innerHTML;
  return {
    doc: document,
    changes(change) {
      const observer = new MutationObserver(() => undefined);
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      change();
      const records = observer.takeRecords();
      observer.disconnect();
      return records;
    },
  };
}

describe('the page watcher', () => {
  it('a change inside what the scan read matters; unrelated text elsewhere does not; new expiry words or a new grid do', () => {
    const { doc, changes } = load();
    const regions = regionsOf(scanPage(PUSH_URL, doc, NOW));
    expect(regions.length).toBeGreaterThan(0);
    const inside = changes(() => regions[0]!.append(doc.createElement('span')));
    expect(changesMatter(inside, regions)).toBe(true);
    const elsewhere = changes(() => {
      const p = doc.createElement('p');
      p.textContent = 'Welcome back, Contoso admin';
      doc.body.append(p);
    });
    expect(changesMatter(elsewhere, regions)).toBe(false);
    // The same change while everything matters (a guide open, or a page read with nothing found).
    expect(changesMatter(elsewhere, null)).toBe(true);
    const expiry = changes(() => {
      const p = doc.createElement('p');
      p.textContent = 'Expiration date: Mar 3, 2027';
      doc.body.append(p);
    });
    expect(changesMatter(expiry, regions)).toBe(true);
    const grid = changes(() => doc.body.append(Object.assign(doc.createElement('div'), { role: 'grid' }), doc.createElement('table')));
    expect(changesMatter(grid, regions)).toBe(true);
    // What was read removed: a new scan.
    const removed = changes(() => regions[0]!.remove());
    expect(changesMatter(removed, regions)).toBe(true);
  });

  it('an attribute the reader reads: a change inside what was read, or a subtree with an expiry shown again elsewhere', () => {
    const { doc } = load();
    const regions = regionsOf(scanPage(PUSH_URL, doc, NOW));
    const hiddenNote = Object.assign(doc.createElement('p'), { hidden: true, textContent: 'Expiration date: Mar 3, 2027' });
    const hiddenMenu = Object.assign(doc.createElement('p'), { hidden: true, textContent: 'Menu' });
    doc.body.append(hiddenNote, hiddenMenu);
    const attributes = (change: () => void) => {
      const observer = new MutationObserver(() => undefined);
      observer.observe(doc, { subtree: true, attributes: true, attributeFilter: READ_ATTRIBUTES });
      change();
      const records = observer.takeRecords();
      observer.disconnect();
      return records;
    };
    expect(changesMatter(attributes(() => regions[0]!.setAttribute('title', 'Expires 3/3/2027')), regions)).toBe(true);
    expect(changesMatter(attributes(() => (hiddenNote.hidden = false)), regions)).toBe(true);
    expect(changesMatter(attributes(() => (hiddenMenu.hidden = false)), regions)).toBe(false);
    expect(changesMatter(attributes(() => hiddenMenu.setAttribute('aria-label', 'Expiration')), regions)).toBe(false);
    // While everything matters (a guide open), any of them does.
    expect(changesMatter(attributes(() => hiddenMenu.setAttribute('aria-label', 'Menu')), null)).toBe(true);
  });

  it('a watcher keeps hearing the page when another caller leaves it (forgetPage) or another watcher of it stops', async () => {
    const { doc } = load();
    const scans: [string, PageScan][] = [];
    const watch = (name: string, stop: AbortController) =>
      watchPage(stop.signal, doc, { sites: [], onScan: (scan) => scans.push([name, scan]), regions: () => null });
    const a = new AbortController();
    const b = new AbortController();
    watch('a', a);
    watch('b', b);
    await vi.waitFor(() => expect(scans.map(([n]) => n).sort()).toEqual(['a', 'b']), { timeout: 3000 });
    a.abort();
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Expiration date: Mar 3, 2027' }));
    await vi.waitFor(() => expect(scans.filter(([n]) => n === 'b')).toHaveLength(2), { timeout: 3000 });
    forgetPage(doc);
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Expiration date: Apr 4, 2027' }));
    await vi.waitFor(() => expect(scans.filter(([n]) => n === 'b')).toHaveLength(3), { timeout: 3000 });
    b.abort();
    expect(scans.filter(([n]) => n === 'a')).toHaveLength(1);
  });

  it('our own badges and notes coming and going are not a change of the page', () => {
    const { doc, changes } = load();
    const regions = regionsOf(scanPage(PUSH_URL, doc, NOW));
    const badge = doc.createElement('token-radar-badge');
    const added = changes(() => regions[0]!.append(badge));
    expect(changesMatter(added, regions)).toBe(false);
    const inside = changes(() => badge.append('Expires in 3 days'));
    expect(changesMatter(inside, regions)).toBe(false);
  });

  it('scans when the page is idle, again after a change that matters, and never after the stop', async () => {
    const { doc } = load();
    const scans: PageScan[] = [];
    let regions: Element[] | null = [];
    const stop = new AbortController();
    const watcher = watchPage(stop.signal, doc, {
      sites: [],
      onScan: (scan) => {
        scans.push(scan);
        regions = regionsOf(scan);
      },
      regions: () => regions,
    });
    await vi.waitFor(() => expect(scans).toHaveLength(1), { timeout: 3000 });
    // happy-dom's address is not a console's: nothing recognised, so nothing read (the reading layer's tests read pages).
    expect(scans[0]!.console).toBeNull();
    const p = doc.createElement('p');
    p.textContent = 'Expiration date: Mar 3, 2027';
    doc.body.append(p);
    await vi.waitFor(() => expect(scans).toHaveLength(2), { timeout: 3000 });
    watcher.schedule();
    stop.abort();
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Expiration date: Apr 4, 2027' }));
    watcher.rescan();
    await wait(800);
    expect(scans).toHaveLength(2);
  });
});

describe('the report to the worker', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => fakeBrowser.reset());
  const scanned = () => {
    const { doc } = load();
    return scanPage(PUSH_URL, doc, NOW);
  };

  it('sends what the page shows once, and again only when it changes', async () => {
    const got: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, respond) => {
      got.push(message);
      respond({ ok: true, credentials: 1 });
      return true;
    });
    const reporter = createReporter(new AbortController().signal, { onError: () => undefined, onReplaced: () => undefined });
    const scan = scanned();
    reporter.report(scan, NOW, PUSH_URL);
    reporter.report(scan, NOW, PUSH_URL);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toMatchObject({ type: 'observe', observation: { console: 'intune', credentials: [{ kind: 'apns', topic: TOPIC }] } });
    await wait(50);
    expect(got).toHaveLength(1);
  });

  it('a worker that fails to keep it is told to the panel and asked again', async () => {
    let calls = 0;
    const errors: (string | undefined)[] = [];
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, respond) => {
      calls++;
      respond(calls === 1 ? { ok: false, code: 'quota', error: 'The disk is full.' } : { ok: true, credentials: 1 });
      return true;
    });
    const reporter = createReporter(new AbortController().signal, { onError: (e) => errors.push(e), onReplaced: () => undefined });
    reporter.report(scanned(), NOW, PUSH_URL);
    await vi.waitFor(() => expect(calls).toBe(2), { timeout: 3000 });
    expect(errors).toEqual(['The disk is full.', undefined]);
  });

  it('a message the worker refuses as malformed is not repeated', async () => {
    let calls = 0;
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, respond) => {
      calls++;
      respond({ ok: false, code: 'invalid', error: 'Malformed message' });
      return true;
    });
    const reporter = createReporter(new AbortController().signal, { onError: () => undefined, onReplaced: () => undefined });
    reporter.report(scanned(), NOW, PUSH_URL);
    await vi.waitFor(() => expect(calls).toBe(1));
    await wait(600);
    expect(calls).toBe(1);
  });

  it('the worker’s word on certificates created anew comes back by index; after the stop nothing is sent again', async () => {
    let calls = 0;
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, respond) => {
      calls++;
      if (calls === 1) respond({ ok: true, credentials: 1, replaced: [{ index: 0, topic: 'com.apple.mgmt.External.x', newer: true }] });
      // The next answer is a failure that comes after the overlay has stopped.
      else setTimeout(() => respond({ ok: false, code: 'unavailable', error: 'x' }), 100);
      return true;
    });
    const stop = new AbortController();
    let told = 0;
    const reporter = createReporter(stop.signal, { onError: () => undefined, onReplaced: () => told++ });
    reporter.report(scanned(), NOW, PUSH_URL);
    await vi.waitFor(() => expect(told).toBe(1));
    expect(reporter.replaced()).toEqual([{ index: 0, topic: 'com.apple.mgmt.External.x', newer: true }]);
    // Another reading fails and would be retried, but the overlay stops first.
    const other = scanned();
    other.credentials[0] = { ...other.credentials[0]!, expiresOn: '2028-01-01' };
    reporter.report(other, NOW, PUSH_URL);
    await vi.waitFor(() => expect(calls).toBe(2));
    stop.abort();
    await wait(800);
    expect(calls).toBe(2);
  });
});

describe("the guide's step detection", () => {
  const push: Credential = {
    id: 'c1', kind: 'apns', console: 'intune', name: '', expiresOn: '2026-12-04', topic: TOPIC, appleId: 'mdm-admin@contoso.example',
    sources: [], history: [], alerts: {}, archived: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
  };
  const click = (el: Element, trusted: boolean) => {
    const event = new MouseEvent('click', { bubbles: true });
    if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
    el.dispatchEvent(event);
  };

  it("only the admin's own click on the current step's control marks it done, and nothing after the stop", () => {
    const { doc } = load();
    const scan = scanPage(PUSH_URL, doc, NOW);
    const guide = startGuide(push, NOW)!;
    const done: string[] = [];
    const stop = new AbortController();
    watchStepDone(stop.signal, doc, () => ({ guide, scan, target: null }), (id) => done.push(id));
    const control = Array.from(doc.querySelectorAll('button, a')).find((el) => el.textContent?.trim() === 'Download your CSR')!;
    const elsewhere = doc.querySelector('h1, h2')!;
    click(control, false);
    click(elsewhere, true);
    expect(done).toEqual([]);
    click(control, true);
    expect(done).toEqual([guide.steps[guide.step]!.id]);
    stop.abort();
    click(control, true);
    expect(done).toHaveLength(1);
  });

  it("a press on the step's control before the reader started counts once the reader looks at it; a page script's, a press elsewhere, or one after the recording stopped do not", () => {
    const { doc } = load();
    const scan = scanPage(PUSH_URL, doc, NOW);
    const guide = startGuide(push, NOW)!;
    const page = new AbortController();
    const take = recordEarlyPresses(page.signal, doc);
    const control = Array.from(doc.querySelectorAll('button, a')).find((el) => el.textContent?.trim() === 'Download your CSR')!;
    click(doc.querySelector('h1, h2')!, true);
    click(control, false);
    click(control, true);
    const early = take();
    expect(early.map((e) => [e.type, e.isTrusted, e.target === control])).toEqual([
      ['click', true, false],
      ['click', true, true],
    ]);
    // Taken once: later presses are the live watch's, never recorded twice.
    click(control, true);
    expect(take()).toEqual([]);

    const done: string[] = [];
    const stop = new AbortController();
    const replay = watchStepDone(stop.signal, doc, () => ({ guide, scan, target: null }), (id) => done.push(id));
    replay(early);
    expect(done).toEqual([guide.steps[guide.step]!.id]);
    // Nothing after the stop.
    stop.abort();
    replay(early);
    expect(done).toHaveLength(1);
  });

  it('keeps the last few presses only, and records nothing once its page context stops', () => {
    const { doc } = load();
    const h = doc.querySelector('h1, h2')!;
    const page = new AbortController();
    const take = recordEarlyPresses(page.signal, doc);
    for (let i = 0; i < 20; i++) click(h, true);
    expect(take()).toHaveLength(8);

    const again = new AbortController();
    const takeAgain = recordEarlyPresses(again.signal, doc);
    click(h, true);
    again.abort();
    click(h, true);
    expect(takeAgain()).toHaveLength(1);

    // A press made long before (a frame dormant until a renewal started) is not given.
    const late = recordEarlyPresses(new AbortController().signal, doc);
    const old = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(old, 'isTrusted', { value: true });
    Object.defineProperty(old, 'timeStamp', { value: performance.now() - EARLY_PRESS_MAX_AGE_MS - 1000 });
    h.dispatchEvent(old);
    click(h, true);
    expect(late()).toHaveLength(1);
  });
});
