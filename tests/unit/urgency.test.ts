import { describe, expect, it } from 'vitest';
import { differenceInCalendarDays } from 'date-fns';
import {
  calendarDate, dateInDays, daysLeft, graceEndsOn, projectedExpiry, thresholdReached, urgencyOf, worstUrgency,
} from '../../lib/credentials/urgency';

describe('daysLeft', () => {
  it('counts calendar days in the given time zone', () => {
    // 2026-11-22 23:30 UTC is already the 23rd in Tokyo and still the 22nd in Los Angeles.
    const now = new Date('2026-11-22T23:30:00Z');
    expect(daysLeft('2026-12-04', now, 'UTC')).toBe(12);
    expect(daysLeft('2026-12-04', now, 'Asia/Tokyo')).toBe(11);
    expect(daysLeft('2026-12-04', now, 'America/Los_Angeles')).toBe(12);
    expect(daysLeft('2026-11-23', now, 'Asia/Tokyo')).toBe(0);
  });

  it('is not thrown off by daylight-saving changes', () => {
    // Europe/Paris leaves summer time on 2026-10-25; the US on 2026-11-01; both springs forward in March.
    expect(daysLeft('2026-10-26', new Date('2026-10-24T22:30:00Z'), 'Europe/Paris')).toBe(1);
    expect(daysLeft('2026-11-02', new Date('2026-10-31T12:00:00Z'), 'America/New_York')).toBe(2);
    expect(daysLeft('2027-03-29', new Date('2027-03-27T23:30:00Z'), 'Europe/Paris')).toBe(1);
    expect(daysLeft('2027-03-14', new Date('2027-03-14T07:30:00Z'), 'America/Los_Angeles')).toBe(1); // 23:30 PST on the 13th
    expect(daysLeft('2027-03-14', new Date('2027-03-14T10:30:00Z'), 'America/Los_Angeles')).toBe(0); // 03:30 PDT
  });

  it('counts whole calendar days from today in the zone, over two years of dates and zones with and without summer time', () => {
    const zones = ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    const base = Date.UTC(2026, 0, 1, 5, 17);
    for (let i = 0; i < 800; i += 3) {
      const now = new Date(base + i * 86_400_000 + (i % 24) * 3_600_000);
      for (const zone of zones) {
        const today = calendarDate(now, zone);
        for (const ahead of [-400, -31, -1, 0, 1, 29, 365, 366, 1000]) {
          const target = new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10) + ahead));
          const iso = target.toISOString().slice(0, 10);
          expect(daysLeft(iso, now, zone)).toBe(ahead);
        }
      }
      // The system's zone (no zone given): as date-fns counts calendar days there.
      for (const ahead of [-400, -1, 0, 1, 29, 366]) {
        const target = new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead, 15);
        const iso = `${target.getFullYear()}-${String(target.getMonth() + 1).padStart(2, '0')}-${String(target.getDate()).padStart(2, '0')}`;
        expect(daysLeft(iso, now)).toBe(differenceInCalendarDays(target, now));
      }
    }
  });

  it('is negative once past', () => {
    expect(daysLeft('2026-11-19', new Date('2026-11-22T12:00:00Z'), 'UTC')).toBe(-3);
  });

  it('handles a leap day', () => {
    expect(daysLeft('2028-03-01', new Date('2028-02-28T12:00:00Z'), 'UTC')).toBe(2);
  });
});

describe('urgencyOf', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    ['2027-03-14', 'ade', 'ok'],
    ['2027-01-21', 'ade', 'upcoming'],
    ['2027-01-22', 'ade', 'ok'],
    ['2026-12-22', 'vpp', 'soon'],
    ['2026-12-23', 'vpp', 'upcoming'],
    ['2026-11-29', 'ade', 'urgent'],
    ['2026-11-23', 'ade', 'urgent'],
    ['2026-11-22', 'ade', 'today'],
    ['2026-11-21', 'ade', 'expired'],
    ['2026-11-21', 'apns', 'grace'],
    ['2026-10-23', 'apns', 'grace'],
    ['2026-10-22', 'apns', 'expired'],
  ] as const)('%s %s is %s', (date, kind, urgency) => {
    expect(urgencyOf(kind, date, now, 'UTC')).toBe(urgency);
  });
  it('is unknown without a date', () => {
    expect(urgencyOf('apns', null, now, 'UTC')).toBe('unknown');
  });
});

describe('thresholds', () => {
  it.each([
    [90, null], [60, 60], [45, 60], [30, 30], [8, 14], [7, 7], [2, 3], [1, 1], [0, 0], [-1, 'overdue'],
  ] as const)('%s days left reaches %s', (days, t) => {
    expect(thresholdReached(days)).toBe(t);
  });
  it('takes configured thresholds', () => {
    expect(thresholdReached(20, [31, 7])).toBe(31);
    expect(thresholdReached(40, [31, 7])).toBeNull();
    expect(thresholdReached(5, [])).toBeNull();
  });
});

describe('renewal', () => {
  it('moves the next expiry to one year from the renewal day', () => {
    expect(projectedExpiry(new Date('2026-11-22T12:00:00Z'), 'UTC')).toBe('2027-11-22');
    expect(projectedExpiry(new Date('2026-11-22T23:30:00Z'), 'Asia/Tokyo')).toBe('2027-11-23');
    expect(projectedExpiry(new Date('2028-02-29T12:00:00Z'), 'UTC')).toBe('2029-02-28');
  });
  it('knows when the APNs grace period ends', () => {
    expect(graceEndsOn('2026-11-21')).toBe('2026-12-21');
  });
  it('calendarDate reads the zone', () => {
    expect(calendarDate(new Date('2026-12-31T20:00:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
  });
  it('picks the worst urgency', () => {
    expect(worstUrgency(['ok', 'soon', 'grace', 'urgent'])).toBe('grace');
    expect(worstUrgency([])).toBeNull();
  });
});

describe('page text as the admin reads it', () => {
  it('marks hidden and direction-changing characters and cuts what is too long', async () => {
    const { displayText } = await import('../../lib/wording/describe');
    expect(displayText('Contoso\u202Eelif.exe')).toBe('Contoso\uFFFDelif.exe');
    expect(displayText('A\u200Bdmin\uFEFF')).toBe('A\uFFFDdmin\uFFFD');
    const long = displayText('x'.repeat(1_000_000));
    expect(long).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
    expect(displayText('学園 MDM サーバ')).toBe('学園 MDM サーバ');
  });
});

describe('calendar arithmetic in any system time zone', () => {
  it('gives the same days west and east of UTC, across leap days and the end of summer time', () => {
    const saved = process.env.TZ;
    const results: string[][] = [];
    try {
      for (const zone of ['UTC', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        results.push([
          projectedExpiry(new Date('2028-02-29T12:00:00Z'), 'UTC'),
          projectedExpiry(new Date('2026-12-31T12:00:00Z'), 'UTC'),
          dateInDays(new Date('2026-10-30T12:00:00Z'), 10, 'UTC'),
          dateInDays(new Date('2027-03-10T12:00:00Z'), 5, 'UTC'),
          graceEndsOn('2026-10-31'),
          graceEndsOn('2027-03-12'),
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.slice(0, 4)).toEqual(['2029-02-28', '2027-12-31', '2026-11-09', '2027-03-15']);
  });
});
