import { metricRows } from '../../../static/global-page/src/logic/metric-rows';
import { overviewRows } from '../../../static/global-page/src/logic/overview-rows';
import { februaryReport } from './report-fixture';

describe('overviewRows', () => {
  it('lays out the reference Overview table (Feb 2025)', () => {
    const rows = overviewRows(februaryReport()).map((r) => [
      r.id,
      r.metric,
      r.current,
      r.previous,
      r.trendText,
    ]);
    expect(rows).toEqual([
      ['sev1', 'SEV-1 Incidents', '2', '4', '↓ 50%'],
      ['sev2', 'SEV-2 Incidents', '5', '6', '↓ 17%'],
      ['mttr', 'MTTR Average', '38 min', '55 min', '↓ 31%'],
      ['created', 'Action items created', '11', '16', '↓'],
      ['completed', 'Action items completed', '9/11 (82%)', '8/16 (50%)', '↑'],
    ]);
  });
  it('shows dashes for a month without resolved incidents and zero counts', () => {
    const report = februaryReport();
    report.mttrMinutes = { current: null, previous: 55, trend: null };
    report.sev1 = { current: 0, previous: 0, trend: { arrow: '→', percent: 0 } };
    report.actionItemsCompleted = {
      current: { done: 0, created: 0, percent: null },
      previous: { done: 8, created: 16, percent: 50 },
      trend: null,
    };
    const rows = overviewRows(report);
    expect(rows.find((r) => r.id === 'mttr')?.current).toBe('–');
    expect(rows.find((r) => r.id === 'mttr')?.trendText).toBe('–');
    expect(rows.find((r) => r.id === 'sev1')?.trendText).toBe('→ 0%');
    expect(rows.find((r) => r.id === 'completed')?.current).toBe('0/0');
  });
  it('marks which direction is good news', () => {
    const good = Object.fromEntries(overviewRows(februaryReport()).map((r) => [r.id, r.higherIsBetter]));
    expect(good).toEqual({ sev1: false, sev2: false, mttr: false, created: null, completed: true });
  });
});

describe('metricRows', () => {
  it('lists the four reference metrics in order with their counts in words', () => {
    const rows = metricRows(februaryReport().processMetrics);
    expect(rows.map((r) => r.name)).toEqual([
      'Postmortem completion rate',
      'Time-to-postmortem',
      'Action item completion by due date',
      'Repeat incident rate',
    ]);
    expect(rows[0]?.ratioText).toBe('6 of 7 qualifying incidents have a FINAL postmortem');
    expect(rows[1]?.ratioText).toBe(
      '17 business days over 5 finalized postmortems; 4 within 5 business days',
    );
    expect(rows[2]?.ratioText).toBe('9 of 11 items due this month were done by their due date');
    expect(rows[3]?.ratioText).toBe('0 of 0 incidents repeat a category from the previous 6 months');
  });
  it('says how an action item counts as done by its due date: last reached Done in time, not reopened after', () => {
    const rows = metricRows(februaryReport().processMetrics);
    expect(rows[2]?.definition).toMatch(/last reached Done on or before its due day/);
    expect(rows[2]?.definition).toMatch(/reopened after its due date does not count/);
    expect(rows.filter((row) => row.definition !== null).map((row) => row.id)).toEqual(['action-items']);
  });
  it('flags action items without a due date', () => {
    const metrics = februaryReport().processMetrics;
    expect(metricRows(metrics)[2]?.note).toBe('2 new action items have no due date and cannot be measured.');
    metrics.actionItemCompletionByDueDate.withoutDueDate = 1;
    expect(metricRows(metrics)[2]?.note).toBe('1 new action item has no due date and cannot be measured.');
    metrics.actionItemCompletionByDueDate.withoutDueDate = 0;
    expect(metricRows(metrics)[2]?.note).toBeNull();
  });
});
