import { Text } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppErrorShape } from '../../../../src/contract/errors';
import { issueErrorAdvice } from '../../../shared/logic/issue-error-advice';

/** An error with what to do next, per error kind; a retry action where retrying can help. */
export function PanelError({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  const advice = issueErrorAdvice(error);
  return (
    <SectionMessage
      appearance={advice.appearance}
      title={advice.title}
      testId={`panel-error-${error.kind}`}
      actions={
        advice.retryable && onRetry
          ? [
              <SectionMessageAction key="retry" onClick={onRetry}>
                Try again
              </SectionMessageAction>,
            ]
          : []
      }
    >
      <Text as="p">{error.message}</Text>
      <Text as="p">{advice.next}</Text>
    </SectionMessage>
  );
}
