import fc from 'fast-check';
import { partitionCounts, splitDayRange } from '../../../../src/domain/trends/partition-window';

describe('date partitions of a trend window', () => {
  it('tiles the window with shared edges, so every issue is in exactly one partition (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 800 }), fc.integer({ min: 1, max: 60 }), (days, parts) => {
        const from = '2024-03-31';
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const ranges = splitDayRange({ from, to }, parts);
        expect(ranges[0]?.from).toBe(from);
        expect(ranges.at(-1)?.to).toBe(to);
        ranges.forEach((range, index) => {
          expect(range.from < range.to).toBe(true);
          if (index > 0) expect(range.from).toBe(ranges[index - 1]?.to);
        });
        expect(ranges.length).toBe(Math.min(parts, days));
      }),
      { seed: 3 },
    );
  });

  it('keeps the part-filled pages within 10 % of the paging floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), (a, b) => {
        const counts = partitionCounts([a, b], 40);
        counts.forEach((parts, index) => {
          const pages = [a, b][index] ?? 0;
          expect(parts).toBeGreaterThanOrEqual(1);
          // Each partition adds at most one part-filled page beyond the floor.
          expect(parts - 1).toBeLessThanOrEqual(Math.max(0, pages * 0.1));
        });
      }),
      { seed: 5 },
    );
    expect(partitionCounts([200, 800], 40)).toEqual([8, 32]);
    expect(partitionCounts([10, 40], 40)).toEqual([1, 4]);
  });
});
