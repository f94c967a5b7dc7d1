import Lozenge from '@atlaskit/lozenge';
import { Box, Grid, Stack, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';
import { formatMetricTarget, formatMetricValue } from '../logic/format-metric';
import { metricRows } from '../logic/metric-rows';
import { metricStatus } from '../logic/metric-status';

const tileStyles = xcss({
  padding: 'space.150',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
});

/** Reference "Metrics": value, target, met / not met and the counts behind each number. */
export function ProcessMetricsPanel({ metrics }: { metrics: MonthlyTrendReport['processMetrics'] }) {
  return (
    <Grid templateColumns="repeat(auto-fit, minmax(220px, 1fr))" gap="space.200">
      {metricRows(metrics).map((row) => {
        const status = metricStatus(row.metric);
        return (
          <Box key={row.id} xcss={tileStyles} testId={`metric-${row.id}`}>
            <Stack space="space.075">
              <strong>{row.name}</strong>
              <span style={{ font: token('font.heading.large') }} data-testid={`metric-${row.id}-value`}>
                {formatMetricValue(row.metric)}
              </span>
              <span>
                Target: <span data-testid={`metric-${row.id}-target`}>{formatMetricTarget(row.metric)}</span>{' '}
                <span data-testid={`metric-${row.id}-status`}>
                  <Lozenge appearance={status.appearance}>{status.text}</Lozenge>
                </span>
              </span>
              <span style={{ color: token('color.text.subtle') }} data-testid={`metric-${row.id}-ratio`}>
                {row.ratioText}
              </span>
              {row.note ? <span style={{ color: token('color.text.warning') }}>{row.note}</span> : null}
              {row.definition ? (
                <span
                  style={{ color: token('color.text.subtlest'), font: token('font.body.small') }}
                  data-testid={`metric-${row.id}-definition`}
                >
                  {row.definition}
                </span>
              ) : null}
            </Stack>
          </Box>
        );
      })}
    </Grid>
  );
}
