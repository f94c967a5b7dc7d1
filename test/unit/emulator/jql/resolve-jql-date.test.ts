import { compileJql } from '../../../emulator/jql/compile-jql';
import { JqlError } from '../../../emulator/jql/compile-jql.types';
import { resolveJqlDate } from '../../../emulator/jql/resolve-jql-date';
import { NOW, issue, jqlContext } from './jql-fixtures';

function at(text: string, timeZone = 'UTC', now = NOW): string {
  return new Date(resolveJqlDate({ kind: 'value', text }, 'created', now, timeZone)).toISOString();
}

function fn(name: string, args: string[] = [], timeZone = 'UTC', now = NOW): string {
  return new Date(resolveJqlDate({ kind: 'function', name, args }, 'created', now, timeZone)).toISOString();
}

describe('resolveJqlDate: literals in the context time zone', () => {
  it('accepts yyyy-MM-dd, yyyy/MM/dd and an optional HH:mm', () => {
    expect(at('2025-03-01')).toBe('2025-03-01T00:00:00.000Z');
    expect(at('2025/3/1 14:00')).toBe('2025-03-01T14:00:00.000Z');
    expect(at('2025-03-01 14:00', 'Europe/Berlin')).toBe('2025-03-01T13:00:00.000Z');
    expect(at('2025-03-01', 'America/New_York')).toBe('2025-03-01T05:00:00.000Z');
  });

  it('uses the offset in force on that day (DST)', () => {
    expect(at('2025-03-08 12:00', 'America/New_York')).toBe('2025-03-08T17:00:00.000Z');
    expect(at('2025-03-10 12:00', 'America/New_York')).toBe('2025-03-10T16:00:00.000Z');
  });

  it('rejects impossible dates with Jira message', () => {
    expect(() => at('2025-13-01')).toThrow(JqlError);
    expect(() => at('2025-02-29')).toThrow("Date value '2025-02-29' for field 'created' is invalid.");
    expect(() => at('2025-03-01 25:00')).toThrow(JqlError);
  });
});

describe('resolveJqlDate: periods relative to now', () => {
  it('counts minutes, hours, days, weeks (also combined and quoted)', () => {
    expect(at('-30d')).toBe('2025-02-17T10:00:00.000Z');
    expect(at('-2w')).toBe('2025-03-05T10:00:00.000Z');
    expect(at('-4h')).toBe('2025-03-19T06:00:00.000Z');
    expect(at('-15m')).toBe('2025-03-19T09:45:00.000Z');
    expect(at('-1w 2d')).toBe('2025-03-10T10:00:00.000Z');
    expect(at('+1d')).toBe('2025-03-20T10:00:00.000Z');
    expect(at('1d')).toBe('2025-03-20T10:00:00.000Z');
  });

  it('days keep the wall-clock time across a DST change; hours do not', () => {
    // 01:00 EDT on 10 March; New York sprang forward at 02:00 on 9 March.
    const monday = new Date('2025-03-10T05:00:00.000Z');
    expect(at('-1d', 'America/New_York', monday)).toBe('2025-03-09T06:00:00.000Z'); // 01:00 EST
    expect(at('-24h', 'America/New_York', monday)).toBe('2025-03-09T05:00:00.000Z'); // 00:00 EST
  });
});

