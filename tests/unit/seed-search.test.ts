/**
 * The first walk over a page (lib/dom/collect.ts) passes over subtrees whose whole text cannot
 * hold a seed (`CollectOptions.candidateSpan`, `CANDIDATE_SPAN`). Narrowing must never lose a
 * seed: on every fixture page, set deep inside a large portal shell, collecting with it gives
 * exactly the records collecting without it gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternatives, CANDIDATE, CANDIDATE_SPAN, EXPIRY_STEMS, inCandidateSpan, longTextTest, needsNonAscii, spanOf } from '../../lib/credentials/seeds';
import { anyText, collectSteps, type PageRecord } from '../../lib/dom/collect';
import { COLLECT_OPTIONS } from '../../lib/consoles/reading';
import { drain } from '../../lib/steps';

const dir = resolve(import.meta.dirname, '../fixtures');
const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();

/** A portal's navigation: thousands of characters and no word of an expiry. */
const NAV = `<nav>${Array.from({ length: 200 }, (_, i) => `<div><a href="#">Menu ${i}</a><span>item</span></div>`).join('')}</nav>`;

/** A large sibling with few nodes (the test DOM is slow per node): more text than narrowing passes over unread. */
const PAD = `<div><p>${'Menu item '.repeat(220)}</p><span>Devices</span></div>`;

/** A fixture page's body (frames left out: nobody reads them, and the test DOM cannot load them). */
function bodyOf(file: string): string {
  const html = readFileSync(resolve(dir, file), 'utf8');
  return (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html).replace(/<iframe\b[^>]*>(?:<\/iframe>)?/gi, '');
}

/** The fixture's body, nested deep inside a large shell with large siblings at every level. */
function shelled(file: string): Document {
  let inner = bodyOf(file);
  for (let i = 0; i < 6; i++) inner = `<div class="level${i}">${i % 2 ? PAD : ''}<div>${inner}</div>${i % 3 === 0 ? PAD : ''}</div>`;
  document.body.innerHTML = `${PAD}<script>var expires = "2027-03-03"; // MDM</script>${inner}${PAD}`;
  return document;
}

function records(doc: Document, span: boolean): unknown[] {
  const options = span ? COLLECT_OPTIONS : { ...COLLECT_OPTIONS, candidateSpan: undefined };
  const out = drain(collectSteps(doc, options));
  return out.records.map((r: PageRecord) => ({ source: r.source, fields: r.fields.map((f) => [f.label, f.value]), name: r.name, text: r.text, headings: r.headings, seeds: out.seeds }));
}

