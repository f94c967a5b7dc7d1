import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { AppErrorShape } from '../../../../src/contract/errors';
import { errorAdvice, type ErrorContext } from '../logic/error-advice';

interface ErrorMessageProps {
  error: AppErrorShape;
  onRetry?: () => void;
  context?: ErrorContext;
  testId?: string;
}

/** An error with what to do next and, where it can help, a retry. */
export function ErrorMessage({ error, onRetry, context, testId }: ErrorMessageProps) {
  const advice = errorAdvice(error, context);
  return (
    <SectionMessage appearance={advice.appearance} title={advice.title} testId={testId}>
      <p>{error.message}</p>
      <p>{advice.next}</p>
      {advice.retryable && onRetry ? (
        <p>
          <Button onClick={onRetry}>Try again</Button>
        </p>
      ) : null}
    </SectionMessage>
  );
}
