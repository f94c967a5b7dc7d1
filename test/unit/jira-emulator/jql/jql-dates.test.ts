import { evaluateDateFunction, parseDateValue, parseStoredDate } from '../../../../emulator/jql/jql-dates';

const NOW = new Date('2025-03-20T12:00:00.000Z'); // a Thursday

function at(name: string, args: string[] = [], timeZone = 'UTC', now = NOW): string {
  const result = evaluateDateFunction(name, args, now, timeZone);
  if (typeof result === 'string') throw new Error(result);
  return new Date(result).toISOString();
}

describe('evaluateDateFunction', () => {
  it('now() is the context instant', () => {
    expect(at('now')).toBe('2025-03-20T12:00:00.000Z');
  });

  it('startOf/endOf day, week (Sunday first), month and year', () => {
    expect(at('startOfDay')).toBe('2025-03-20T00:00:00.000Z');
    expect(at('endOfDay')).toBe('2025-03-20T23:59:59.999Z');
    expect(at('startOfWeek')).toBe('2025-03-16T00:00:00.000Z');
    expect(at('endOfWeek')).toBe('2025-03-22T23:59:59.999Z');
    expect(at('startOfMonth')).toBe('2025-03-01T00:00:00.000Z');
    expect(at('endOfMonth')).toBe('2025-03-31T23:59:59.999Z');
    expect(at('startOfYear')).toBe('2025-01-01T00:00:00.000Z');
    expect(at('endOfYear', ['-1'])).toBe('2024-12-31T23:59:59.999Z');
  });

  it('takes increments in the function unit or an explicit one', () => {
    expect(at('startOfMonth', ['-1'])).toBe('2025-02-01T00:00:00.000Z');
    expect(at('endOfMonth', ['-1'])).toBe('2025-02-28T23:59:59.999Z');
    expect(at('startOfMonth', ['+1'])).toBe('2025-04-01T00:00:00.000Z');
    expect(at('startOfDay', ['-2d'])).toBe('2025-03-18T00:00:00.000Z');
    expect(at('startOfDay', ['+1w'])).toBe('2025-03-27T00:00:00.000Z');
    expect(at('startOfYear', ['1M'])).toBe('2025-01-01T00:00:00.000Z');
  });

  it('works in the context zone across month boundaries and DST', () => {
    // 2025-03-01T00:30Z is already 01:30 on 1 March in Berlin.
    const marchFirst = new Date('2025-03-01T00:30:00.000Z');
    expect(at('startOfMonth', [], 'Europe/Berlin', marchFirst)).toBe('2025-02-28T23:00:00.000Z');
    expect(at('startOfMonth', ['-1'], 'Europe/Berlin', marchFirst)).toBe('2025-01-31T23:00:00.000Z');
    expect(at('startOfMonth', [], 'UTC', marchFirst)).toBe('2025-03-01T00:00:00.000Z');
    // 30 March 2025 has 23 hours in Berlin (clocks go forward).
    const dstDay = new Date('2025-03-30T12:00:00.000Z');
    expect(at('startOfDay', [], 'Europe/Berlin', dstDay)).toBe('2025-03-29T23:00:00.000Z');
    expect(at('endOfDay', [], 'Europe/Berlin', dstDay)).toBe('2025-03-30T21:59:59.999Z');
  });

  it('answers Jira messages for bad arguments and unknown names', () => {
    expect(evaluateDateFunction('startOfMonth', ['x'], NOW, 'UTC')).toBe(
      "Function 'startOfMonth' has an invalid increment 'x'.",
    );
    expect(evaluateDateFunction('now', ['1'], NOW, 'UTC')).toBe(
      "Function 'now' expected '0' arguments but received '1'.",
    );
    expect(evaluateDateFunction('startOfDay', ['1', '2'], NOW, 'UTC')).toMatch(
      /expected between '0' and '1' arguments/,
    );
    expect(evaluateDateFunction('yesterday', [], NOW, 'UTC')).toBe(
      "Unable to find JQL function 'yesterday()'.",
    );
  });
});

describe('parseDateValue', () => {
  const iso = (value: string, timeZone = 'UTC'): string | undefined => {
    const time = parseDateValue(value, NOW, timeZone);
    return time === undefined ? undefined : new Date(time).toISOString();
  };

  it('reads yyyy-MM-dd and yyyy/MM/dd [HH:mm] in the context zone', () => {
    expect(iso('2025-03-01')).toBe('2025-03-01T00:00:00.000Z');
    expect(iso('2025/3/1')).toBe('2025-03-01T00:00:00.000Z');
    expect(iso('2025-03-01 14:00', 'Europe/Berlin')).toBe('2025-03-01T13:00:00.000Z');
    expect(iso('2025-07-01 14:00', 'Europe/Berlin')).toBe('2025-07-01T12:00:00.000Z');
  });

  it('reads periods relative to now, with several units', () => {
    expect(iso('-30d')).toBe('2025-02-18T12:00:00.000Z');
    expect(iso('-2w')).toBe('2025-03-06T12:00:00.000Z');
    expect(iso('-4h')).toBe('2025-03-20T08:00:00.000Z');
    expect(iso('15m')).toBe('2025-03-20T12:15:00.000Z');
    expect(iso('-1w 2d')).toBe('2025-03-11T12:00:00.000Z');
  });

  it('rejects impossible dates and other text', () => {
    expect(iso('2025-02-30')).toBeUndefined();
    expect(iso('2025-13-01')).toBeUndefined();
    expect(iso('2025-03-01 24:00')).toBeUndefined();
    expect(iso('yesterday')).toBeUndefined();
    expect(iso('-5y')).toBeUndefined();
  });
});

describe('parseStoredDate', () => {
  it('reads Jira timestamps with a +hhmm offset', () => {
    expect(parseStoredDate('2025-03-15T14:23:00.000+0000', 'UTC')).toBe(Date.UTC(2025, 2, 15, 14, 23));
    expect(parseStoredDate('2025-03-15T16:23:00.000+0200', 'UTC')).toBe(Date.UTC(2025, 2, 15, 14, 23));
  });

  it('places a due date at midnight in the context zone', () => {
    expect(parseStoredDate('2025-03-15', 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 14, 23));
    expect(parseStoredDate('2025-03-15', 'UTC')).toBe(Date.UTC(2025, 2, 15));
  });

  it('treats missing values as EMPTY', () => {
    expect(parseStoredDate(null, 'UTC')).toBeUndefined();
    expect(parseStoredDate('', 'UTC')).toBeUndefined();
    expect(parseStoredDate('not a date', 'UTC')).toBeUndefined();
  });
});
