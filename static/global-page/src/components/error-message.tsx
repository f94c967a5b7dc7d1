import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { AppErrorShape } from '../../../../src/contract/errors';
import { errorAdvice } from '../logic/error-advice';

interface ErrorMessageProps {
  error: AppErrorShape;
  onRetry?: () => void;
  testId?: string;
}

/** An error with what to do next and, where it can help, a retry. */
export function ErrorMessage({ error, onRetry, testId }: ErrorMessageProps) {
  const advice = errorAdvice(error);
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
