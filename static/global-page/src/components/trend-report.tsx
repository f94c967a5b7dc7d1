import { Grid, Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { TrendsView } from '../../../../src/contract/global-page-api';
import { jqlSearchUrl } from '../logic/jql-search-url';
import { monthLabel } from '../../../../src/contract/month-label';
import { ExportButtons } from './export-buttons';
import { MaturityPanel } from './maturity-panel';
import { OverviewTable } from './overview-table';
import { ProcessMetricsPanel } from './process-metrics-panel';
import { RecommendationsList } from './recommendations-list';
import { ReportScope } from './report-scope';
import { SectionCard } from './section-card';
import { TopCategories } from './top-categories';
import { TrendCharts } from './trend-charts';

/** The loaded report: Step 4 layout, charts, process metrics and maturity, in the reference's order. */
export function TrendReport({ trends, siteUrl }: { trends: TrendsView; siteUrl: string }) {
  const { report } = trends;
  const noIncidents = report.incidents.current === 0;
  return (
    <Stack space="space.300" testId="trend-report">
      <ExportButtons markdown={trends.markdown} month={trends.month} />
      <ReportScope trends={trends} />
      {noIncidents ? (
        <SectionMessage
          appearance="information"
          title={`No incidents in ${monthLabel(trends.month)}`}
          testId="trends-empty-month"
        >
          <p>
            Nothing was reported in this month
            {trends.projectKeys.length > 0 ? ` for ${trends.projectKeys.join(', ')}` : ''}. The comparison
            with the previous month, the 12-month charts and the maturity level still apply.
          </p>
        </SectionMessage>
      ) : null}
      <SectionCard
        title="Overview"
        actions={
          <span style={{ color: token('color.text.subtle') }}>
            {report.incidents.current} incidents in {monthLabel(report.month)} ({report.timeZone}).{' '}
            <a href={jqlSearchUrl(trends.jql.monthIncidents ?? trends.jql.incidents, siteUrl)} target="_top">
              Show incidents in Jira
            </a>
          </span>
        }
        testId="section-overview"
      >
        <OverviewTable report={report} />
      </SectionCard>
      <Grid templateColumns="repeat(auto-fit, minmax(280px, 1fr))" gap="space.300">
        <SectionCard title="Top Incident Categories" testId="section-top-categories">
          <TopCategories categories={report.topCategories} />
        </SectionCard>
        <SectionCard title="Recommendations" testId="section-recommendations">
          <RecommendationsList recommendations={report.recommendations} />
        </SectionCard>
      </Grid>
      <SectionCard title="Last 12 months" testId="section-charts">
        <TrendCharts series={trends.series} />
      </SectionCard>
      <SectionCard title="Process metrics" testId="section-metrics">
        <ProcessMetricsPanel metrics={report.processMetrics} />
      </SectionCard>
      <SectionCard title="Postmortem maturity" testId="section-maturity">
        <MaturityPanel maturity={trends.maturity} jql={trends.jql} siteUrl={siteUrl} />
      </SectionCard>
    </Stack>
  );
}
