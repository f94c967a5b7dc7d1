import { TZDate } from '@date-fns/tz';

/**
 * Date operands of JQL, resolved to instants (epoch ms). Jira reads date literals and the
 * startOf/endOf functions in the searching user's time zone, so everything here takes `timeZone`.
 */

const DAY_MS = 86_400_000;

/** Period units Jira accepts in relative dates ("-30d", "4w 2d", "-4h", "15m"). */
const PERIOD_UNIT_MS: Record<string, number> = {
  w: 7 * DAY_MS,
  d: DAY_MS,
  h: 3_600_000,
  m: 60_000,
};

const DATE_LITERAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
const PERIOD = /^([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)$/;
const PERIOD_PART = /(\d+)\s*([wdhm])/g;

/** Wall-clock time in `timeZone` to an instant; TZDate resolves DST gaps the way Date does locally. */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
): number {
  return new TZDate(year, month, day, hours, minutes, 0, 0, timeZone).getTime();
}

/** "2025-03-01", "2025/03/01 14:00", "-30d", "4w 2d" → instant, or undefined when not a date. */
export function parseDateValue(value: string, now: Date, timeZone: string): number | undefined {
  const text = value.trim();
  const literal = DATE_LITERAL.exec(text);
  if (literal) {
    const [, y, mo, d, h, mi] = literal;
    const year = Number(y);
    const month = Number(mo) - 1;
    const day = Number(d);
    const hours = h === undefined ? 0 : Number(h);
    const minutes = mi === undefined ? 0 : Number(mi);
    // Jira rejects 2025-02-30 instead of rolling over to March.
    if (month > 11 || day < 1 || day > daysInMonth(year, month) || hours > 23 || minutes > 59) {
      return undefined;
    }
    return zonedInstant(timeZone, year, month, day, hours, minutes);
  }
  const period = PERIOD.exec(text);
  if (period) {
    const sign = period[1] === '-' ? -1 : 1;
    let offset = 0;
    for (const part of (period[2] ?? '').matchAll(PERIOD_PART)) {
      offset += Number(part[1]) * (PERIOD_UNIT_MS[part[2] ?? ''] ?? 0);
    }
    return now.getTime() + sign * offset;
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

type CalendarUnit = 'y' | 'M' | 'w' | 'd';

const DATE_FUNCTION_UNITS: Record<string, CalendarUnit> = {
  startofday: 'd',
  endofday: 'd',
  startofweek: 'w',
  endofweek: 'w',
  startofmonth: 'M',
  endofmonth: 'M',
  startofyear: 'y',
  endofyear: 'y',
};

/** Lower-cased names of the date functions this evaluator knows. */
export const DATE_FUNCTIONS = new Set(['now', ...Object.keys(DATE_FUNCTION_UNITS)]);

const INCREMENT = /^([-+]?\d+)\s*([yMwdhm]?)$/;

/**
 * now(), startOfMonth(-1), endOfDay("+2d") … → instant. Returns an error message for a bad
 * argument, as Jira reports it, instead of guessing.
 */
export function evaluateDateFunction(
  name: string,
  args: string[],
  now: Date,
  timeZone: string,
): number | string {
  const lower = name.toLowerCase();
  if (lower === 'now') {
    return args.length === 0
      ? now.getTime()
      : `Function '${name}' expected '0' arguments but received '${args.length}'.`;
  }
  const unit = DATE_FUNCTION_UNITS[lower];
  if (unit === undefined) return `Unable to find JQL function '${name}()'.`;
  if (args.length > 1) {
    return `Function '${name}' expected between '0' and '1' arguments but received '${args.length}'.`;
  }
  const local = new TZDate(now.getTime(), timeZone);
  let year = local.getFullYear();
  let month = local.getMonth();
  let day = local.getDate();
  let hours = 0;
  let minutes = 0;
  const arg = args[0];
  if (arg !== undefined) {
    const increment = INCREMENT.exec(arg.trim());
    if (!increment) return `Function '${name}' has an invalid increment '${arg}'.`;
    const amount = Number(increment[1]);
    // Without a unit the increment counts the function's own unit (startOfMonth(-1) = last month).
    const incrementUnit = increment[2] === '' || increment[2] === undefined ? unit : increment[2];
    if (incrementUnit === 'y') year += amount;
    else if (incrementUnit === 'M') month += amount;
    else if (incrementUnit === 'w') day += 7 * amount;
    else if (incrementUnit === 'd') day += amount;
    else if (incrementUnit === 'h') hours += amount;
    else minutes += amount;
  }
  // Normalise the shifted wall clock (month 13, day 0 …) before truncating to the unit.
  const shifted = new TZDate(year, month, day, hours, minutes, 0, 0, timeZone);
  const start = startOfUnit(shifted, unit, timeZone);
  if (lower.startsWith('start')) return start;
  // Jira's endOfX is the last millisecond of the period, so "<= endOfDay()" keeps 23:59:59.
  return nextStart(start, unit, timeZone) - 1;
}

function startOfUnit(date: TZDate, unit: CalendarUnit, timeZone: string): number {
  const year = date.getFullYear();
  const month = date.getMonth();
  if (unit === 'y') return zonedInstant(timeZone, year, 0, 1);
  if (unit === 'M') return zonedInstant(timeZone, year, month, 1);
  // Weeks start on Sunday, as in Jira's default (en-US) locale.
  const day = unit === 'w' ? date.getDate() - date.getDay() : date.getDate();
  return zonedInstant(timeZone, year, month, day);
}

function nextStart(start: number, unit: CalendarUnit, timeZone: string): number {
  const local = new TZDate(start, timeZone);
  const year = local.getFullYear();
  const month = local.getMonth();
  const day = local.getDate();
  if (unit === 'y') return zonedInstant(timeZone, year + 1, 0, 1);
  if (unit === 'M') return zonedInstant(timeZone, year, month + 1, 1);
  return zonedInstant(timeZone, year, month, day + (unit === 'w' ? 7 : 1));
}

const dayStartCache = new Map<string, Map<string, number>>();
const INSTANT_CACHE_SIZE = 500_000;
const instantCache = new Map<string, number>();

/** Jira's stored timestamps ("2025-03-15T14:23:00.000+0000") and due dates ("2025-03-15"). */
export function parseStoredDate(value: unknown, timeZone: string): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) {
    // A due date is a calendar day; Jira places it at midnight in the searcher's zone. Zone
    // arithmetic is slow and due dates repeat a lot, hence the cache.
    let zoneCache = dayStartCache.get(timeZone);
    if (zoneCache === undefined) {
      zoneCache = new Map();
      dayStartCache.set(timeZone, zoneCache);
    }
    const cached = zoneCache.get(value);
    if (cached !== undefined) return cached;
    const start = zonedInstant(timeZone, Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
    if (zoneCache.size > 100_000) zoneCache.clear();
    zoneCache.set(value, start);
    return start;
  }
  // Sorting by a date parses both sides of every comparison: remembering the instants (they do not
  // depend on the zone) keeps ORDER BY created over 100,000 issues from re-parsing millions of strings.
  const known = instantCache.get(value);
  if (known !== undefined) return Number.isNaN(known) ? undefined : known;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (instantCache.size >= INSTANT_CACHE_SIZE) instantCache.clear();
  instantCache.set(value, time);
  return Number.isNaN(time) ? undefined : time;
}