describe('the span test for joined texts', () => {
  it('keeps no word-boundary test, anchor or look-around', () => {
    for (const re of [CANDIDATE_SPAN, spanOf(EXPIRY_STEMS)]) {
      // Outside character classes (`[^.!?]` is no anchor).
      expect(re.source.replace(/\[(?:\\.|[^\]])*\]/g, '')).not.toMatch(/\\b|\^|\$|\(\?[=!<]/);
      expect(re.flags).toContain('i');
    }
  });

  it('passes every text CANDIDATE passes, with any text joined before and after it', () => {
    const texts = ['Token läuft am 5. Dezember 2026 ab', 'läuft in 12 Tagen ab', 'Expiration date', '有効期限', 'was revoked', 'Terms and Conditions', 'Gültig bis', 'vence el 3/3/2027', 'MDM'];
    for (const file of files) {
      document.body.innerHTML = bodyOf(file);
      const walker = document.createTreeWalker(document.body, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (CANDIDATE.test((n as Text).data)) texts.push((n as Text).data);
    }
    expect(texts.length).toBeGreaterThan(200);
    for (const t of texts) for (const [a, b] of [['', ''], ['x', 'y'], ['Menu 3', 'abc'], ['é', '1']]) expect(CANDIDATE_SPAN.test(a + t + b), `${a}|${t}|${b}`).toBe(true);
    // "läuft … ab" followed at once by another text's word: CANDIDATE misses the joined text, the span test does not.
    expect(CANDIDATE.test('Token läuft morgen ab' + 'Status')).toBe(false);
    expect(CANDIDATE_SPAN.test('Token läuft morgen ab' + 'Status')).toBe(true);
  });
});

describe('the span test for long texts, split by script', () => {
  it('splits an alternation at its top level only', () => {
    expect(alternatives('a|b(?:c|d)|[|]|e\\|f')).toEqual(['a', 'b(?:c|d)', '[|]', 'e\\|f']);
    expect(alternatives(CANDIDATE_SPAN.source).join('|')).toBe(CANDIDATE_SPAN.source);
  });

  it('puts apart only the words that cannot match a text of ASCII characters alone', () => {
    expect(needsNonAscii('gültig bis')).toBe(true);
    expect(needsNonAscii('有効期限')).toBe(true);
    expect(needsNonAscii('expir')).toBe(false);
    // Optional, in a group or in a class: an ASCII text may still match.
    for (const alt of ['gu?ltig', 'gü?ltig', 'gü*ltig', 'gü{0,1}ltig', 'g(?:ü|u)ltig', 'g[üu]ltig', 'g\\üa', 'a(?:b(?:c(?:é)))']) expect(needsNonAscii(alt), alt).toBe(false);
    expect(needsNonAscii('läuft(?:ab|am)')).toBe(true);
    // With the u flag, ſ and K fold to ASCII letters: such an expression is not split.
    const folded = /ſtatus|x/iu;
    expect([folded.test('STATUS'), longTextTest(folded)('STATUS')]).toEqual([true, true]);
    const wide = longTextTest(/g[üu]ltig|ab(?:é|e)c|x/i);
    expect(wide('gultig')).toBe(true);
    expect(wide('abec')).toBe(true);
  });

  it('answers as CANDIDATE_SPAN does, on every fixture text and on runs of them, with and without other scripts', () => {
    const texts: string[] = [];
    for (const file of files) {
      document.body.innerHTML = bodyOf(file);
      texts.push(document.body.textContent ?? '');
      const walker = document.createTreeWalker(document.body, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push((n as Text).data);
    }
    const extra = ['Menu item Devices', 'MENU ÉCHÉANCE', 'GÜLTIG BIS', 'Échéance', 'RÉVOQUÉ', 'läuft morgen ab', 'LÄUFT AM', '有効期限', 'Válido hasta', 'INVÁLIDO', 'Zurückgezogen', 'é', 'ü expir', 'e\u0301cheance'];
    let passed = 0;
    for (const t of [...texts, ...extra]) {
      for (const joined of [t, `Menu 3${t}abc`, `é${t}`, t.toUpperCase()]) {
        const expected = CANDIDATE_SPAN.test(joined);
        expect(inCandidateSpan(joined), joined.slice(0, 80)).toBe(expected);
        if (expected) passed++;
      }
    }
    expect(passed).toBeGreaterThan(500);
  });
});

describe('narrowing the first walk', () => {
  it(`finds the same records as visiting every text, on all ${files.length} fixture pages set deep in a portal shell`, () => {
    let withCredentials = 0;
    for (const file of files) {
      const doc = shelled(file);
      const narrowed = records(doc, true);
      expect(narrowed, file).toEqual(records(doc, false));
      if (narrowed.length) withCredentials++;
    }
    expect(withCredentials).toBeGreaterThan(100);
  });

  it('finds a seed in a text of its own beside large elements, under a skipped script, in a shadow root, and none in a script', () => {
    const seeds = (html: string, shadow?: string) => {
      document.body.innerHTML = html;
      if (shadow) document.querySelector('mdm-card')!.attachShadow({ mode: 'open' }).innerHTML = shadow;
      return [drain(anyText(document.body, (t) => CANDIDATE.test(t), (t) => CANDIDATE_SPAN.test(t))), drain(anyText(document.body, (t) => CANDIDATE.test(t)))];
    };
    expect(seeds(`${NAV}Token expires 3/3/2027${NAV}`)).toEqual([true, true]);
    expect(seeds(`${NAV}<div>${NAV}<p>Token expires 3/3/2027</p></div>`)).toEqual([true, true]);
    expect(seeds(`${NAV}<script>var expires = 1;</script><style>.expired{}</style>${NAV}`)).toEqual([false, false]);
    expect(seeds(`${NAV}<div hidden>${NAV}<p>Token expires 3/3/2027</p></div>`)).toEqual([false, false]);
    expect(seeds(`${NAV}<mdm-card></mdm-card>${NAV}`, '<dl><dt>Expires</dt><dd>2027-03-03</dd></dl>')).toEqual([true, true]);
    expect(seeds(`${NAV}${NAV}`)).toEqual([false, false]);
    // A text straight under a shadow root, beside large elements: both walks apply the same rule to it.
    const [narrowed, visited] = seeds(`${NAV}<mdm-card></mdm-card>`, `${NAV}Token expires 3/3/2027`);
    expect(narrowed).toBe(visited);
  });

  it('still finds every seed once its budget for reading texts again is spent (a page of many nested matches)', () => {
    // Every level holds an expiry text: narrowing rereads each level and runs out of budget.
    let html = '';
    for (let i = 0; i < 40; i++) html = `<div>${NAV.slice(0, 2500)}<p>Token ${i} expires 3/${(i % 28) + 1}/2027</p>${html}</div>`;
    document.body.innerHTML = html;
    const count = (span: boolean) => drain(collectSteps(document, span ? COLLECT_OPTIONS : { ...COLLECT_OPTIONS, candidateSpan: undefined })).seeds;
    expect(count(true)).toBe(40);
    expect(count(false)).toBe(40);
  });
});
