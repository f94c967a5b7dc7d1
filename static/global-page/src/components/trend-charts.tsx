import { Grid } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { MonthPoint } from '../../../../src/contract/global-page-api';
import { BarChart } from './bar-chart';

const count = (n: number): string => String(n);

/** The three 12-month charts: incidents by severity, MTTR, action-item completion. */
export function TrendCharts({ series }: { series: MonthPoint[] }) {
  const months = series.map((p) => p.month);
  const total = series.reduce((sum, p) => sum + p.sev1 + p.sev2 + p.sev3 + p.sev4 + p.unknownSeverity, 0);
  const hasUnknown = series.some((p) => p.unknownSeverity > 0);
  const severity = [
    { name: 'SEV-1', color: token('color.chart.danger.bold'), values: series.map((p) => p.sev1) },
    { name: 'SEV-2', color: token('color.chart.warning.bold'), values: series.map((p) => p.sev2) },
    { name: 'SEV-3', color: token('color.chart.information.bold'), values: series.map((p) => p.sev3) },
    { name: 'SEV-4', color: token('color.chart.discovery.bold'), values: series.map((p) => p.sev4) },
    // Only when present: an always-empty legend entry would be noise.
    ...(hasUnknown
      ? [
          {
            name: 'Unknown',
            color: token('color.chart.gray.bold'),
            values: series.map((p) => p.unknownSeverity),
          },
        ]
      : []),
  ];
  return (
    <Grid templateColumns="repeat(auto-fit, minmax(300px, 1fr))" gap="space.300">
      <BarChart
        title="Incidents by severity"
        summary={`Stacked bars per month; ${total} incidents over the 12 months.`}
        months={months}
        series={severity}
        formatValue={count}
        integers
        testId="chart-severity"
      />
      <BarChart
        title="MTTR average (minutes)"
        summary="Mean time to restore per month, in minutes; months without resolved incidents have no bar."
        months={months}
        series={[
          { name: 'MTTR', color: token('color.chart.brand'), values: series.map((p) => p.mttrMinutes) },
        ]}
        formatValue={(v) => `${v} min`}
        // MTTR is reported in whole minutes; fractional ticks would suggest a precision the data lacks.
        integers
        testId="chart-mttr"
      />
      <BarChart
        title="Action items completed (%)"
        summary="Share of each month's new action items that are done, per month."
        months={months}
        series={[
          {
            name: 'Completed',
            color: token('color.chart.success.bold'),
            values: series.map((p) => p.actionItemCompletionPercent),
          },
        ]}
        formatValue={(v) => `${v}%`}
        fixedMax={100}
        testId="chart-completion"
      />
    </Grid>
  );
}
