import { Text } from '@atlaskit/primitives';
import type { AppErrorShape } from '../../../../src/contract/errors';
import { issueErrorAdvice } from '../../../shared/logic/issue-error-advice';
import { PanelMessage } from './panel-message';

/** An error with what to do next, per error kind; a retry action where retrying can help. */
export function PanelError({ error, onRetry }: { error: AppErrorShape; onRetry?: () => void }) {
  const advice = issueErrorAdvice(error);
  return (
    <PanelMessage
      appearance={advice.appearance}
      title={advice.title}
      testId={`panel-error-${error.kind}`}
      actions={advice.retryable && onRetry ? [{ label: 'Try again', onClick: onRetry }] : []}
    >
      <Text as="p">{error.message}</Text>
      <Text as="p">{advice.next}</Text>
    </PanelMessage>
  );
}
