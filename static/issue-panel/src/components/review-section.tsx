import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import TextArea from '@atlaskit/textarea';
import { useState } from 'react';
import type {
  ApprovalProgress,
  ReviewDecision,
  ReviewerState,
  ReviewView,
} from '../../../../src/contract/review-api';
import { MAX_REVIEWERS, MAX_REVIEW_COMMENT } from '../../../../src/contract/review-api';
import { describeStatus } from '../../../shared/logic/describe-status';
import { useReview } from '../hooks/use-review';
import { useUserSearch, type UserOption } from '../hooks/use-user-search';
import { DocumentSection } from './document-section';
import { LabeledField } from './labeled-field';
import { PanelError } from './panel-error';

const STATE_LOZENGE: Record<
  ReviewerState,
  { appearance: 'default' | 'success' | 'moved' | 'removed'; label: string }
> = {
  pending: { appearance: 'default', label: 'Pending' },
  approved: { appearance: 'success', label: 'Approved' },
  stale: { appearance: 'moved', label: 'Approval stale: edited since' },
  'changes-requested': { appearance: 'removed', label: 'Changes requested' },
};

const listStyles = xcss({ paddingInlineStart: 'space.250', margin: 'space.0' });

function progressText(progress: ApprovalProgress): string {
  if (progress.required === 'none') return 'Finalize needs no approvals (app settings).';
  const want = progress.required === 'one' ? 'one approval' : 'an approval from every named reviewer';
  return `Finalize needs ${want}: ${progress.current} of ${progress.needed} current.`;
}

const when = (iso: string) => new Date(iso).toLocaleString();

function HistoryItem({ decision }: { decision: ReviewDecision }) {
  const verb = decision.decision === 'approved' ? 'approved' : 'requested changes';
  return (
    <li>
      <Text>
        <Text weight="semibold">{decision.displayName}</Text> {verb} · {when(decision.at)}
      </Text>
      {decision.comment ? (
        <Text as="p" color="color.text.subtle">
          “{decision.comment}”
        </Text>
      ) : null}
    </li>
  );
}

/** A short optional text (the request's note, a decision's comment), capped as the server caps it. */
function OptionalText(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <LabeledField id={props.id} label={props.label}>
      <TextArea
        id={props.id}
        testId={props.id}
        value={props.value}
        maxLength={MAX_REVIEW_COMMENT}
        minimumRows={2}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </LabeledField>
  );
}

function RequestForm({
  view,
  busy,
  onRequest,
}: {
  view: ReviewView;
  busy: boolean;
  onRequest: (reviewers: string[], note: string) => Promise<boolean>;
}) {
  const search = useUserSearch();
  const [picked, setPicked] = useState<readonly UserOption[]>(() =>
    view.reviewers.map((r) => ({ value: r.accountId, label: r.displayName })),
  );
  const [note, setNote] = useState('');
  // Closed until the author asks: the section reads as a record, not a form, in read mode.
  const [open, setOpen] = useState(false);
  const asked = view.requestedAt !== null;
  if (!open)
    return (
      <Inline>
        <Button testId="review-open-request" onClick={() => setOpen(true)}>
          {asked ? 'Change reviewers or ask again' : 'Ask for review'}
        </Button>
      </Inline>
    );
  return (
    <Stack space="space.100">
      <LabeledField id="review-reviewers" label="Reviewers">
        <AsyncSelect<UserOption, true>
          inputId="review-reviewers"
          testId="review-reviewers"
          isMulti
          cacheOptions
          loadOptions={search}
          value={picked}
          placeholder="Search people"
          noOptionsMessage={({ inputValue }) => (inputValue ? 'No matching people' : 'Type a name to search')}
          onChange={(options) => setPicked(options.slice(0, MAX_REVIEWERS))}
        />
      </LabeledField>
      <OptionalText
        id="review-note"
        label="Note to the reviewers (optional)"
        value={note}
        onChange={setNote}
      />
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Button
          testId="review-request"
          isDisabled={picked.length === 0}
          isLoading={busy}
          onClick={() =>
            void onRequest(
              picked.map((option) => option.value),
              note,
            ).then((ok) => {
              if (!ok) return;
              setNote('');
              setOpen(false);
            })
          }
        >
          {asked ? 'Ask again' : 'Ask for review'}
        </Button>
        <Text size="small" color="color.text.subtle">
          A Jira comment mentions each reviewer, so Jira notifies them.
        </Text>
      </Inline>
    </Stack>
  );
}

