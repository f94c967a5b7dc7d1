import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { DeadlineView, PolicyView } from '../../../../src/contract/issue-panel-api';
import { describeDeadline } from '../../../shared/logic/describe-deadline';

function DeadlineLine({
  name,
  deadline,
  testId,
}: {
  name: string;
  deadline: DeadlineView | null;
  testId: string;
}) {
  const described = describeDeadline(deadline);
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId={testId}>
      <Text weight="medium">{name}</Text>
      {described && deadline ? (
        <>
          <Lozenge appearance={described.appearance}>{described.label}</Lozenge>
          <Text size="small" color="color.text.subtle">
            {described.remaining} (due {new Date(deadline.dueAt).toLocaleString()})
          </Text>
        </>
      ) : (
        <Text size="small" color="color.text.subtle">
          Starts when the incident is resolved
        </Text>
      )}
    </Inline>
  );
}

/** Whether a postmortem is required (and why) and the two policy deadlines. */
export function PolicyBanner({ policy }: { policy: PolicyView }) {
  return (
    <Stack space="space.100" testId="policy-banner">
      <SectionMessage
        appearance={policy.required ? 'warning' : 'information'}
        title={policy.required ? 'A postmortem is required' : 'A postmortem is optional'}
      >
        {policy.reasons.length > 0 ? (
          <ul>
            {policy.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <Text as="p">This incident meets none of the triggers; writing one is still encouraged.</Text>
        )}
      </SectionMessage>
      <DeadlineLine name="Review meeting (48 h)" deadline={policy.meeting} testId="deadline-meeting" />
      <DeadlineLine name="Document (5 business days)" deadline={policy.document} testId="deadline-document" />
    </Stack>
  );
}
