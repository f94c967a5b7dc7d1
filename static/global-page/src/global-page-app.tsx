import Heading from '@atlaskit/heading';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense } from 'react';
import { ComputingState } from './components/computing-state';
import { ErrorMessage } from './components/error-message';
import { LoadingSkeleton } from './components/loading-skeleton';
import { ReportFilters } from './components/report-filters';
import { SectionCard } from './components/section-card';
import { TrendReport } from './components/trend-report';
import { usePageParams } from './hooks/use-page-params';
import { useSiteUrl } from './hooks/use-site-url';
import { useTrends } from './hooks/use-trends';
import { monthLabel } from '../../../src/contract/month-label';
import type { PageParams } from './logic/read-page-params';

// The search form (date pickers, empty state) is below the fold: load it after the report renders.
const PostmortemSearchPanel = lazy(() =>
  import('./components/postmortem-search-panel').then((module) => ({
    default: module.PostmortemSearchPanel,
  })),
);

const pageStyles = xcss({ padding: 'space.300', maxWidth: '1200px', marginInline: 'auto' });

/** The `jira:globalPage` "Incident learning": monthly trends, metrics, maturity and the postmortem database. */
export function GlobalPageApp() {
  const { params, update } = usePageParams();
  return (
    <Box as="main" xcss={pageStyles} style={{ color: token('color.text'), font: token('font.body') }}>
      {params ? <TrendsPage params={params} update={update} /> : <LoadingSkeleton />}
    </Box>
  );
}

/** The page once its month and projects are known (from the shared link or the defaults). */
function TrendsPage({ params, update }: { params: PageParams; update: (next: Partial<PageParams>) => void }) {
  const { state, reload } = useTrends(params.month, params.projectKeys);
  const answer = state.kind === 'ready' ? state.data : undefined;
  const siteUrl = useSiteUrl();

  return (
    <Stack space="space.300">
      <Heading size="xlarge" as="h1">
        Incident Trend Report – {monthLabel(params.month)}
      </Heading>
      <ReportFilters params={params} onChange={update} />
      <div aria-live="polite" aria-busy={state.kind === 'loading' || answer?.state === 'computing'}>
        {state.kind === 'loading' ? <LoadingSkeleton /> : null}
        {answer?.state === 'computing' ? (
          <ComputingState startedAt={answer.startedAt} progress={answer.progress ?? null} />
        ) : null}
        {state.kind === 'error' ? (
          <ErrorMessage error={state.error} onRetry={reload} testId="trends-error" />
        ) : null}
        {answer?.state === 'ready' ? <TrendReport trends={answer.trends} siteUrl={siteUrl} /> : null}
      </div>
      <SectionCard title="Postmortem database" testId="section-search">
        <Suspense fallback={<Spinner label="Loading the postmortem search" />}>
          <PostmortemSearchPanel siteUrl={siteUrl} />
        </Suspense>
      </SectionCard>
    </Stack>
  );
}
