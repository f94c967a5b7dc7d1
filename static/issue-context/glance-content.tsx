import { Button, Inline, Lozenge, SectionMessage, Spinner, Stack, Text } from '@forge/react';
import type { Result } from '../../src/contract/errors';
import type { FollowThroughCounts } from '../../src/contract/follow-through-api';
import type { GlanceView } from '../../src/contract/issue-context-api';
import { describeStatus } from '../shared/logic/describe-status';
import { issueErrorAdvice } from '../shared/logic/issue-error-advice';
import { describeActionItems, describeFollowThrough, describeNearestDeadline } from './describe-glance';

export interface GlanceContentProps {
  /** Undefined while loading. */
  result: Result<GlanceView> | undefined;
  onRetry: () => void;
  /** The action items' children as Jira has them now; left out while loading or unavailable. */
  followThrough?: FollowThroughCounts | undefined;
}

/** The glance's states: loading, error (with a next step), no postmortem yet, and the summary. */
export function GlanceContent({ result, onRetry, followThrough }: GlanceContentProps) {
  if (!result) return <Spinner label="Loading postmortem status" />;
  if (!result.ok) {
    const advice = issueErrorAdvice(result.error);
    return (
      <SectionMessage appearance={advice.appearance} title={advice.title}>
        <Text>{result.error.message}</Text>
        <Text>{advice.next}</Text>
        {advice.retryable ? <Button onClick={onRetry}>Try again</Button> : null}
      </SectionMessage>
    );
  }
  const view = result.data;
  const status = describeStatus(view.status);
  const deadline = describeNearestDeadline(view);
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center">
        <Text weight="medium">Status</Text>
        <Lozenge appearance={status.appearance}>{status.label}</Lozenge>
      </Inline>
      <Text color={view.required ? 'color.text.warning' : 'color.text.subtle'}>
        {view.required ? `Postmortem required. ${view.reasons.join(' ')}` : 'Postmortem optional.'}
      </Text>
      <Text color={deadline.color}>{deadline.text}</Text>
      {view.status === null ? (
        <Text>No postmortem yet — open the Postmortem panel to start one.</Text>
      ) : (
        <ActionItemsLine view={view} />
      )}
      {followThrough ? <FollowThroughLine counts={followThrough} /> : null}
    </Stack>
  );
}

function ActionItemsLine({ view }: { view: GlanceView }) {
  const items = describeActionItems(view);
  return <Text color={items.complete ? 'color.text.subtle' : 'color.text.danger'}>{items.text}</Text>;
}

function FollowThroughLine({ counts }: { counts: FollowThroughCounts }) {
  const described = describeFollowThrough(counts);
  return described ? <Text color={described.color}>{described.text}</Text> : null;
}
