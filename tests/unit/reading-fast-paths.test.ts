/**
 * The reading layer's fast paths (a grid read with one query per grid, texts already folded left
 * as they are, the calendar's rule written out) give exactly what the general paths give.
 */
import { isExists } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealDay, normalise, possibleOrders } from '../../lib/dates/parse';
import { textOf } from '../../lib/dom/read';
import { scanPage } from '../../lib/scan';
import { isKindPhrase } from '../../lib/consoles/vocabulary';
import { CONSOLES } from '../../lib/consoles/list';

const NOW = new Date('2026-11-22T12:00:00Z');
const INTUNE = 'https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/ade';

/** The general paths, as they were before the fast ones. */
const foldedText = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
const normalisedSlowly = (text: string) =>
  text
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0F]/g, '/')
    .replace(/[\u00A0\u202F\u2007\u200B]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const TEXTS = ['', ' ', 'Active', '3/14/2027', ' 3/14/2027', '3/14/2027 ', 'Mar 3, 2027  4:30 PM', 'a\tb', 'a\nb', '2027年3月3日', '１２/０５/２０２７', '5\u00A0mars\u202F2027', 'x\u200By', '~!@#$%^&*()_+{}|:"<>?', 'Token 0'];

describe('fast paths read as the general ones', () => {
  it('isRealDay is date-fns isExists (months 1-12) on every day around each kind of leap year, and on nonsense', () => {
    const years = [1896, 1900, 2000, 2100, 2400].flatMap((y) => Array.from({ length: 9 }, (_, i) => y - 4 + i)).concat([2026, 2027, 2028], Array.from({ length: 104 }, (_, i) => i));
    for (const year of years) {
      for (let month = 0; month <= 13; month++) for (let day = -1; day <= 32; day++) expect(isRealDay(year, month, day), `${year}-${month}-${day}`).toBe(isExists(year, month - 1, day) && month >= 1 && month <= 12 && day >= 1);
    }
    expect(isRealDay(2027, 2.5, 1)).toBe(false);
    // A placeholder year says nothing about the order of a page's dates.
    expect([...possibleOrders(['3/14/0027'])].sort()).toEqual(['dmy', 'mdy']);
    expect([...possibleOrders(['31/12/0001'])].sort()).toEqual(['dmy', 'mdy']);
    expect(isRealDay(NaN, 2, 1)).toBe(false);
  });

  it('textOf folds like the general rule, for the texts a console prints and for any text', () => {
    const el = document.createElement('div');
    for (const t of TEXTS) {
      el.textContent = t;
      expect(textOf(el), JSON.stringify(t)).toBe(foldedText(t));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', '  ', '\t', '\n', '\u00A0', '\u202F', 'é', '期', '/', '.') }), (t) => {
        el.textContent = t;
        return textOf(el) === foldedText(t);
      }),
    );
  });

  it('normalise folds like the general rule', () => {
    for (const t of TEXTS) expect(normalise(t), JSON.stringify(t)).toBe(normalisedSlowly(t));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '1', ' ', '  ', '\t', '\u00A0', '\u2007', '\u200B', '１', '／', '/') }), (t) => normalise(t) === normalisedSlowly(t)));
  });

  it("isKindPhrase is remembered per vocabulary: a console's own words change the answer, and asking again does not", () => {
    for (const t of ['Enrollment program tokens', 'Token 0', 'Apple VPP token', '学園 MDM サーバ']) expect(isKindPhrase(t)).toBe(isKindPhrase(t));
    expect(isKindPhrase('Enrollment program tokens')).toBe(true);
    expect(isKindPhrase('Contoso Schools')).toBe(false);
    // CLOMO calls its DEP token "MDM 構成プロファイル": a kind phrase with its words, a name without them.
    const clomo = CONSOLES.find((c) => c.id === 'clomo')!;
    const phrase = 'MDM 構成プロファイル';
    expect(clomo.words?.kinds?.apns).toContain(phrase);
    expect(isKindPhrase(phrase)).toBe(false);
    expect(isKindPhrase(phrase, clomo.words)).toBe(true);
    expect(isKindPhrase(phrase)).toBe(false);
  });
});

describe('an ARIA grid read with one query per grid', () => {
  const head = (k: string, t: string) => `<div role="columnheader" data-item-key="${k}"><span>${t}</span></div>`;
  const row = (name: string, date: string) =>
    `<div role="row"><div role="gridcell" data-automation-key="name">${name}</div><div role="gridcell" data-automation-key="appleId">a@contoso.example</div><div role="gridcell" data-automation-key="exp">${date}</div></div>`;
  const header = `<div role="row">${head('name', 'Name')}${head('appleId', 'Apple ID')}${head('exp', 'Expiration date')}</div>`;
  const read = (body: string) => {
    document.documentElement.lang = 'en';
    document.body.innerHTML = `<h1>Enrollment program tokens</h1>${body}`;
    return scanPage(INTUNE, document, NOW).credentials.map((c) => [c.name, c.expiresOn]);
  };

  it('rows in row groups, and cells wrapped in a fields element (Fluent), are read', () => {
    expect(read(`<div role="grid"><div role="rowgroup">${header}</div><div role="rowgroup">${row('A', '3/14/2027')}${row('B', '4/1/2027')}</div></div>`)).toEqual([
      ['A', '2027-03-14'],
      ['B', '2027-04-01'],
    ]);
    const wrapped = `<div role="row"><div class="fields"><div role="gridcell" data-automation-key="name">C</div><div role="gridcell" data-automation-key="exp">5/2/2027</div></div></div>`;
    expect(read(`<div role="grid">${header}${wrapped}</div>`)).toEqual([['C', '2027-05-02']]);
  });

  it('a grid nested in a row keeps its rows and headers to itself', () => {
    const nested = `<div role="grid">${header}${row('Inner', '6/6/2027')}</div>`;
    const outerRow = `<div role="row"><div role="gridcell" data-automation-key="name">Outer</div><div role="gridcell" data-automation-key="exp">7/7/2027</div><div role="gridcell">${nested}</div></div>`;
    // The row holding a nested grid's headers is no data row of the outer grid (as before); the inner grid is read on its own.
    const names = read(`<div role="grid">${header}${outerRow}${row('D', '8/8/2027')}</div>`).map(([n]) => n);
    expect(names).toContain('D');
    expect(names).toContain('Inner');
    expect(names).not.toContain('Outer');
  });
});
