import Button from '@atlaskit/button/new';
import Link from '@atlaskit/link';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import type { SeenBeforeItem } from '../../../../src/contract/history-api';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { useSeenBefore } from '../hooks/use-seen-before';
import { DocumentSection } from './document-section';
import { PanelError } from './panel-error';

function ActionItemsSummary({ item }: { item: SeenBeforeItem }) {
  const { done, open, overdue, openWhenThisBegan } = item.actionItems;
  if (done + open === 0) return <Text color="color.text.subtle">No action item issues</Text>;
  return (
    <Inline space="space.100" shouldWrap alignBlock="center">
      <Lozenge appearance="success">{`${done} done`}</Lozenge>
      <Lozenge appearance="inprogress">{`${open} open`}</Lozenge>
      {overdue > 0 ? <Lozenge appearance="removed">{`${overdue} overdue`}</Lozenge> : null}
      {openWhenThisBegan > 0 ? (
        <Text color="color.text.warning" testId={`seen-before-recurrence-${item.key}`}>
          {openWhenThisBegan === 1
            ? '1 fix was still open when this incident began'
            : `${openWhenThisBegan} fixes were still open when this incident began`}
        </Text>
      ) : null}
    </Inline>
  );
}

/** Issue 15 "Seen before": related FINAL postmortems while writing, each with its fixes' status. */
export function SeenBefore({ issueKey, doc }: { issueKey: string; doc: PostmortemDocument }) {
  const { state, refresh } = useSeenBefore(issueKey, doc);
  if (doc.header.status === 'FINAL') return null;
  return (
    <DocumentSection path="seenBefore" title="Seen before" editing={false}>
      {state.kind === 'loading' ? <Spinner label="Looking for related postmortems" size="small" /> : null}
      {state.kind === 'error' ? <PanelError error={state.error} onRetry={refresh} /> : null}
      {state.kind === 'ready' && !state.data.searched ? (
        <Text as="p" testId="seen-before-not-searched">
          Set a category (or a component on the issue) and write the root cause to see related postmortems.
        </Text>
      ) : null}
      {state.kind === 'ready' && state.data.searched && state.data.items.length === 0 ? (
        <Text as="p" testId="seen-before-empty">
          No related finalized postmortem found. One finalized in the last few minutes may not be searchable
          yet: Jira&apos;s search catches up within minutes.
        </Text>
      ) : null}
      {state.kind === 'ready' && state.data.items.length > 0 ? (
        <Box as="ul" testId="seen-before-list">
          {state.data.items.map((item) => (
            <li key={item.key}>
              <Stack space="space.050">
                <Inline space="space.100" shouldWrap alignBlock="center">
                  <Link href={item.url} target="_blank">{`${item.key}: ${item.summary}`}</Link>
                  {item.category ? <Lozenge>{item.category}</Lozenge> : null}
                </Inline>
                {item.rootCause ? (
                  <Text size="small" color="color.text.subtle">
                    {item.rootCause}
                  </Text>
                ) : null}
                <ActionItemsSummary item={item} />
                <Text size="small" color="color.text.subtlest">
                  {item.reasons.join(' · ')}
                </Text>
              </Stack>
            </li>
          ))}
        </Box>
      ) : null}
      {state.kind === 'loading' ? null : (
        <Inline>
          <Button appearance="subtle" onClick={() => void refresh()} testId="seen-before-refresh">
            Look again
          </Button>
        </Inline>
      )}
    </DocumentSection>
  );
}
