import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { AutomationView } from '../../../../src/contract/issue-panel-api';

/** What the finalization label set off: child issues created and the Slack notification. */
export function AutomationStatus({
  automation,
  polling,
}: {
  automation: AutomationView | null;
  polling: boolean;
}) {
  if (!automation && !polling) return null;
  return (
    <Stack space="space.100" testId="automation-status">
      {automation?.jobFailure ? (
        <SectionMessage
          appearance="error"
          title="Finalization did not finish"
          testId="automation-job-failure"
        >
          <Text>{automation.jobFailure.message}</Text>
        </SectionMessage>
      ) : null}
      {polling && !automation?.slack && !automation?.jobFailure ? (
        <Inline space="space.100" alignBlock="center">
          <Spinner size="small" label="Waiting for the automation" />
          <Text>Creating action item issues and notifying Slack…</Text>
        </Inline>
      ) : null}
      {automation ? (
        <>
          <Text weight="medium">Child issues</Text>
          {automation.children.length === 0 ? (
            <Text color="color.text.subtle">No child issues were created.</Text>
          ) : (
            <ul data-testid="automation-children">
              {automation.children.map((child) => (
                <li key={child.rowId}>
                  <a href={child.url} target="_blank" rel="noreferrer">
                    {child.key}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {automation.skippedRules.length > 0 ? (
            <SectionMessage
              appearance="warning"
              title="Finalized in Jira without the panel's checks"
              testId="automation-skipped-rules"
            >
              <Text>The label was added while these rules were not met:</Text>
              <ul>
                {automation.skippedRules.map((rule) => (
                  <li key={rule.message}>{rule.message}</li>
                ))}
              </ul>
            </SectionMessage>
          ) : null}
          {automation.failures.length > 0 ? (
            <SectionMessage appearance="error" title="Some action items got no issue">
              <ul>
                {automation.failures.map((failure) => (
                  <li key={failure.rowId}>
                    {failure.rowId}: {failure.message}
                  </li>
                ))}
              </ul>
            </SectionMessage>
          ) : null}
          {automation.unresolvedOwners.length > 0 ? (
            <Text size="small" color="color.text.subtle">
              Not assigned (owner is not a Jira user): {automation.unresolvedOwners.join(', ')}
            </Text>
          ) : null}
          <Inline space="space.100" alignBlock="center" shouldWrap testId="slack-status">
            <Text weight="medium">Slack</Text>
            {automation.slack === null ? (
              <Text color="color.text.subtle">pending</Text>
            ) : automation.slack.state === 'sent' ? (
              <Lozenge appearance="success">Sent</Lozenge>
            ) : automation.slack.state === 'failed' ? (
              <>
                <Lozenge appearance="removed">Failed</Lozenge>
                <Text size="small">{automation.slack.error ?? 'The webhook refused the message.'}</Text>
              </>
            ) : (
              <Text size="small" color="color.text.subtle">
                Slack is not set up: ask a Jira admin to add a webhook in the app settings.
              </Text>
            )}
          </Inline>
        </>
      ) : null}
    </Stack>
  );
}
