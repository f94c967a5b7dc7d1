import { TZDate } from '@date-fns/tz';
import { localTime } from '../trends/local-time';

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` as days since 1970-01-01 (Jira's `duedate` is a calendar day without a zone). */
function epochDayOf(dueDate: string): number {
  return Math.floor(Date.parse(`${dueDate}T00:00:00Z`) / MS_PER_DAY);
}

/**
 * Reference anti-pattern "Action items without owner and due date": a due date is a whole day of the
 * team's zone, so an item is overdue from the next local midnight on. The one home of that rule: the
 * panel, the glance, the digest, the escalation and the done-in-time metric all read it here.
 * Zero while the due day has not ended; otherwise the number of local days since the due day ended
 * began, so the day after the due date is 1 day overdue.
 */
export function daysOverdue(dueDate: string, now: Date, timeZone: string): number {
  return Math.max(0, localTime(now.toISOString(), timeZone).epochDay - epochDayOf(dueDate));
}

export function isOverdue(dueDate: string, now: Date, timeZone: string): boolean {
  return daysOverdue(dueDate, now, timeZone) > 0;
}

/** The instant the due day ends (the next local midnight): the digest counts "due in"/"overdue by" from it. */
export function endOfDueDay(dueDate: string, timeZone: string): Date {
  const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day + 1, 0, 0, 0, timeZone).getTime());
}

/** Whether an instant (`resolutiondate` and the like) falls on or before the due day, in the team's zone. */
export function isOnOrBeforeDueDay(instant: string, dueDate: string, timeZone: string): boolean {
  return localTime(instant, timeZone).dayKey <= dueDate;
}

/** An action item's child as the overdue rule needs it. */
export interface DueItem {
  statusCategory: 'new' | 'indeterminate' | 'done';
  dueDate: string | null;
}

/** Days an open item is past its due day; 0 when done, without a due date or not yet due. */
export function itemDaysOverdue(item: DueItem, now: Date, timeZone: string): number {
  if (item.statusCategory === 'done' || item.dueDate === null) return 0;
  return daysOverdue(item.dueDate, now, timeZone);
}
