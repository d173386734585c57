/**
 * The date matrix: every form consoles print a date in × en, fr, ja, de, es, with the page's
 * language set and unset. Each reads as the day shown, or null; never another day.
 */
import { describe, expect, it } from 'vitest';
import { dateLanguage, parseDisplayedDate, settleOrder } from '../../lib/dates/parse';

/** A date as the reading layer reads a lone value: its own digits may settle the order (14/03 is day-first). */
const read = (text: string, lang: string) => parseDisplayedDate(text, lang, settleOrder([text], lang));
import { relativeDays } from '../../lib/consoles/vocabulary';

const LANGS = ['en', 'en-US', 'en-GB', 'fr', 'fr-CA', 'ja', 'de', 'de-AT', 'es', 'es-MX', ''];

/** [form, the day it shows, the languages in which it is certain (others: that day or null)] */
const FORMS: [string, string, string[]][] = [
  ['Mar 3, 2027 4:30 PM PDT', '2027-03-03', LANGS],
  ['March 3rd, 2027', '2027-03-03', LANGS],
  ['2027-02-11T02:00:00+09:00', '2027-02-11', LANGS],
  ['2027-02-11T23:30:00-08:00', '2027-02-11', LANGS],
  ['3 mars 2027', '2027-03-03', LANGS],
  ['1er mars 2027 à 09:15', '2027-03-01', LANGS],
  ['7. Februar 2027', '2027-02-07', LANGS],
  ['7. Feb. 2027, 10:41', '2027-02-07', LANGS],
  ['2027年3月3日', '2027-03-03', LANGS],
  ['2027年 3月 3日 (水) 9:41', '2027-03-03', LANGS],
  ['4 Jun 2027', '2027-06-04', LANGS],
  ['12 de marzo de 2027', '2027-03-12', LANGS],
  ['12 mar. 2027', '2027-03-12', LANGS],
  ['Thu Feb 11 02:00:00 JST 2027', '2027-02-11', LANGS],
  ['14.03.2027', '2027-03-14', LANGS],
  ['14/03/2027 23:59:59', '2027-03-14', LANGS],
  ['3/14/2027, 10:02:55 PM', '2027-03-14', LANGS],
  ['2027/03/14', '2027-03-14', LANGS],
  ['２０２７/０３/１４', '2027-03-14', LANGS],
  // Day and month both ≤ 12: only a language that writes one order is certain.
  ['03/04/2027', '2027-03-04', ['en', 'en-US']],
  ['03/04/2027', '2027-04-03', ['en-GB', 'fr', 'fr-CA', 'de', 'de-AT', 'es', 'es-MX']],
  ['5.6.2027', '2027-06-05', ['de', 'de-AT', 'fr', 'fr-CA', 'es', 'es-MX', 'en-GB']],
  ['5.6.2027', '2027-05-06', ['en', 'en-US']],
];

describe('every printed form × language: the day shown or null, never another day', () => {
  for (const [form, day, certain] of FORMS) {
    for (const lang of LANGS) {
      it(`${form} · ${lang || '(no lang)'}`, () => {
        const day2 = read(form, lang);
        if (certain.includes(lang)) expect(day2).toBe(day);
        else if (day2 !== null) {
          // An uncertain form may still be read, but only as the day it means in the language's own order.
          expect(FORMS.find(([f, d]) => f === form && d === day2)?.[2]).toContain(lang);
        }
      });
    }
  }

  it('the same date with no language is null when both orders are possible', () => {
    for (const form of ['03/04/2027', '5.6.2027', '04/05/27']) expect(read(form, '')).toBeNull();
  });

  it('other dates printed alike settle the order; contradictions settle nothing', () => {
    expect(settleOrder(['03/04/2027', '3/14/2027'], '')).toBe('mdy');
    expect(settleOrder(['03/04/2027', '14/3/2027'], 'en')).toBe('dmy');
    expect(settleOrder(['03/04/2027', '05/06/2026'], '')).toBeNull();
    expect(settleOrder(['03/04/2027'], '', ['21/11/2026 23:00'])).toBe('dmy');
    expect(settleOrder(['3/14/2027', '14/3/2027'], 'en')).toBeNull();
    // 31/13/2027 is no date in either order: it says nothing about the column.
    expect(settleOrder(['05/03/2027', '31/13/2027'], 'fr')).toBe('dmy');
  });

  it('the browser locale decides where the page names only a language', () => {
    expect(dateLanguage('en', 'en-GB')).toBe('en-gb');
    expect(dateLanguage('en-US', 'en-GB')).toBe('en-us');
    expect(dateLanguage('', 'fr-CA')).toBe('fr-ca');
    expect(dateLanguage('fr', 'en-GB')).toBe('fr');
    expect(parseDisplayedDate('03/04/2027', dateLanguage('en', 'en-GB'))).toBe('2027-04-03');
  });

  it.each([
    ['in 12 days', 12], ['dans 12 jours', 12], ['12 日後', 12], ['あと 12 日', 12], ['in 12 Tagen', 12], ['en 12 días', 12], ['dentro de 12 días', 12],
    ['3 days ago', -3], ['il y a 3 jours', -3], ['3 日前', -3], ['vor 3 Tagen', -3], ['hace 3 días', -3],
    ['tomorrow', 1], ['demain', 1], ['明日', 1], ['morgen', 1], ['mañana', 1], ['today', 0], ['heute', 0], ['hoy', 0],
  ])('relative text %s is %i days from today', (text, days) => {
    expect(relativeDays(text)).toBe(days);
  });
});
