import { lastCompleteMonth } from '../../../static/global-page/src/logic/last-complete-month';
import { monthOptions } from '../../../static/global-page/src/logic/month-options';
import { parseProjectKeys, readPageParams } from '../../../static/global-page/src/logic/read-page-params';
import { writePageParams } from '../../../static/global-page/src/logic/write-page-params';

const now = new Date('2025-03-14T10:00:00Z');

describe('lastCompleteMonth', () => {
  it('is the month before now', () => {
    expect(lastCompleteMonth(now)).toBe('2025-02');
  });
  it('crosses the year in January', () => {
    expect(lastCompleteMonth(new Date('2025-01-01T00:00:00Z'))).toBe('2024-12');
  });
  it('uses UTC at the month edge', () => {
    expect(lastCompleteMonth(new Date('2025-03-31T23:59:59Z'))).toBe('2025-02');
  });
});

describe('readPageParams', () => {
  it('reads month and projects from the URL', () => {
    expect(readPageParams('?month=2024-11&projects=INC,OPS', now)).toEqual({
      month: '2024-11',
      projectKeys: ['INC', 'OPS'],
    });
  });
  it('defaults to the last complete month and all projects', () => {
    expect(readPageParams('', now)).toEqual({ month: '2025-02', projectKeys: [] });
  });
  it.each(['2025-13', '2025-2', 'feb', '2025-04', '2026-01'])(
    'falls back for invalid or future month %s',
    (month) => {
      expect(readPageParams(`?month=${month}`, now).month).toBe('2025-02');
    },
  );
  it('accepts the current (partial) month', () => {
    expect(readPageParams('?month=2025-03', now).month).toBe('2025-03');
  });
  it('reads an encoded comma', () => {
    expect(readPageParams('?projects=INC%2COPS', now).projectKeys).toEqual(['INC', 'OPS']);
  });
});

describe('parseProjectKeys', () => {
  it('upper-cases, trims, de-duplicates and drops invalid keys', () => {
    expect(parseProjectKeys(' inc, OPS,,Inc 9X, A_1 ,bad-key')).toEqual(['INC', 'OPS', 'A_1']);
  });
  it('is empty for empty text', () => {
    expect(parseProjectKeys('')).toEqual([]);
  });
});

describe('writePageParams', () => {
  it('sets month and a readable projects list', () => {
    expect(writePageParams('', { month: '2025-02', projectKeys: ['INC', 'OPS'] })).toBe(
      '?month=2025-02&projects=INC,OPS',
    );
  });
  it('keeps other parameters and removes projects when empty', () => {
    expect(writePageParams('?foo=1&projects=INC', { month: '2025-01', projectKeys: [] })).toBe(
      '?foo=1&month=2025-01',
    );
  });
  it('round-trips through readPageParams', () => {
    const params = { month: '2024-12', projectKeys: ['OPS'] };
    expect(readPageParams(writePageParams('', params), now)).toEqual(params);
  });
});

describe('monthOptions', () => {
  it('lists the current month and the 24 before it, newest first', () => {
    const options = monthOptions(now);
    expect(options).toHaveLength(25);
    expect(options[0]).toBe('2025-03');
    expect(options[1]).toBe('2025-02');
    expect(options[24]).toBe('2023-03');
  });
});