describe('resolveJqlDate: functions', () => {
  it('now()', () => {
    expect(fn('now')).toBe(NOW.toISOString());
  });

  it('startOfDay / endOfDay with offsets', () => {
    expect(fn('startOfDay')).toBe('2025-03-19T00:00:00.000Z');
    expect(fn('endOfDay')).toBe('2025-03-19T23:59:59.999Z');
    expect(fn('startOfDay', ['-1'])).toBe('2025-03-18T00:00:00.000Z');
    expect(fn('startOfDay', ['-1d'])).toBe('2025-03-18T00:00:00.000Z');
  });

  it('startOfWeek / endOfWeek (weeks start on Sunday, Jira default locale)', () => {
    expect(fn('startOfWeek')).toBe('2025-03-16T00:00:00.000Z');
    expect(fn('endOfWeek')).toBe('2025-03-22T23:59:59.999Z');
  });

  it('startOfMonth / endOfMonth, with month offsets across month lengths', () => {
    expect(fn('startOfMonth')).toBe('2025-03-01T00:00:00.000Z');
    expect(fn('startOfMonth', ['-1'])).toBe('2025-02-01T00:00:00.000Z');
    expect(fn('endOfMonth')).toBe('2025-03-31T23:59:59.999Z');
    expect(fn('endOfMonth', ['-1'])).toBe('2025-02-28T23:59:59.999Z');
    expect(fn('endOfMonth', ['-1'], 'UTC', new Date('2025-03-31T12:00:00.000Z'))).toBe(
      '2025-02-28T23:59:59.999Z',
    );
    expect(fn('startOfMonth', ['+1M'])).toBe('2025-04-01T00:00:00.000Z');
    expect(fn('startOfMonth', ['+14d'])).toBe('2025-03-15T00:00:00.000Z');
  });

  it('startOfYear / endOfYear', () => {
    expect(fn('startOfYear')).toBe('2025-01-01T00:00:00.000Z');
    expect(fn('endOfYear', ['-1'])).toBe('2024-12-31T23:59:59.999Z');
  });

  it('boundaries are in the context zone, including a DST month', () => {
    expect(fn('startOfMonth', [], 'America/New_York')).toBe('2025-03-01T05:00:00.000Z'); // EST
    expect(fn('endOfMonth', [], 'America/New_York')).toBe('2025-04-01T03:59:59.999Z'); // 23:59:59.999 EDT
    expect(fn('startOfDay', [], 'Asia/Tokyo')).toBe('2025-03-18T15:00:00.000Z');
    expect(fn('startOfMonth', ['-1'], 'Europe/London', new Date('2025-04-01T00:30:00.000Z'))).toBe(
      '2025-03-01T00:00:00.000Z', // 01:30 BST on 1 April is already April in London
    );
  });

  it('rejects bad arguments', () => {
    expect(() => fn('startOfMonth', ['abc'])).toThrow("Function 'startOfMonth' has invalid arguments.");
    expect(() => fn('now', ['1'])).toThrow(JqlError);
    expect(() => fn('startOfCentury')).toThrow("Unable to find JQL function 'startOfCentury()'.");
  });
});

describe('compileJql: month buckets depend on the time zone', () => {
  const lateFebUtc = issue({ key: 'INC-1', created: '2025-02-28T23:30:00.000+0000' });
  const jql = 'created >= startOfMonth() AND created <= endOfMonth()';

  it('an incident at 23:30 UTC on 28 Feb is a February incident in UTC', () => {
    expect(compileJql(jql, jqlContext()).matches(lateFebUtc)).toBe(false);
    expect(
      compileJql('created >= startOfMonth(-1) AND created < startOfMonth()', jqlContext()).matches(
        lateFebUtc,
      ),
    ).toBe(true);
  });

  it('and a March incident in Tokyo (08:30 on 1 March)', () => {
    expect(compileJql(jql, jqlContext({ timeZone: 'Asia/Tokyo' })).matches(lateFebUtc)).toBe(true);
    expect(
      compileJql('created >= "2025-03-01"', jqlContext({ timeZone: 'Asia/Tokyo' })).matches(lateFebUtc),
    ).toBe(true);
  });

  it('relative dates work unquoted and quoted', () => {
    const recent = issue({ key: 'INC-2', created: '2025-03-19T05:30:00.000+0000' });
    expect(compileJql('created >= -4h', jqlContext()).matches(recent)).toBe(false);
    expect(compileJql('created >= "-4h"', jqlContext()).matches(recent)).toBe(false);
    expect(compileJql('created >= "-5h"', jqlContext()).matches(recent)).toBe(true);
  });
});
