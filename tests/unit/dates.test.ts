import { describe, expect, it } from 'vitest';
import { findDates, numericOrder, parseDisplayedDate } from '../../lib/dates/parse';

describe('parseDisplayedDate', () => {
  it.each([
    // [text, lang, expected]
    ['3/14/2027', 'en', '2027-03-14'],
    ['3/14/2027', 'en-US', '2027-03-14'],
    ['12/5/2026', 'en-us', '2026-12-05'],
    ['11/21/2026, 10:02:55 PM', 'en', '2026-11-21'],
    ['12/20/2026 10:15 EST', 'en', '2026-12-20'],
    ['3/14/27', 'en-US', '2027-03-14'],
    ['14/03/2027', 'en-GB', '2027-03-14'],
    ['14/03/2027', 'fr', '2027-03-14'],
    ['02/12/2026', 'fr-FR', '2026-12-02'],
    ['21/11/2026 22:05', 'fr', '2026-11-21'],
    ['14.03.2027', 'de', '2027-03-14'],
    ['14.03.2027, 09:40', 'de-DE', '2027-03-14'],
    ['2027/03/14', 'ja', '2027-03-14'],
    ['2027/3/14 9:40', 'ja-JP', '2027-03-14'],
    ['２０２７/０３/１４', 'ja', '2027-03-14'],
    ['2027年3月14日', 'ja', '2027-03-14'],
    ['有効期限：2027年 3月 14日 (日)', 'ja', '2027-03-14'],
    ['2027-03-14', '', '2027-03-14'],
    ['2027-03-14T09:40:11-0800', 'fr', '2027-03-14'],
    ['Mar 14, 2027', 'en', '2027-03-14'],
    ['Expires March 14, 2027', 'en', '2027-03-14'],
    ['Sept. 3, 2027', 'en', '2027-09-03'],
    ['14 Mar 2027', 'en-GB', '2027-03-14'],
    ['14 mars 2027', 'fr', '2027-03-14'],
    ['Expire le 2 déc. 2026', 'fr', '2026-12-02'],
    ['1er janvier 2027', 'fr', '2027-01-01'],
    ['14. März 2027', 'de', '2027-03-14'],
    ['14 de marzo de 2027', 'es', '2027-03-14'],
    ['3/14/2027', '', '2027-03-14'],
    ['14/03/2027', '', '2027-03-14'],
    ['5/5/2027', '', '2027-05-05'],
  ])('%s (%s) is %s', (text, lang, expected) => {
    expect(parseDisplayedDate(text, lang)).toBe(expected);
  });

  it.each([
    ['3/4/2027', '', 'day and month could be swapped, language unknown'],
    ['3/4/2027', 'en-CA', 'Canada writes both orders'],
    ['14/03/2027', 'en-US', 'impossible in the page order: not re-read in another'],
    ['3/14/2027', 'fr', 'impossible in the page order'],
    ['3/4/27', '', 'two-digit year and unknown order'],
    ['2/30/2027', 'en', 'no 30 February'],
    ['2027-13-01', '', 'no month 13'],
    ['Smarch 14, 2027', 'en', 'not a month'],
    ['', 'en', 'empty'],
    ['never', 'en', 'no date'],
    ['3/14/2027 – 4/14/2027', 'en', 'two different dates'],
    ['12', 'en', 'a bare number'],
    ['1.2.3.4', 'de', 'a version number'],
    ['192.168.1.10', 'de', 'an address'],
    ['14/03/1870', 'fr', 'out of range'],
    // What a date cut short leaves (a page still loading): never read as another date.
    ['14/01/20', 'fr', 'a four-digit 20xx cut after "20"'],
    ['1/14/20', 'en-US', 'a four-digit 20xx cut after "20"'],
    ['2027/01/2', 'ja', 'a padded month beside a one-digit day: the day was cut'],
    ['01/2/2027', 'en-US', 'a padded part beside a one-digit one'],
  ])('%s (%s) is null: %s', (text, lang) => {
    expect(parseDisplayedDate(text, lang)).toBeNull();
  });

  it('still reads short forms that are whole: two-digit years from 21, unpadded parts on both sides', () => {
    expect(parseDisplayedDate('1/14/27', 'en-US')).toBe('2027-01-14');
    expect(parseDisplayedDate('14/01/21', 'fr')).toBe('2021-01-14');
    expect(parseDisplayedDate('2027/1/2', 'ja')).toBe('2027-01-02');
    expect(parseDisplayedDate('2027/11/2', 'ja')).toBe('2027-11-02');
    expect(parseDisplayedDate('2027/01/02', 'ja')).toBe('2027-01-02');
  });

  it('reads a repeated date once', () => {
    expect(parseDisplayedDate('Expires Dec 5, 2026 (12/5/2026)', 'en')).toBe('2026-12-05');
  });
});

describe('numericOrder', () => {
  it.each([
    ['en', 'mdy'], ['en-US', 'mdy'], ['en-GB', 'dmy'], ['en-AU', 'dmy'], ['fr', 'dmy'], ['fr-CA', 'dmy'],
    ['de-CH', 'dmy'], ['ja', 'ymd'], ['zh-Hans', 'ymd'], ['', null], ['tlh', null], ['en-CA', null],
  ])('%s writes %s', (lang, order) => {
    expect(numericOrder(lang)).toBe(order);
  });
});

describe('findDates', () => {
  it('lists each date with the text it was read from', () => {
    expect(findDates('Last updated 3/14/2026, expires 3/14/2027', 'en')).toEqual([
      { text: '3/14/2026', value: '2026-03-14' },
      { text: '3/14/2027', value: '2027-03-14' },
    ]);
  });
});
