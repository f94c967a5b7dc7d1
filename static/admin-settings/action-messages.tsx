import { SectionMessage, Text } from '@forge/react';
import type { ActionState } from './use-action';

/** An action's notice (success) or error, where the action's section shows it. */
export function ActionMessages({ action, failureTitle }: { action: ActionState; failureTitle: string }) {
  return (
    <>
      {action.notice && (
        <SectionMessage appearance="success">
          <Text>{action.notice}</Text>
        </SectionMessage>
      )}
      {action.error && (
        <SectionMessage appearance="error" title={failureTitle}>
          <Text>{action.error.message}</Text>
        </SectionMessage>
      )}
    </>
  );
}
