/**
 * Reading a document again (lib/dom/changes.ts, the `Kept` part of lib/dom/collect.ts, the kept
 * titles and columns of lib/consoles/detect.ts, the kept outcomes of lib/consoles/interpret.ts):
 * after any change, reading the document (which takes what did not change from the last reading)
 * gives exactly what reading the whole page anew gives, record by record and credential by
 * credential. Random changes on every fixture page, read after each batch: texts rewritten,
 * elements removed, copied and moved, subtrees hidden and shown, attributes the reader looks at
 * changed, components with shadow roots added and changed inside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectSteps, READ_WHOLE_EVERY_MS, type Collected, type CollectOptions } from '../../lib/dom/collect';
import { changeLog, listenToChanges } from '../../lib/dom/changes';
import { COLLECT_OPTIONS } from '../../lib/consoles/reading';
import { forgetPage, readAnew, scanPage, type AddedSite, type PageScan } from '../../lib/scan';
import { drain } from '../../lib/steps';
import { change, copyOfPage, idOf, plainScan, random } from './support/page-changes';

const dir = resolve(import.meta.dirname, '../fixtures');
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();

function bodyOf(file: string): string {
  const html = readFileSync(resolve(dir, file), 'utf8');
  return (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html).replace(/<iframe\b[^>]*>(?:<\/iframe>)?/gi, '');
}

/** A reading as plain data: elements by identity. */
function plain(c: Collected): unknown {
  return {
    seeds: c.seeds,
    records: c.records.map((r) => ({
      source: r.source,
      fields: r.fields.map((f) => [f.label, f.key, f.value, idOf(f.element)]),
      name: r.name,
      nameElement: idOf(r.nameElement),
      text: r.text,
      element: idOf(r.element),
      group: idOf(r.group),
      headings: r.headings,
      partial: r.partial,
    })),
  };
}

