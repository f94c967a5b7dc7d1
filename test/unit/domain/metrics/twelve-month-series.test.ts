import { twelveMonthSeries } from '../../../../src/domain/metrics';
import { actionItem, february2025, incident } from './metric-fixtures';

describe('twelveMonthSeries', () => {
  it('gives 12 months oldest first, ending at the given month, with empty months as zeros', () => {
    const series = twelveMonthSeries({ ...february2025(), endMonth: '2025-02', timeZone: 'UTC' });
    expect(series.map((p) => p.month)).toEqual([
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
      bySeverity: { 'SEV-1': 0, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0 },
      mttrMinutes: null,
      actionItemsCreated: 0,
      actionItemsDone: 0,
      actionItemCompletionPct: null,
    });
    expect(series[10]).toEqual({
      month: '2025-01',
      bySeverity: { 'SEV-1': 4, 'SEV-2': 6, 'SEV-3': 0, 'SEV-4': 0 },
      mttrMinutes: 55,
      actionItemsCreated: 16,
      actionItemsDone: 8,
      actionItemCompletionPct: 50,
    });
    expect(series[11]).toMatchObject({
      bySeverity: { 'SEV-1': 2, 'SEV-2': 5, 'SEV-3': 0, 'SEV-4': 0 },
      mttrMinutes: 38,
      actionItemCompletionPct: 82,
    });
  });

  it('leaves out data outside the 12 months and buckets by zone', () => {
    const series = twelveMonthSeries({
      incidents: [
        incident({ key: 'OLD', created: '2024-01-15T10:00:00Z', labels: ['SEV-1'] }),
        incident({ key: 'NYE', created: '2024-12-31T23:30:00Z', priority: 'Medium' }),
      ],
      actionItems: [actionItem({ key: 'X', created: '2024-12-31T23:30:00Z', statusCategory: 'done' })],
      endMonth: '2025-01',
      timeZone: 'Europe/Berlin',
    });
    const total = series.reduce((n, p) => n + p.bySeverity['SEV-1'] + p.bySeverity['SEV-3'], 0);
    expect(total).toBe(1);
    expect(series[11]).toMatchObject({
      month: '2025-01',
      bySeverity: { 'SEV-3': 1 },
      actionItemsCreated: 1,
      actionItemsDone: 1,
      actionItemCompletionPct: 100,
    });
  });
});
