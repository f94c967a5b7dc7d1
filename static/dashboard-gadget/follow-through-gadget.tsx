import {
  Button,
  DynamicTable,
  Heading,
  Inline,
  Link,
  Lozenge,
  SectionMessage,
  Spinner,
  Stack,
  Text,
} from '@forge/react';
import type { FollowThroughView } from '../../src/contract/dashboard-gadget-api';
import {
  describeCount,
  describeDaysOverdue,
  describeFreshness,
  describeMttr,
  describePostmortemDeadline,
} from './describe-follow-through';
import { gadgetErrorAdvice } from './gadget-error-advice';
import { useFollowThrough } from './use-follow-through';

/** The gadget's view: loading, error (with a next step), and the three parts with their empty states. */
export function FollowThroughGadget() {
  const { state, refreshing, refresh, now } = useFollowThrough();
  if (state.kind === 'loading') return <Spinner label="Loading postmortem follow-through" />;
  if (state.kind === 'error') {
    const advice = gadgetErrorAdvice(state.error);
    return (
      <SectionMessage appearance={advice.appearance} title={advice.title}>
        <Text>{state.error.message}</Text>
        <Text>{advice.next}</Text>
        {advice.retryable ? (
          <Button onClick={refresh} isDisabled={refreshing}>
            Try again
          </Button>
        ) : null}
      </SectionMessage>
    );
  }
  const view = state.data;
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center" spread="space-between">
        <Text color="color.text.subtle">{describeFreshness(view.asOf, now)}</Text>
        <Button onClick={refresh} isDisabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </Inline>
      {view.hiddenProjects > 0 && (
        <Text color="color.text.subtle">
          {`${view.hiddenProjects} of the configured projects ${view.hiddenProjects === 1 ? 'is' : 'are'} not shown: you cannot browse ${view.hiddenProjects === 1 ? 'it' : 'them'}.`}
        </Text>
      )}
      <MajorIncidents view={view} />
      <OverdueActionItems view={view} />
      <PostmortemsDue view={view} />
    </Stack>
  );
}

function MajorIncidents({ view }: { view: FollowThroughView }) {
  const { month, previousMonth, count, mttrMinutes } = view.majorIncidents;
  return (
    <Stack space="space.050">
      <Heading size="small" as="h3">
        SEV-1 and SEV-2 incidents
      </Heading>
      <Text>{describeCount(count, month, previousMonth)}</Text>
      <Text>{`MTTR: ${describeMttr(mttrMinutes, previousMonth)}`}</Text>
    </Stack>
  );
}

const more = (shown: number) => `Showing the first ${shown}; there are more.`;

function OverdueActionItems({ view }: { view: FollowThroughView }) {
  const { items, more: hasMore } = view.overdueActionItems;
  return (
    <Stack space="space.050">
      <Heading size="small" as="h3">
        Overdue action items
      </Heading>
      {items.length === 0 ? (
        <Text color="color.text.subtle">No overdue action items.</Text>
      ) : (
        <DynamicTable
          head={{
            cells: [
              { key: 'key', content: 'Issue' },
              { key: 'summary', content: 'Summary' },
              { key: 'assignee', content: 'Assignee' },
              { key: 'overdue', content: 'Overdue' },
            ],
          }}
          rows={items.map((item) => ({
            key: item.key,
            cells: [
              { key: 'key', content: <Link href={item.url}>{item.key}</Link> },
              { key: 'summary', content: item.summary },
              { key: 'assignee', content: item.assignee ?? 'Unassigned' },
              { key: 'overdue', content: describeDaysOverdue(item.daysOverdue) },
            ],
          }))}
        />
      )}
      {hasMore && <Text color="color.text.subtle">{more(items.length)}</Text>}
    </Stack>
  );
}

function PostmortemsDue({ view }: { view: FollowThroughView }) {
  const { items, more: hasMore } = view.postmortemsDue;
  return (
    <Stack space="space.050">
      <Heading size="small" as="h3">
        Postmortems due or overdue
      </Heading>
      {items.length === 0 ? (
        <Text color="color.text.subtle">No postmortem is due within a day or overdue.</Text>
      ) : (
        <DynamicTable
          head={{
            cells: [
              { key: 'key', content: 'Incident' },
              { key: 'summary', content: 'Summary' },
              { key: 'deadline', content: 'Deadline' },
              { key: 'state', content: 'State' },
            ],
          }}
          rows={items.map((due) => {
            const described = describePostmortemDeadline(due);
            return {
              key: due.key,
              cells: [
                { key: 'key', content: <Link href={due.url}>{due.key}</Link> },
                { key: 'summary', content: due.summary },
                { key: 'deadline', content: described.deadline },
                {
                  key: 'state',
                  content: <Lozenge appearance={described.appearance}>{described.state}</Lozenge>,
                },
              ],
            };
          })}
        />
      )}
      {hasMore && <Text color="color.text.subtle">{more(items.length)}</Text>}
    </Stack>
  );
}
