import { parseIsoMs } from '../../../../src/domain/trends/parse-iso-ms';

describe('parseIsoMs (fast path for Jira timestamps)', () => {
  it.each([
    ['2025-02-28T23:30:00.000+0000', Date.UTC(2025, 1, 28, 23, 30)],
    ['2025-02-28T23:30:00Z', Date.UTC(2025, 1, 28, 23, 30)],
    ['2025-03-15T14:23:07.5+01:00', Date.UTC(2025, 2, 15, 13, 23, 7, 500)],
    ['2025-03-15T14:23:07.123-0530', Date.UTC(2025, 2, 15, 19, 53, 7, 123)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2000-01-01T00:00:00Z', Date.UTC(2000, 0, 1)],
    ['1969-12-31T23:59:59.999Z', Date.UTC(1969, 11, 31, 23, 59, 59, 999)],
    ['2100-03-01T00:00:00Z', Date.UTC(2100, 2, 1)],
  ])('%s', (iso, expected) => {
    expect(parseIsoMs(iso)).toBe(expected);
    // Same answer as the platform's parser.
    expect(parseIsoMs(iso)).toBe(Date.parse(iso));
  });

  it('answers like Date.parse for shapes it leaves to it', () => {
    for (const text of [
      '2025-03-15',
      '2025-03-15T14:23Z',
      'nonsense',
      '2025-13-01T00:00:00Z',
      '2025-03-15T14:23:00+1',
    ]) {
      expect(Number.isNaN(parseIsoMs(text))).toBe(Number.isNaN(Date.parse(text)));
      if (!Number.isNaN(Date.parse(text))) expect(parseIsoMs(text)).toBe(Date.parse(text));
    }
  });
});
