import {
  firstBusinessDayOfMonth,
  isFirstBusinessDayOfMonth,
  localDayKey,
  monthlyReportDue,
} from '../../../../src/domain/policy';

const utc = { timeZone: 'UTC' };

describe('firstBusinessDayOfMonth', () => {
  it('is the 1st when the 1st is a weekday (2026-06-01 is a Monday)', () => {
    expect(firstBusinessDayOfMonth('2026-06', utc)).toBe('2026-06-01');
  });

  it('skips the weekend (2026-08-01 is a Saturday → Monday 3 August)', () => {
    expect(firstBusinessDayOfMonth('2026-08', utc)).toBe('2026-08-03');
  });

  it('skips a configured holiday on the 1st (New Year 2026 is a Thursday → Friday 2 January)', () => {
    expect(firstBusinessDayOfMonth('2026-01', { timeZone: 'UTC', holidays: ['2026-01-01'] })).toBe(
      '2026-01-02',
    );
  });

  it('skips a holiday that follows a weekend (2026-08-03 off → Tuesday 4 August)', () => {
    expect(firstBusinessDayOfMonth('2026-08', { timeZone: 'UTC', holidays: ['2026-08-03'] })).toBe(
      '2026-08-04',
    );
  });

  it('does not depend on the zone: the calendar is local', () => {
    for (const timeZone of ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata']) {
      expect(firstBusinessDayOfMonth('2026-08', { timeZone })).toBe('2026-08-03');
    }
  });

  it('answers the last day of a month with no business day at all, never a day of the next month', () => {
    const holidays = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
    expect(firstBusinessDayOfMonth('2026-02', { timeZone: 'UTC', holidays })).toBe('2026-02-28');
  });

  it('refuses text that is not a month', () => {
    expect(() => firstBusinessDayOfMonth('2026-13', utc)).toThrow(RangeError);
  });
});

describe('isFirstBusinessDayOfMonth across time zones', () => {
  // 2026-05-31T12:30Z is already Monday 1 June 00:30 in Auckland (UTC+12) but still Sunday 31 May in Los Angeles.
  const nearMidnight = new Date('2026-05-31T12:30:00Z');

  it('is true in Pacific/Auckland once its Monday has begun', () => {
    expect(localDayKey(nearMidnight, 'Pacific/Auckland')).toBe('2026-06-01');
    expect(isFirstBusinessDayOfMonth(nearMidnight, { timeZone: 'Pacific/Auckland' })).toBe(true);
  });

  it('is false in America/Los_Angeles, where it is still Sunday 31 May', () => {
    expect(localDayKey(nearMidnight, 'America/Los_Angeles')).toBe('2026-05-31');
    expect(isFirstBusinessDayOfMonth(nearMidnight, { timeZone: 'America/Los_Angeles' })).toBe(false);
  });

  it('is true in Los Angeles on Monday 1 June local, while Auckland is already on Tuesday', () => {
    const evening = new Date('2026-06-02T06:30:00Z'); // 23:30 Monday in LA, 18:30 Tuesday in Auckland
    expect(isFirstBusinessDayOfMonth(evening, { timeZone: 'America/Los_Angeles' })).toBe(true);
    expect(isFirstBusinessDayOfMonth(evening, { timeZone: 'Pacific/Auckland' })).toBe(false);
  });

  it('is false on Saturday 1 August and true on Monday 3 August', () => {
    expect(isFirstBusinessDayOfMonth(new Date('2026-08-01T09:00:00Z'), utc)).toBe(false);
    expect(isFirstBusinessDayOfMonth(new Date('2026-08-03T09:00:00Z'), utc)).toBe(true);
  });

  it('moves with a holiday on the 1st', () => {
    const calendar = { timeZone: 'Europe/Berlin', holidays: ['2026-06-01'] };
    expect(isFirstBusinessDayOfMonth(new Date('2026-06-01T08:00:00Z'), calendar)).toBe(false);
    expect(isFirstBusinessDayOfMonth(new Date('2026-06-02T08:00:00Z'), calendar)).toBe(true);
  });
});

describe('monthlyReportDue', () => {
  it("names the previous month's report on the first business day", () => {
    expect(monthlyReportDue(new Date('2026-08-03T09:00:00Z'), utc)).toEqual({
      reportMonth: '2026-07',
      firstBusinessDay: '2026-08-03',
    });
  });

  it('crosses the year: on 2 January the report is on December', () => {
    expect(
      monthlyReportDue(new Date('2026-01-02T09:00:00Z'), { timeZone: 'UTC', holidays: ['2026-01-01'] })
        ?.reportMonth,
    ).toBe('2025-12');
  });

  it('is not due before the first business day, and only a few days after it (catch-up)', () => {
    expect(monthlyReportDue(new Date('2026-08-01T09:00:00Z'), utc)).toBeNull();
    expect(monthlyReportDue(new Date('2026-08-05T09:00:00Z'), utc)?.reportMonth).toBe('2026-07');
    expect(monthlyReportDue(new Date('2026-08-20T09:00:00Z'), utc)).toBeNull();
  });

  it('reads the day in the zone: 31 May 23:30 UTC is 1 June in Auckland only', () => {
    const at = new Date('2026-05-31T23:30:00Z');
    expect(monthlyReportDue(at, { timeZone: 'Pacific/Auckland' })?.reportMonth).toBe('2026-05');
    expect(monthlyReportDue(at, { timeZone: 'America/Los_Angeles' })).toBeNull();
  });
});
