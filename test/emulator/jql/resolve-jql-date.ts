import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addWeeks,
  addYears,
  endOfDay,
  endOfMonth,
  endOfWeek,
  endOfYear,
  startOfDay,
  startOfMonth,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import { JqlError } from './compile-jql.types';

type Unit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm';

/** A JQL date operand, resolved once at compile time to an instant (epoch ms). */
export type JqlDateOperand =
  { kind: 'value'; text: string } | { kind: 'function'; name: string; args: string[] };

const LITERAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/;
// Jira's period format: "-5d", "4w 2d", "+3h", "-1w 2d 4h".
const PERIOD = /^([+-])?\s*((?:\d+\s*[yMwdhm]\s*)+)$/;
const PERIOD_PART = /(\d+)\s*([yMwdhm])/g;

function addUnit(date: TZDate, amount: number, unit: Unit): TZDate {
  // Calendar units keep the wall-clock time across DST changes, as Jira does in the user's zone.
  switch (unit) {
    case 'y':
      return addYears(date, amount);
    case 'M':
      return addMonths(date, amount);
    case 'w':
      return addWeeks(date, amount);
    case 'd':
      return addDays(date, amount);
    case 'h':
      return addHours(date, amount);
    case 'm':
      return addMinutes(date, amount);
  }
}

function parsePeriod(text: string): Array<[number, Unit]> | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const parts: Array<[number, Unit]> = [];
  for (const part of (match[2] ?? '').matchAll(PERIOD_PART)) {
    parts.push([sign * Number(part[1]), part[2] as Unit]);
  }
  return parts;
}

const BOUNDARY_FUNCTIONS: Record<string, { unit: Unit; edge: (date: TZDate) => TZDate }> = {
  startofday: { unit: 'd', edge: (d) => startOfDay(d) },
  endofday: { unit: 'd', edge: (d) => endOfDay(d) },
  // Jira's default (en_US) week starts on Sunday.
  startofweek: { unit: 'w', edge: (d) => startOfWeek(d, { weekStartsOn: 0 }) },
  endofweek: { unit: 'w', edge: (d) => endOfWeek(d, { weekStartsOn: 0 }) },
  startofmonth: { unit: 'M', edge: (d) => startOfMonth(d) },
  endofmonth: { unit: 'M', edge: (d) => endOfMonth(d) },
  startofyear: { unit: 'y', edge: (d) => startOfYear(d) },
  endofyear: { unit: 'y', edge: (d) => endOfYear(d) },
};

/** Names of the date functions, lower-cased, for the compiler's "unknown function" check. */
export const DATE_FUNCTIONS = new Set([...Object.keys(BOUNDARY_FUNCTIONS), 'now']);

function invalidDate(text: string, field: string): JqlError {
  return new JqlError([
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  ]);
}

/**
 * Resolves a date operand (literal, period or function) to epoch ms in the context's zone.
 * Offsets in the function's own unit move "now" before taking the boundary, so
 * endOfMonth(-1) is the last instant of the previous month even when months differ in length.
 */
export function resolveJqlDate(operand: JqlDateOperand, field: string, now: Date, timeZone: string): number {
  const zonedNow = TZDate.tz(timeZone, now.getTime());
  if (operand.kind === 'value') {
    const literal = LITERAL.exec(operand.text.trim());
    if (literal) {
      const [, y, mo, d, h, mi] = literal;
      const month = Number(mo) - 1;
      const date = new TZDate(Number(y), month, Number(d), Number(h ?? 0), Number(mi ?? 0), timeZone);
      if (date.getMonth() !== month || Number(h ?? 0) > 23) throw invalidDate(operand.text, field);
      return date.getTime();
    }
    const period = parsePeriod(operand.text);
    if (!period) throw invalidDate(operand.text, field);
    return period.reduce((date, [amount, unit]) => addUnit(date, amount, unit), zonedNow).getTime();
  }
  const name = operand.name.toLowerCase();
  if (name === 'now') {
    if (operand.args.length > 0) throw badArguments(operand.name);
    return now.getTime();
  }
  const boundary = BOUNDARY_FUNCTIONS[name];
  if (!boundary) throw new JqlError([`Unable to find JQL function '${operand.name}()'.`]);
  if (operand.args.length > 1) throw badArguments(operand.name);
  const arg = operand.args[0]?.trim();
  if (arg === undefined || arg === '') return boundary.edge(zonedNow).getTime();
  // A bare number counts in the function's own unit: startOfMonth(-1).
  const offset = /^[+-]?\d+$/.test(arg) ? [[Number(arg), boundary.unit] as [number, Unit]] : parsePeriod(arg);
  if (!offset) throw badArguments(operand.name);
  let date = zonedNow;
  const after: Array<[number, Unit]> = [];
  for (const [amount, unit] of offset) {
    if (unit === boundary.unit) date = addUnit(date, amount, unit);
    else after.push([amount, unit]);
  }
  return after.reduce((d, [amount, unit]) => addUnit(d, amount, unit), boundary.edge(date)).getTime();
}

function badArguments(name: string): JqlError {
  return new JqlError([`Function '${name}' has invalid arguments.`]);
}
