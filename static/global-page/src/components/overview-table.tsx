import { token } from '@atlaskit/tokens';
import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';
import { describeTrend } from '../logic/describe-trend';
import { monthLabel } from '../../../../src/contract/month-label';
import { overviewRows, type OverviewRow } from '../logic/overview-rows';

const cell = {
  padding: `${token('space.075')} ${token('space.150')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'left',
} as const;

// Colour only reinforces the wording (arrows + percent are always there), so colour-blind users lose nothing.
function trendColor(row: OverviewRow): string {
  if (row.trend === null || row.trend.arrow === '→' || row.higherIsBetter === null)
    return token('color.text');
  const better = (row.trend.arrow === '↑') === row.higherIsBetter;
  return better ? token('color.text.success') : token('color.text.danger');
}

/** Reference "Step 4" Overview: this month vs the previous month with the trend. */
export function OverviewTable({ report }: { report: MonthlyTrendReport }) {
  return (
    <table aria-label="Trend overview" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            Metric
          </th>
          <th scope="col" style={cell}>
            {monthLabel(report.month, true)}
          </th>
          <th scope="col" style={cell}>
            {monthLabel(report.previousMonth, true)}
          </th>
          <th scope="col" style={cell}>
            Trend
          </th>
        </tr>
      </thead>
      <tbody>
        {overviewRows(report).map((row) => (
          <tr key={row.id} data-testid={`overview-${row.id}`}>
            <th scope="row" style={{ ...cell, fontWeight: token('font.weight.medium') }}>
              {row.metric}
            </th>
            <td style={cell} data-testid={`overview-${row.id}-current`}>
              {row.current}
            </td>
            <td style={cell} data-testid={`overview-${row.id}-previous`}>
              {row.previous}
            </td>
            <td
              style={{ ...cell, color: trendColor(row) }}
              data-testid={`overview-${row.id}-trend`}
              title={describeTrend(row.trend)}
            >
              {row.trendText}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
