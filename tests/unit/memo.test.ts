import { describe, expect, it } from 'vitest';
import { remembered } from '../../lib/memo';
import { readDates } from '../../lib/dates/parse';
import { statusHealth } from '../../lib/credentials/health';

describe('remembered', () => {
  it('asks once per text, undefined answers too, and starts afresh past its bound', () => {
    const asked: string[] = [];
    const f = remembered((t: string) => {
      asked.push(t);
      return t === 'none' ? undefined : t.length;
    }, 3);
    expect([f('ab'), f('ab'), f('none'), f('none'), f('abc')]).toEqual([2, 2, undefined, undefined, 3]);
    expect(asked).toEqual(['ab', 'none', 'abc']);
    f('abcd'); // the fourth text: the memory starts afresh with it
    f('ab');
    expect(asked).toEqual(['ab', 'none', 'abc', 'abcd', 'ab']);
  });
});

describe('remembered readers give what reading afresh gives', () => {
  it('readDates: the same text under another order or language is read under that order or language', () => {
    expect(readDates('3/4/2027', 'en').value).toBe('2027-03-04');
    expect(readDates('3/4/2027', 'fr').value).toBe('2027-04-03');
    expect(readDates('3/4/2027', 'en', 'dmy').value).toBe('2027-04-03');
    expect(readDates('3/4/2027', 'en', null).value).toBe(null);
    expect(readDates('3/4/2027', 'en').value).toBe('2027-03-04');
    // A page's text may hold a NUL: it is part of the text, not of the key's other parts.
    expect(readDates('Expires\u00003/14/2027', 'en').value).toBe('2027-03-14');
    expect(readDates('\u0000', 'en')).toEqual({ shown: 0, value: null });
    // The page sets the language: one that holds a separator cannot borrow another text's reading.
    expect(readDates('x\u00003/4/2027', 'en').value).toBe('2027-03-04');
    expect(readDates('3/4/2027', 'en\u0000x').value).toBe(readDates('3/4/2027', 'zz').value);
    expect(readDates('3/4/2027', '4:en').value).toBe(readDates('3/4/2027', 'zz').value);
    expect(readDates('2027/3/4', 'ja', 'ymd').value).toBe('2027-03-04');
  });

  it('statusHealth', () => {
    expect(statusHealth('Revoked')).toBe('revoked');
    expect(statusHealth('Revoked')).toBe('revoked');
    expect(statusHealth('Active')).toBe('active');
    expect(statusHealth('Blorp')).toBe('unknown');
  });
});
