import { twelveMonthSeries } from '../../../../src/domain/trends';
import { actionItems, incident } from './trend-fixtures';

describe('twelveMonthSeries (issue 7: charts over the last 12 months)', () => {
  it('lists 12 months oldest first, with empty months as zeros', () => {
    const series = twelveMonthSeries({
      endMonth: '2025-02',
      timeZone: 'UTC',
      incidents: [
        incident('A-1', '2024-03-01T00:00:00Z', 10, { labels: ['SEV-1'] }),
        incident('A-2', '2024-03-05T00:00:00Z', 21, { priority: 'High' }),
        incident('A-3', '2024-03-06T00:00:00Z', null, { priority: 'Low' }),
        incident('A-4', '2025-02-10T00:00:00Z', 45, { priority: 'Medium' }),
        incident('A-5', '2025-02-11T00:00:00Z', 45),
        // Outside the 12 months on both sides.
        incident('A-6', '2024-02-29T23:59:00Z', 10, { labels: ['SEV-1'] }),
        incident('A-7', '2025-03-01T00:00:00Z', 10, { labels: ['SEV-1'] }),
      ],
      actionItems: [...actionItems('X', '2024-03-15', 3, 2), ...actionItems('Y', '2025-02-15', 4, 4)],
    });
    expect(series.map((point) => point.month)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(series[0]).toEqual({
      month: '2024-03',
      sev1: 1,
      sev2: 1,
      sev3: 0,
      sev4: 1,
      unknownSeverity: 0,
      // (10 + 21) / 2 = 15.5 → 16; the open SEV-4 is not in the mean
      mttrMinutes: 16,
      actionItemsCreated: 3,
      actionItemsDone: 2,
      actionItemCompletionPercent: 67,
    });
    expect(series[5]).toEqual({
      month: '2024-08',
      sev1: 0,
      sev2: 0,
      sev3: 0,
      sev4: 0,
      unknownSeverity: 0,
      mttrMinutes: null,
      actionItemsCreated: 0,
      actionItemsDone: 0,
      actionItemCompletionPercent: null,
    });
    expect(series[11]).toMatchObject({
      sev3: 1,
      unknownSeverity: 1,
      mttrMinutes: 45,
      actionItemCompletionPercent: 100,
    });
  });

  it('crosses a year and respects the zone at month edges', () => {
    const series = twelveMonthSeries({
      endMonth: '2025-03',
      timeZone: 'Europe/Berlin',
      incidents: [incident('A-1', '2025-02-28T23:30:00Z', 10, { labels: ['SEV-2'] })],
      actionItems: [],
    });
    expect(series[0]?.month).toBe('2024-04');
    expect(series[10]).toMatchObject({ month: '2025-02', sev2: 0 });
    expect(series[11]).toMatchObject({ month: '2025-03', sev2: 1 });
  });
});
