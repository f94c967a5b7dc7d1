import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { Finding } from '../../../../src/contract/issue-panel-api';
import type { FinalizeState } from '../hooks/use-finalize';
import { blockerProgress } from '../logic/blocker-progress';
import { PanelError } from './panel-error';

/**
 * Finalize / Reopen. Blockers come as a list of what to fix (the caller moves focus to the first);
 * warnings never block. While finalizing (FINALIZING) or final, the document is read-only until reopened.
 */
export function FinalizeSection({
  state,
  currentBlockers,
  isFinal,
  isFinalizing,
  canEdit,
  finalizationLabel,
  onFinalize,
  onReopen,
  onDismiss,
}: {
  state: FinalizeState;
  /** The live checks' blockers, to tick off what was fixed since the last Finalize. */
  currentBlockers: readonly Finding[];
  isFinal: boolean;
  isFinalizing: boolean;
  canEdit: boolean;
  finalizationLabel: string;
  onFinalize: () => void;
  onReopen: () => void;
  onDismiss: () => void;
}) {
  const busy = state.kind === 'checking' || state.kind === 'finalizing';
  // Missing approvals are fixed by reviewers, not by the author: Finalize waits, saying why.
  const awaitingApprovals = currentBlockers.find((blocker) => blocker.code === 'approvals-missing');
  return (
    <Stack space="space.100" testId="finalize-section">
      {state.kind === 'blocked' ? (
        <Box testId="finalize-blockers">
          <SectionMessage appearance="error" title="Fix these before finalizing">
            <ul>
              {blockerProgress(state.blockers, currentBlockers).map(({ blocker, fixed }) => (
                <li key={`${blocker.path}-${blocker.code}`}>
                  {fixed ? (
                    <Text color="color.text.subtlest">
                      <s>{blocker.message}</s> — fixed
                    </Text>
                  ) : (
                    blocker.message
                  )}
                </li>
              ))}
            </ul>
          </SectionMessage>
        </Box>
      ) : null}
      {state.kind === 'error' ? <PanelError error={state.error} onRetry={onDismiss} /> : null}
      {canEdit ? (
        <Inline space="space.100" alignBlock="center" shouldWrap>
          {isFinal || isFinalizing ? (
            <Button onClick={onReopen}>Reopen</Button>
          ) : (
            <Button
              appearance="primary"
              onClick={onFinalize}
              isLoading={busy}
              isDisabled={awaitingApprovals !== undefined}
              aria-describedby="finalize-reason"
              testId="finalize-button"
            >
              Finalize
            </Button>
          )}
          <Text size="small" color="color.text.subtle" id="finalize-reason" testId="finalize-reason">
            {isFinal
              ? 'Final and read-only. Reopen to edit.'
              : isFinalizing
                ? 'Finalizing: the automation is creating the action item issues. Read-only until reopened.'
                : awaitingApprovals
                  ? awaitingApprovals.message
                  : `Adds the ${finalizationLabel} label: creates the action item issues and notifies Slack.`}
          </Text>
        </Inline>
      ) : null}
    </Stack>
  );
}
