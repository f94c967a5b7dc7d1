import {
  businessDaysBetween,
  categoryOf,
  monthKeyOf,
  timeToRestoreMinutes,
  trendOf,
} from '../../../../src/domain/trends';
import { incident, postmortem } from './trend-fixtures';

describe('categoryOf (DESIGN Data conventions: Category)', () => {
  it("prefers the postmortem's category, then the first component, then Uncategorized", () => {
    const components = ['Payments', 'Database'];
    expect(categoryOf({ components, postmortem: postmortem({ category: 'Database issues' }) })).toBe(
      'Database issues',
    );
    expect(categoryOf({ components, postmortem: postmortem({ category: null }) })).toBe('Payments');
    expect(categoryOf({ components, postmortem: postmortem({ category: '  ' }) })).toBe('Payments');
    expect(categoryOf({ components: [], postmortem: null })).toBe('Uncategorized');
  });
});

describe('monthKeyOf (DESIGN Metric definitions: Month bucket)', () => {
  it.each([
    ['2025-02-28T23:30:00Z', 'UTC', '2025-02'],
    ['2025-02-28T23:30:00Z', 'Europe/Berlin', '2025-03'],
    ['2025-02-28T23:30:00.000+0000', 'Europe/Berlin', '2025-03'],
    ['2025-03-01T03:00:00Z', 'America/New_York', '2025-02'],
    // Berlin summer time (UTC+2): 22:30Z on 31 Aug is already September.
    ['2025-08-31T22:30:00Z', 'Europe/Berlin', '2025-09'],
    ['2025-08-31T21:59:00Z', 'Europe/Berlin', '2025-08'],
    ['2024-12-31T18:45:00Z', 'Asia/Kathmandu', '2025-01'],
  ])('%s in %s is %s', (iso, zone, month) => {
    expect(monthKeyOf(iso, zone)).toBe(month);
  });

  it('rejects an unknown zone and a non-date', () => {
    expect(() => monthKeyOf('2025-02-01T00:00:00Z', 'Mars/Olympus')).toThrow('unknown time zone');
    expect(() => monthKeyOf('yesterday', 'UTC')).toThrow('not an ISO date-time');
  });
});

describe('timeToRestoreMinutes (DESIGN Data conventions: time to restore)', () => {
  it('is created → resolved, null while open, and the postmortem duration when given', () => {
    expect(timeToRestoreMinutes(incident('A-1', '2025-03-15T14:23:00Z', 47))).toBe(47);
    expect(timeToRestoreMinutes(incident('A-2', '2025-03-15T14:23:00Z', null))).toBeNull();
    expect(
      timeToRestoreMinutes({ ...incident('A-3', '2025-03-15T14:00:00Z', 90), postmortemDurationMinutes: 47 }),
    ).toBe(47);
    expect(
      timeToRestoreMinutes({
        ...incident('A-4', '2025-03-15T14:00:00Z', null),
        postmortemDurationMinutes: 47,
      }),
    ).toBeNull();
    expect(
      timeToRestoreMinutes({
        created: '2025-03-15T14:00:00Z',
        resolved: '2025-03-15T14:00:30Z',
        postmortemDurationMinutes: null,
      }),
    ).toBe(0.5);
  });
});

describe('trendOf (DESIGN Metric definitions: Trend)', () => {
  it.each([
    [2, 4, '↓', 50],
    [5, 6, '↓', 17],
    [38, 55, '↓', 31],
    [7, 6, '↑', 17],
    // 1/8 = 12.5 % → 13 (half up)
    [9, 8, '↑', 13],
    [3, 3, '→', 0],
    [0, 0, '→', 0],
    [0, 5, '↓', 100],
  ])('%d vs %d is %s %d%%', (current, previous, arrow, percent) => {
    expect(trendOf(current, previous)).toEqual({ arrow, percent });
  });

  it('has an arrow but no percentage when the previous month was zero', () => {
    expect(trendOf(4, 0)).toEqual({ arrow: '↑', percent: null });
  });

  it('is null when a month has no value', () => {
    expect(trendOf(null, 5)).toBeNull();
    expect(trendOf(5, null)).toBeNull();
  });

  it('compares exact fractions: 9/11 vs 8/16 is up 64 %', () => {
    // (9/11) / (8/16) = 144/88 = 1.636… → +64 %
    expect(trendOf({ numerator: 9, denominator: 11 }, { numerator: 8, denominator: 16 })).toEqual({
      arrow: '↑',
      percent: 64,
    });
    expect(trendOf({ numerator: 1, denominator: 2 }, { numerator: 2, denominator: 4 })).toEqual({
      arrow: '→',
      percent: 0,
    });
  });
});

describe('businessDaysBetween (Mon–Fri, like documentDueAt)', () => {
  const day = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  it.each([
    ['2025-03-10', '2025-03-10', 0], // same day
    ['2025-03-14', '2025-03-17', 1], // Fri → Mon
    ['2025-03-15', '2025-03-16', 0], // Sat → Sun
    ['2025-03-15', '2025-03-17', 1], // Sat → Mon
    ['2025-03-10', '2025-03-17', 5], // Mon → Mon
    ['2025-02-27', '2025-03-04', 3], // across a month end: Fri, Mon, Tue
    ['2025-01-01', '2025-12-31', 260], // 2025 has 261 weekdays; 1 Jan itself is not counted
    ['2025-03-17', '2025-03-10', 0], // finalized before resolution
  ])('%s → %s is %d', (from, to, expected) => {
    expect(businessDaysBetween(day(from), day(to))).toBe(expected);
  });

  it('subtracts weekday holidays after the resolution day up to the finalization day only', () => {
    const holidays = new Set([day('2025-03-10'), day('2025-03-12'), day('2025-03-15'), day('2025-03-14')]);
    // Mon 03-10 → Fri 03-14: Tue, Wed, Thu, Fri = 4; minus Wed 03-12 and Fri 03-14 (the resolution
    // day 03-10 is never counted, the Saturday 03-15 is outside and not a weekday) = 2.
    expect(businessDaysBetween(day('2025-03-10'), day('2025-03-14'), holidays)).toBe(2);
  });
});