function DecisionForm({
  busy,
  onDecide,
}: {
  busy: 'approve' | 'request-changes' | null;
  onDecide: (decision: 'approved' | 'changes-requested', comment: string) => Promise<boolean>;
}) {
  const [comment, setComment] = useState('');
  const decide = (decision: 'approved' | 'changes-requested') =>
    void onDecide(decision, comment).then((ok) => ok && setComment(''));
  return (
    <Stack space="space.100" testId="review-decision">
      <OptionalText
        id="review-comment"
        label="Your review comment (optional)"
        value={comment}
        onChange={setComment}
      />
      <Inline space="space.100">
        <Button
          appearance="primary"
          testId="review-approve"
          isLoading={busy === 'approve'}
          isDisabled={busy !== null}
          onClick={() => decide('approved')}
        >
          Approve
        </Button>
        <Button
          testId="review-request-changes"
          isLoading={busy === 'request-changes'}
          isDisabled={busy !== null}
          onClick={() => decide('changes-requested')}
        >
          Request changes
        </Button>
      </Inline>
    </Stack>
  );
}

/**
 * Issue 15's review: who was asked and where each stands, the author's request (a Jira comment that
 * mentions them), each named reviewer's decision, and the history of decisions. Loaded again whenever
 * the document is saved (`savedAt`), since an edit makes earlier approvals stale.
 */
export function ReviewSection({ issueKey, savedAt }: { issueKey: string; savedAt: string | null }) {
  const review = useReview(issueKey, savedAt);
  const { state } = review;
  return (
    <DocumentSection path="review" title="Review" editing={false}>
      {state.kind === 'loading' ? <Spinner label="Loading the review" size="small" /> : null}
      {state.kind === 'error' ? <PanelError error={state.error} onRetry={review.reload} /> : null}
      {state.kind === 'ready' ? (
        <Stack space="space.150" testId="review-section">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Lozenge testId="review-status" appearance={state.data.progress.met ? 'success' : 'inprogress'}>
              {describeStatus(state.data.status).label}
            </Lozenge>
            <Text testId="review-progress">{progressText(state.data.progress)}</Text>
          </Inline>
          {!state.data.saved ? (
            <Text as="p" testId="review-not-saved">
              Save the postmortem before asking for a review.
            </Text>
          ) : null}
          {state.data.reviewers.length === 0 ? (
            <Text as="p" color="color.text.subtle" testId="review-no-reviewers">
              No reviewers asked yet.
            </Text>
          ) : (
            <Box as="ul" xcss={listStyles} testId="review-reviewer-list">
              {state.data.reviewers.map((reviewer) => (
                <li key={reviewer.accountId} data-testid={`review-reviewer-${reviewer.accountId}`}>
                  <Inline space="space.100" alignBlock="center" shouldWrap>
                    <Text>{reviewer.displayName}</Text>
                    <Lozenge appearance={STATE_LOZENGE[reviewer.state].appearance}>
                      {STATE_LOZENGE[reviewer.state].label}
                    </Lozenge>
                  </Inline>
                </li>
              ))}
            </Box>
          )}
          {review.actionError ? (
            <PanelError error={review.actionError} onRetry={review.dismissError} />
          ) : null}
          {state.data.canDecide ? (
            <DecisionForm
              busy={review.busy === 'approve' || review.busy === 'request-changes' ? review.busy : null}
              onDecide={review.decide}
            />
          ) : null}
          {state.data.canRequest ? (
            <RequestForm view={state.data} busy={review.busy === 'request'} onRequest={review.request} />
          ) : null}
          <Stack space="space.050">
            <Text weight="semibold">History</Text>
            {state.data.history.length === 0 ? (
              <Text color="color.text.subtle" testId="review-history-empty">
                No decisions yet.
              </Text>
            ) : (
              <Box as="ol" xcss={listStyles} testId="review-history">
                {state.data.history.map((decision) => (
                  <HistoryItem key={`${decision.accountId}-${decision.at}`} decision={decision} />
                ))}
              </Box>
            )}
          </Stack>
        </Stack>
      ) : null}
    </DocumentSection>
  );
}
