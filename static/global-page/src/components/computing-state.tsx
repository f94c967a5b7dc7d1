import { Inline, Stack } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState } from 'react';
import type { TrendsProgress } from '../../../../src/contract/global-page-api';
import { describeProgress } from '../logic/describe-progress';

const secondsSince = (iso: string): number => Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));

/** Shown while the async consumer computes a cold month; the hook polls, this shows it is alive. */
export function ComputingState({
  startedAt,
  progress,
}: {
  startedAt: string;
  progress: TrendsProgress | null;
}) {
  const [elapsed, setElapsed] = useState(() => secondsSince(startedAt));
  useEffect(() => {
    const timer = setInterval(() => setElapsed(secondsSince(startedAt)), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);
  return (
    <SectionMessage appearance="information" title="Computing the trend report" testId="trends-computing">
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center">
          <Spinner size="small" label="Computing" />
          <span role="status">
            Reading this month&apos;s incidents and action items from Jira… {describeProgress(progress)}
            {elapsed}s so far.
          </span>
        </Inline>
        <p>The first report for a month or project set can take a minute; this page updates by itself.</p>
      </Stack>
    </SectionMessage>
  );
}
