import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ActionItemStatus, StatusCategoryKey } from '../../../../src/contract/follow-through-api';
import type { ActionItemStatusState } from '../hooks/use-action-item-status';
import type { ActionItem } from '../logic/panel-types';
import { InlineMarkdown } from './markdown-text';
import { ReadTable } from './read-table';

const CATEGORY_APPEARANCE: Record<StatusCategoryKey, ThemeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
};

const ownerName = (owner: ActionItem['owner']): string =>
  owner === null ? '—' : 'text' in owner ? owner.text : (owner.displayName ?? owner.accountId);

function JiraCell({ item, status }: { item: ActionItem; status: ActionItemStatus | undefined }) {
  const key = status?.key ?? item.createdIssueKey ?? item.externalRef;
  if (!key) return <>—</>;
  return (
    <Stack space="space.050">
      {status ? (
        <a href={status.url} target="_blank" rel="noopener noreferrer" style={{ color: token('color.link') }}>
          {status.key}
        </a>
      ) : (
        <InlineMarkdown text={key} />
      )}
      {status?.visible ? (
        <span>
          <Lozenge appearance={CATEGORY_APPEARANCE[status.status.category]}>{status.status.name}</Lozenge>
        </span>
      ) : status ? (
        <Text size="small" color="color.text.subtlest">
          Not visible to you
        </Text>
      ) : null}
    </Stack>
  );
}

/** The child's due date when Jira has one (it may have moved since finalizing); overdue in red. */
function DueCell({ item, status }: { item: ActionItem; status: ActionItemStatus | undefined }) {
  const live = status?.visible ? status : null;
  const due = live?.dueDate ?? item.dueDate;
  if (!due) return <>—</>;
  if (!live || live.daysOverdue === 0) return <>{due}</>;
  return (
    <span style={{ color: token('color.text.danger') }} data-testid={`action-item-${item.id}-overdue`}>
      {due}
      <br />
      <strong>{live.daysOverdue === 1 ? '1 day overdue' : `${live.daysOverdue} days overdue`}</strong>
    </span>
  );
}

/**
 * The action items as the reference's table, each with its child issue's live status from Jira (status,
 * due date, overdue) once a finalization created children.
 */
export function ActionItemsRead({
  items,
  live,
}: {
  items: readonly ActionItem[];
  live: ActionItemStatusState;
}) {
  const byRow = new Map(live.kind === 'ready' ? live.data.items.map((status) => [status.rowId, status]) : []);
  return (
    <Stack space="space.100">
      <ReadTable
        caption="Action items"
        testId="action-items-read"
        columns={[
          { header: '#', width: '2rem' },
          { header: 'Action' },
          { header: 'Owner', width: '22%' },
          { header: 'Due date', width: '7.5rem' },
          { header: 'Jira', width: '8rem' },
        ]}
        rows={items.map((item, index) => {
          const status = byRow.get(item.id);
          return {
            key: item.id,
            cells: [
              index + 1,
              <InlineMarkdown key="action" text={item.action} />,
              ownerName(item.owner),
              <DueCell key="due" item={item} status={status} />,
              <JiraCell key="jira" item={item} status={status} />,
            ],
          };
        })}
      />
      {live.kind === 'loading' ? (
        <Inline space="space.100" alignBlock="center">
          <Spinner size="small" label="Reading the child issues' status" />
          <Text size="small" color="color.text.subtle">
            Reading the child issues&apos; status from Jira…
          </Text>
        </Inline>
      ) : null}
      {live.kind === 'error' ? (
        <Text size="small" color="color.text.subtle" testId="action-item-status-error">
          Live status unavailable: {live.error.message}
        </Text>
      ) : null}
    </Stack>
  );
}