/** Collecting from the document (taking what it can from the last reading) and from its body (always the whole page). */
function both(): [unknown, unknown] {
  const again = plain(drain(collectSteps(document, COLLECT_OPTIONS)));
  const whole = plain(drain(collectSteps(document.body, COLLECT_OPTIONS)));
  return [again, whole];
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reading a document again', () => {
  it('is watched: what changed since the last kept reading, and nothing once it is kept', () => {
    document.body.innerHTML = '<p>one</p>';
    const log = changeLog(document)!;
    const first = log.since('test');
    expect(first.all).toBe(true);
    expect(log.done('test', first)).toBe(true);
    const p = document.querySelector('p')!;
    p.textContent = 'two';
    const since = log.since('test');
    expect(since.all).toBe(false);
    expect(since.changes.map((c) => c.node)).toContain(p);
    expect(log.done('test', since)).toBe(true);
    expect(log.since('test').changes).toEqual([]);
    // A reading that asked before another one was kept is not kept.
    const early = log.since('test');
    p.textContent = 'three';
    const later = log.since('test');
    expect(log.done('test', later)).toBe(true);
    expect(log.done('test', early)).toBe(false);
    // Each reader follows the changes from its own last reading.
    const other = log.since('other');
    expect(other.all).toBe(true);
    // Leaving the page stops the observer; reading it again starts a new log that reads it whole.
    forgetPage(document);
    p.textContent = 'four';
    expect(log.since('test').changes.map((c) => c.node)).not.toContain(p);
    expect(changeLog(document)).not.toBe(log);
    expect(changeLog(document)!.since('test').all).toBe(true);
  });

  it('tells a listener (the page watcher) every batch of changes once, those a reader took early too, and nothing after the stop', async () => {
    document.body.innerHTML = '<p>one</p>';
    const log = changeLog(document)!;
    // The page built above is delivered first (to no listener).
    await new Promise((r) => setTimeout(r, 0));
    const heard: MutationRecord[][] = [];
    const listening = new AbortController();
    expect(listenToChanges(document, (records) => heard.push([...records]), listening.signal)).toBe(true);
    const p = document.querySelector('p')!;
    p.textContent = 'two';
    await Promise.resolve();
    expect(heard).toHaveLength(1);
    expect(new Set(heard[0]!.map((r) => r.target))).toEqual(new Set([p]));
    // A reader asks before the observer delivered the change: the listener hears it then, and not again.
    p.textContent = 'three';
    log.since('test');
    expect(heard).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(2);
    // A read attribute changing is heard too (a subtree shown again).
    p.hidden = true;
    await Promise.resolve();
    expect(heard[2]!.map((r) => [r.type, r.attributeName])).toEqual([['attributes', 'hidden']]);
    // Another caller leaving the page stops the log: a new one takes over at once, and the listener still hears.
    forgetPage(document);
    expect(changeLog(document)).not.toBe(log);
    p.textContent = 'four';
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(4);
    // Once it stops listening, leaving the page stops the log for good.
    listening.abort();
    forgetPage(document);
    p.textContent = 'five';
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(4);
  });

  it('a listener keeps hearing the shadow roots read in the page after another caller leaves it', async () => {
    document.body.innerHTML = '<div id="host"></div>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Expires Mar 3, 2027</p>';
    // What a reading does for each shadow root it reads.
    changeLog(document)!.watch(root);
    await new Promise((r) => setTimeout(r, 0));
    const heard: MutationRecord[][] = [];
    const listening = new AbortController();
    listenToChanges(document, (records) => heard.push([...records]), listening.signal);
    root.querySelector('p')!.textContent = 'Expires Apr 4, 2027';
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(1);
    forgetPage(document);
    root.querySelector('p')!.textContent = 'Expires May 5, 2027';
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toHaveLength(2);
    listening.abort();
    forgetPage(document);
  });

  it('a document without a body is read over the document itself, each field once', () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.remove();
    doc.documentElement.insertAdjacentHTML('beforeend', '<div><span>Expiration date</span> <span>Mar 3, 2027</span></div><section><p>Name: Token B</p><span>Expiration date</span> <span>Apr 4, 2027</span></section>');
    const section = drain(collectSteps(doc, COLLECT_OPTIONS)).records.find((r) => r.element.nodeName === 'SECTION');
    expect(section?.fields.map((f) => `${f.label}=${f.value}`).sort()).toEqual(['Expiration date=Apr 4, 2027', 'Name=Token B']);
  });

  it('after thousands of changes, reads everything', () => {
    document.body.innerHTML = '<div></div>';
    drain(collectSteps(document, COLLECT_OPTIONS));
    const div = document.querySelector('div')!;
    for (let i = 0; i < 2500; i++) div.setAttribute('title', String(i));
    expect(changeLog(document)!.since('collect').all).toBe(true);
  });

  it('scans as reading the whole page does (every credential, its anchor, the page kind, what is unsure), after random changes on every fixture page', () => {
    const now = new Date('2026-11-22T12:00:00');
    let compared = 0;
    let withCredentials = 0;
    for (const [i, file] of files.entries()) {
      let expected: { url: string; sites?: AddedSite[] };
      try {
        expected = JSON.parse(readFileSync(resolve(dir, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      } catch {
        continue;
      }
      document.body.innerHTML = bodyOf(file);
      const options = { locale: 'en-US', ...(expected.sites ? { sites: expected.sites } : {}) };
      const pick = random(1000 + i);
      for (let round = 0; round < 5; round++) {
        const again = plainScan(scanPage(expected.url, document, now, options));
        const { doc, original } = copyOfPage();
        const whole = plainScan(scanPage(expected.url, doc, now, options), original);
        expect(again, `${file}, round ${round}`).toEqual(whole);
        compared++;
        if ((whole as PageScan).credentials.length) withCredentials++;
        const changes = 1 + Math.floor(pick() * 3);
        for (let k = 0; k < changes; k++) change(pick);
      }
    }
    expect(compared).toBeGreaterThan(600);
    expect(withCredentials).toBeGreaterThan(300);
  });

  it('reads a form value changed by a script at the next scan, and after readAnew a shadow root attached to an element already read', () => {
    document.body.innerHTML = '<h1>Enrollment program tokens</h1><form><label for="e">Expiration date</label> <input id="e" value="3/14/2027"> <label for="n">Name</label> <input id="n" value="Token A"></form><div id="late"></div>';
    const url = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/ade';
    const now = new Date('2026-11-22T12:00:00Z');
    const days = (at = now) => scanPage(url, document, at).credentials.map((c) => c.expiresOn);
    expect(days()).toEqual(['2027-03-14']);
    // A value set by a script changes no attribute: label/value pairs are read again on every scan.
    (document.getElementById('e') as HTMLInputElement).value = '4/15/2027';
    expect(days()).toEqual(['2027-04-15']);
    // A component defined late attaches its shadow root to an element already read: no MutationObserver
    // sees it, so the scans that follow miss it, until readAnew or the next whole reading (READ_WHOLE_EVERY_MS).
    document.body.innerHTML = '<h1>Enrollment program tokens</h1><div id="late"></div>';
    expect(days()).toEqual([]);
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<dl><dt>Name</dt><dd>Token B</dd><dt>Expiration date</dt><dd>5/16/2027</dd></dl>';
    expect(days()).toEqual([]);
    const later = new Date(now.getTime() + READ_WHOLE_EVERY_MS);
    expect(days(later)).toEqual(['2027-05-16']);
    document.getElementById('late')!.shadowRoot!.querySelector('dd:last-child')!.textContent = '6/17/2027';
    // Its shadow root is watched from the whole reading on.
    expect(days(later)).toEqual(['2027-06-17']);
    document.body.innerHTML = '<h1>Enrollment program tokens</h1><div id="late"></div>';
    expect(days(later)).toEqual([]);
    document.getElementById('late')!.attachShadow({ mode: 'open' }).innerHTML = '<dl><dt>Name</dt><dd>Token C</dd><dt>Expiration date</dt><dd>7/18/2027</dd></dl>';
    readAnew(document);
    expect(days(later)).toEqual(['2027-07-18']);
  });

  describe('cases a review found (each failed before its fix)', () => {
    const url = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/ade';
    const now = new Date('2026-11-22T12:00:00');
    const HEAD = '<thead><tr><th>Name</th><th>Status</th><th>Expiration date</th></tr></thead>';
    const rowOf = (html: string) => {
      const t = document.createElement('table');
      t.innerHTML = `<tbody>${html}</tbody>`;
      return t.querySelector('tr')!;
    };
    /** Read again after `step`, at both levels, against a whole reading. */
    const check = (html: string, step: () => void, expectWhole?: (records: number, scan: PageScan) => void) => {
      document.body.innerHTML = html;
      expect(both()[0]).toEqual(both()[1]);
      scanPage(url, document, now);
      step();
      const [again, whole] = both();
      expect(again).toEqual(whole);
      const scan = scanPage(url, document, now);
      const { doc, original } = copyOfPage();
      const wholeScan = scanPage(url, doc, now);
      expect(plainScan(scan)).toEqual(plainScan(wholeScan, original));
      expectWhole?.((whole as { records: unknown[] }).records.length, wholeScan);
    };

    it('a row of one wide cell becomes the details of a data row put above it', () => {
      check(`<h1>Enrollment program tokens</h1><table>${HEAD}<tbody><tr id="w"><td colspan="3">Apple ID: mdm@contoso.example</td></tr></tbody></table>`, () => document.getElementById('w')!.before(rowOf('<tr><td>Token A</td><td>Active</td><td>3/14/2027</td></tr>')), (_, scan) =>
        expect(scan.credentials.map((c) => c.appleId)).toEqual(['mdm@contoso.example']),
      );
    });

    it('a header table whose table of rows comes after it (jqGrid loads its rows late)', () => {
      check('<h1>Enrollment program tokens</h1><div id="box"><table><tr><th>Name</th><th>Status</th><th>Expiration date</th></tr></table></div>', () => document.getElementById('box')!.insertAdjacentHTML('beforeend', '<table><tr><td>Token A</td><td>Active</td><td>3/14/2027</td></tr></table>'), (_, scan) =>
        expect(scan.credentials.map((c) => c.expiresOn)).toEqual(['2027-03-14']),
      );
    });

    it('a kept row that takes a new detail row is read with it (its kept reading is not copied with it)', () => {
      check(`<h1>Enrollment program tokens</h1><table>${HEAD}<tbody><tr id="r"><td>Token A</td><td>Active</td><td>3/14/2027</td></tr></tbody></table>`, () => document.getElementById('r')!.after(rowOf('<tr><td colspan="3">Expires: 4/15/2027</td></tr>')), (_, scan) =>
        expect(scan.unreadable).toBeDefined(),
      );
    });

    it('the whole page hidden and shown again', () => {
      document.body.innerHTML = '<p>Your token expires 3/14/2027.</p>';
      both();
      document.documentElement.setAttribute('hidden', '');
      expect(both()[0]).toEqual(both()[1]);
      document.documentElement.removeAttribute('hidden');
      const [again, whole] = both();
      expect(again).toEqual(whole);
      expect((whole as { records: unknown[] }).records).toHaveLength(1);
    });

    it('one element read both as an ARIA grid and as a grid of plain elements', () => {
      check(
        '<div role="grid"><div role="row"><div role="columnheader">Name</div><div role="columnheader">Status</div><div role="columnheader">Expiration date</div></div><div role="row"><div role="gridcell">Token A</div><div role="gridcell">Active</div><div role="gridcell">3/14/2027</div></div><div><span>Token X</span><span>Active</span><span>Expires 5/5/2027</span></div></div><p id="o">Other</p>',
        () => (document.getElementById('o')!.textContent = 'Changed'),
        (records) => expect(records).toBeGreaterThan(1),
      );
    });
  });

  describe('cards, list items and panels: what did not change is taken as it was', () => {
    const card = (i: number) => `<li><h3>Server ${i}</h3><div><span>Server token expires</span> <span>${i + 1} Mar 2027</span></div><div><span>Devices assigned</span> <span id="d${i}">${i * 7}</span></div></li>`;
    const list = (n: number) => `<h1>MDM servers</h1><ul id="list">${Array.from({ length: n }, (_, i) => card(i)).join('')}</ul>`;
    const read = () => drain(collectSteps(document, COLLECT_OPTIONS));
    const whole = () => drain(collectSteps(document.body, COLLECT_OPTIONS));

    it('reads again only the card that changed: the others are the same records', () => {
      document.body.innerHTML = list(20);
      const first = read();
      expect(first.records).toHaveLength(20);
      document.getElementById('d5')!.textContent = '99';
      const second = read();
      expect(plain(second)).toEqual(plain(whole()));
      expect(second.records.filter((r, i) => r === first.records[i])).toHaveLength(19);
      expect(second.records[5]!.text).toContain('99');
      // Nothing changed: every record as it was.
      const third = read();
      expect(third.records.every((r, i) => r === second.records[i])).toBe(true);
    });

    it('reads the headings again when one before the list changes, or a label above the cards', () => {
      document.body.innerHTML = list(5);
      read();
      document.querySelector('h1')!.textContent = 'Apple School Manager servers';
      const second = read();
      expect(plain(second)).toEqual(plain(whole()));
      expect(second.records[0]!.headings).toContain('Apple School Manager servers');
      document.getElementById('list')!.setAttribute('aria-label', 'Servers of the district');
      const third = read();
      expect(plain(third)).toEqual(plain(whole()));
      expect(third.records[0]!.headings).toContain('Servers of the district');
    });

    it('reads a panel again when the expiry beside it goes: its extent was found from it', () => {
      document.body.innerHTML = '<h1>Tokens</h1><section><div id="a"><b>Token A</b><p><span>Expiration date</span> <span>3/14/2027</span></p></div><div id="b"><b>Token B</b><p><span>Expiration date</span> <span>4/15/2027</span></p></div><p>Last sync: 11/02/2026</p></section>';
      const first = read();
      expect(first.records.map((r) => r.element.id)).toEqual(['a', 'b']);
      document.getElementById('b')!.remove();
      const second = read();
      expect(plain(second)).toEqual(plain(whole()));
      expect(second.records[0]!.element.id).not.toBe('a');
    });

    it('reads the page kind again when the text under its heading becomes a subtitle, and not for a change in a list under it', () => {
      const url = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/ade';
      const now = new Date('2026-11-22T12:00:00');
      const same = () => {
        const scan = scanPage(url, document, now);
        const { doc, original } = copyOfPage();
        expect(plainScan(scan)).toEqual(plainScan(scanPage(url, doc, now), original));
        return scan;
      };
      document.body.innerHTML = '<h1>Contoso</h1><div id="sub"><span>Loading</span></div><ul><li><h3>Token A</h3><div><span>Expiration date</span> <span>3/14/2027</span></div></li></ul>';
      expect(same().page).toBe('credentials');
      document.querySelector('li span')!.textContent = 'Expiry date';
      expect(same().page).toBe('credentials');
      // The element under the heading loses its children and reads as a subtitle: the page's kind.
      document.getElementById('sub')!.textContent = 'Enrollment program token';
      expect(same().page).toBe('ade-token');
    });

    it('keeps the neighbours an item was last found from (the same item found from others is not taken on the old ones)', () => {
      document.body.innerHTML = '<div><div id="L1"><div id="E"><h3>Token A</h3><span>Expiration date</span> <span>3/14/2027</span></div><div id="G"><h3>Notes</h3><p>Nothing</p></div><div id="F"><h3>Token B</h3><span>Expiration date</span> <span>4/15/2027</span></div></div></div>';
      read();
      document.body.append(document.getElementById('F')!);
      expect(plain(read())).toEqual(plain(whole()));
      read();
      document.querySelector('#G h3')!.remove();
      expect(plain(read())).toEqual(plain(whole()));
    });

    it('reads the headings again when one is removed before an item at the top of a shadow root', () => {
      document.body.innerHTML = '<div id="host"></div>';
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<h2>Push certificates</h2><div><div><h3>Token A</h3><span>Expiration date</span> <span>3/14/2027</span></div><div><h3>Token B</h3><span>Expiration date</span> <span>4/15/2027</span></div></div>';
      read();
      read();
      root.querySelector('h2')!.remove();
      const again = read();
      expect(plain(again)).toEqual(plain(whole()));
      expect(again.records.flatMap((r) => r.headings)).not.toContain('Push certificates');
    });

    it('walks a card in a shadow root once, under a part of the page around its host that is walked too', () => {
      document.body.innerHTML = '<div id="host"></div>';
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<p id="s">Expires 1/1/2027</p><ul><li><span>Expiration date</span> <span>3/14/2027</span> <p>Apple ID: a@b.example</p></li><li><span>Expiration date</span> <span>4/15/2027</span></li></ul>';
      const first = read();
      expect(first.records.flatMap((r) => r.fields.filter((f) => f.key === 'appleId'))).toHaveLength(1);
      // The cards are taken as they were (the alert above them, an item over the whole page, is read again).
      const cards = read().records.filter((r) => r.element.tagName === 'LI');
      expect(cards).toHaveLength(2);
      expect(cards.every((r) => first.records.includes(r))).toBe(true);
      root.getElementById('s')!.remove();
      expect(plain(read())).toEqual(plain(whole()));
    });

    it('reads a card with a form field again every time (a value set by a script changes nothing a MutationObserver sees)', () => {
      document.body.innerHTML = '<h1>Tokens</h1><ul><li><h3>Token A</h3><div><span>Expiration date</span> <input value="3/14/2027"></div></li><li><h3>Token B</h3><div><span>Expiration date</span> <span>4/15/2027</span></div></li></ul>';
      read();
      document.querySelector('input')!.value = '5/16/2027';
      const second = read();
      expect(plain(second)).toEqual(plain(whole()));
      expect(second.records[0]!.fields[0]!.value).toBe('5/16/2027');
    });
  });

  describe('a details panel read over the whole page: only the texts where the page changed are read again', () => {
    // Counts the texts asked whether they are labels (each distinct text once a reading).
    let asked = 0;
    const counting: CollectOptions = {
      ...COLLECT_OPTIONS,
      labelKey: (text) => {
        asked++;
        return COLLECT_OPTIONS.labelKey(text);
      },
    };
    const read = () => drain(collectSteps(document, counting));
    const whole = () => drain(collectSteps(document.body, COLLECT_OPTIONS));
    const shell = (n: number) => `<nav>${Array.from({ length: n }, (_, i) => `<div><a href="#">Menu ${i}</a><span>item</span></div>`).join('')}</nav>`;
    const panel = '<h1>Apple MDM Push certificate</h1><div class="essentials"><div><div>Status</div><div>Active</div></div><div><div>Expiration</div><div>3/14/2027</div></div><div id="x"><div>Apple ID</div><div>mdm@contoso.example</div></div></div>';

    it('asks only the texts that changed, and gives what reading the whole page gives', () => {
      document.body.innerHTML = shell(2000) + panel;
      asked = 0;
      const first = read();
      expect(first.records.filter((r) => r.source === 'item')).toHaveLength(1);
      expect(asked).toBeGreaterThan(1000);
      for (let i = 0; i < 3; i++) {
        document.querySelectorAll('nav a')[i * 500]!.textContent = `Changed ${i}`;
        document.querySelector('#x div:last-child')!.textContent = `admin${i}@contoso.example`;
        asked = 0;
        const again = read();
        expect(plain(again)).toEqual(plain(whole()));
        expect(asked).toBeLessThan(20);
        expect(again.records[0]!.fields.find((f) => f.key === 'appleId')!.value).toBe(`admin${i}@contoso.example`);
      }
    });

    it('does not read again the labels of a part hidden since, when something beside them changes', () => {
      document.body.innerHTML = shell(20) + panel;
      read();
      document.getElementById('x')!.hidden = true;
      expect(plain(read())).toEqual(plain(whole()));
      // The Apple ID's label depends on the element that was hidden: it is not read, hidden as it is.
      document.querySelector('#x div:last-child')!.textContent = 'other@contoso.example';
      const again = read();
      expect(plain(again)).toEqual(plain(whole()));
      expect(again.records[0]!.fields.map((f) => f.key)).not.toContain('appleId');
    });

    it('reads again a form holding the panel directly (a part of the page found from the label above it)', () => {
      document.body.innerHTML = shell(20) + '<h1>Apple MDM Push certificate</h1><form><span>Expiration</span> <span>3/14/2027</span> <span>Apple ID</span> <span id="v">mdm@contoso.example</span></form>';
      read();
      document.getElementById('v')!.textContent = 'admin@contoso.example';
      const again = read();
      expect(plain(again)).toEqual(plain(whole()));
      expect(again.records[0]!.fields.map((f) => f.value)).toEqual(['3/14/2027', 'admin@contoso.example']);
    });

    it('gives the pair of a label text moved further down in its new place in the walk order', () => {
      document.body.innerHTML = shell(20) + '<h1>Apple MDM Push certificate</h1><div><span>Expiration date</span> <span>3/14/2027</span></div><div><span id="from">Status</span> <span>Active</span></div><div><span>Apple ID</span> <span>mdm@contoso.example</span></div><div><span id="to"></span> <span>Revoked</span></div>';
      read();
      document.getElementById('to')!.append(document.getElementById('from')!.firstChild!);
      const again = read();
      expect(plain(again)).toEqual(plain(whole()));
      expect(again.records[0]!.fields.map((f) => `${f.label}=${f.value}`).at(-1)).toBe('Status=Revoked');
    });

    // The work of one step (between two pauses), counted by what it asks: the reader must pause often.
    const mostInOneStep = (count: () => number, reset: () => void): number => {
      const steps = collectSteps(document, counting);
      let most = 0;
      for (;;) {
        reset();
        const step = steps.next();
        most = Math.max(most, count());
        if (step.done) return most;
      }
    };
    /** Counts the calls of a method or getter of the prototype that has it, until `undo`. */
    const countCalls = (proto: object, name: string, counted: (self: unknown) => boolean) => {
      let owner: object | null = proto;
      while (owner && !Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
      const original = Object.getOwnPropertyDescriptor(owner!, name)!;
      const calls = { n: 0, undo: () => Object.defineProperty(owner!, name, original) };
      const wrap = <T extends (...args: never[]) => unknown>(fn: T) =>
        function (this: unknown, ...args: Parameters<T>) {
          if (counted(this)) calls.n++;
          return fn.apply(this, args);
        };
      Object.defineProperty(owner!, name, original.get ? { ...original, get: wrap(original.get) } : { ...original, value: wrap(original.value) });
      return calls;
    };

    it('reads a changed card in a part walked again in small steps', () => {
      const links = (x: string) => Array.from({ length: 600 }, (_, i) => `<a href="#">${x} link ${i}</a>`).join('');
      document.body.innerHTML = ['A', 'B'].map((x) => `<section><h2>Token ${x}</h2><div><span>Expiration date</span> <span id="v${x}">3/14/2027</span></div><nav>${links(x)}</nav></section>`).join('');
      expect(mostInOneStep(() => asked, () => (asked = 0))).toBeLessThan(10);
      document.getElementById('vA')!.textContent = '4/15/2027';
      expect(mostInOneStep(() => asked, () => (asked = 0))).toBeLessThan(10);
      expect(plain(read())).toEqual(plain(whole()));
    });

    it('puts a block of labels rendered anew in the walk order in small steps', () => {
      const rows = (v: string) => Array.from({ length: 150 }, (_, i) => `<div><span>Status</span> <span>${v}${i}</span></div>`).join('');
      document.body.innerHTML = `<h1>Token</h1><div><span>Expiration date</span> <span>3/14/2027</span></div><div id="a">${rows('on')}</div><div>${rows('off')}</div>`;
      read();
      const fresh = document.createElement('div');
      fresh.innerHTML = rows('new');
      document.getElementById('a')!.replaceWith(fresh);
      const compared = countCalls(Node.prototype, 'compareDocumentPosition', () => true);
      try {
        expect(mostInOneStep(() => compared.n, () => (compared.n = 0))).toBeLessThan(100);
      } finally {
        compared.undo();
      }
      expect(plain(read())).toEqual(plain(whole()));
    });

    it('does not grow what it keeps from one reading to the next when the same change comes again', () => {
      const rows = Array.from({ length: 200 }, (_, i) => `<dt>Note ${i}</dt><dd>value ${i}</dd>`).join('');
      document.body.innerHTML = `<h1>Token</h1><dl><dt>Expiration date</dt><dd id="v">3/14/2027</dd>${rows}</dl>`;
      read();
      const asked = countCalls(Node.prototype, 'isConnected', (self) => (self as Node).nodeType === 3);
      const perReading: number[] = [];
      try {
        for (let i = 0; i < 30; i++) {
          document.getElementById('v')!.firstChild!.textContent = `3/${(i % 27) + 1}/2027`;
          asked.n = 0;
          read();
          perReading.push(asked.n);
        }
      } finally {
        asked.undo();
      }
      expect(perReading[29]!).toBeLessThan(perReading[1]! * 2);
      expect(plain(read())).toEqual(plain(whole()));
    });

    it('a recorded random case: the items read twice in one reading (a kept card dropped) keep the texts the first time found anew', () => {
      // Found by a long run of the random changes below (seed 22128 on this page, 22 batches); failed before its fix.
      document.body.innerHTML = bodyOf('unseen/maas360/home-alerts.html');
      const pick = random(22128);
      drain(collectSteps(document, COLLECT_OPTIONS));
      for (let round = 0; round < 22; round++) {
        const changes = 1 + Math.floor(pick() * 2);
        for (let k = 0; k < changes; k++) change(pick);
        expect(plain(drain(collectSteps(document, COLLECT_OPTIONS))), `round ${round}`).toEqual(plain(whole()));
      }
    });

    it('reads a label at the top of a shadow root again when its value beside it changes (its siblings are read with its host)', () => {
      document.body.innerHTML = shell(20) + '<h1>Apple MDM Push certificate</h1><div id="host"></div>';
      const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<span>Expiration</span><span id="v">3/14/2027</span>';
      expect(read().records[0]!.fields[0]!.value).toBe('3/14/2027');
      root.getElementById('v')!.textContent = '4/15/2027';
      const again = read();
      expect(plain(again)).toEqual(plain(whole()));
      expect(again.records[0]!.fields[0]!.value).toBe('4/15/2027');
    });
  });

  it(`gives what reading the whole page gives, after random changes on all ${files.length} fixture pages`, () => {
    let compared = 0;
    let withRecords = 0;
    for (const [i, file] of files.entries()) {
      document.body.innerHTML = bodyOf(file);
      const pick = random(i + 1);
      const [first, firstWhole] = both();
      expect(first, file).toEqual(firstWhole);
      for (let round = 0; round < 6; round++) {
        const changes = 1 + Math.floor(pick() * 3);
        for (let k = 0; k < changes; k++) change(pick);
        const [again, whole] = both();
        expect(again, `${file}, round ${round}`).toEqual(whole);
        compared++;
        if ((whole as { records: unknown[] }).records.length) withRecords++;
      }
    }
    expect(compared).toBe(files.length * 6);
    expect(withRecords).toBeGreaterThan(files.length * 2);
  });
});
