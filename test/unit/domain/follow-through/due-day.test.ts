import fc from 'fast-check';
import { daysOverdue, endOfDueDay, isOverdue, itemDaysOverdue } from '../../../../src/domain/follow-through';
import { localTime } from '../../../../src/domain/trends/local-time';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Pacific/Auckland',
  'Pacific/Kiritimati',
  'Asia/Kolkata',
];
const zone = fc.constantFrom(...ZONES);
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) })
  .map((ms) => new Date(ms));
const dueDate = fc
  .integer({ min: Date.UTC(2024, 0, 1) / 86_400_000, max: Date.UTC(2026, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('a due date is a whole day of the team’s zone', () => {
  it('is not overdue on its due day, anywhere, and is from the next local midnight on', () => {
    // 2025-03-17 10:59 UTC is 23:59 on the 17th in Auckland (UTC+13) and 11:00 is the 18th's first minute.
    expect(isOverdue('2025-03-17', new Date('2025-03-17T10:59:00Z'), 'Pacific/Auckland')).toBe(false);
    expect(isOverdue('2025-03-17', new Date('2025-03-17T11:00:00Z'), 'Pacific/Auckland')).toBe(true);
    // 07:00 UTC on the 18th is still the 17th in Los Angeles (UTC-7 in March).
    expect(daysOverdue('2025-03-17', new Date('2025-03-18T06:59:00Z'), 'America/Los_Angeles')).toBe(0);
    expect(daysOverdue('2025-03-17', new Date('2025-03-18T07:00:00Z'), 'America/Los_Angeles')).toBe(1);
  });

  it('counts whole local days past the due day, across a daylight-saving change', () => {
    // Berlin moved to summer time on 2025-03-30: the day after it is still one local day later.
    expect(daysOverdue('2025-03-29', new Date('2025-03-30T22:30:00Z'), 'Europe/Berlin')).toBe(2);
  });

  it('agrees with itself: overdue exactly when the local day is after the due date, from the end of the due day', () => {
    fc.assert(
      fc.property(dueDate, instant, zone, (due, now, timeZone) => {
        const laterDay = localTime(now.toISOString(), timeZone).dayKey > due;
        expect(isOverdue(due, now, timeZone)).toBe(laterDay);
        expect(now.getTime() >= endOfDueDay(due, timeZone).getTime()).toBe(laterDay);
        expect(daysOverdue(due, now, timeZone) > 0).toBe(laterDay);
      }),
    );
  });

  it('never counts a done item or one without a due date as overdue', () => {
    fc.assert(
      fc.property(dueDate, instant, zone, (due, now, timeZone) => {
        expect(itemDaysOverdue({ statusCategory: 'done', dueDate: due }, now, timeZone)).toBe(0);
        expect(itemDaysOverdue({ statusCategory: 'new', dueDate: null }, now, timeZone)).toBe(0);
        expect(itemDaysOverdue({ statusCategory: 'indeterminate', dueDate: due }, now, timeZone)).toBe(
          daysOverdue(due, now, timeZone),
        );
      }),
    );
  });
});
