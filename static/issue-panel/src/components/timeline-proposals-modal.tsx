import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useState } from 'react';
import { mergeProposals } from '../../../../src/contract/history-api';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { useTimelineProposals } from '../hooks/use-timeline-proposals';
import { nextTimelineId } from '../logic/document-reducer';
import { PanelError } from './panel-error';

/** The proposals as a checklist: every one starts selected; Space toggles, Tab moves, Enter on Add. */
export function TimelineProposalsModal({
  issueKey,
  doc,
  onClose,
  onAdd,
}: {
  issueKey: string;
  doc: PostmortemDocument;
  onClose: () => void;
  onAdd: (timeline: PostmortemDocument['timeline']) => void;
}) {
  // Proposed once for the document as it was when the modal opened; "Try again" asks again.
  const { state, reload } = useTimelineProposals(issueKey, doc);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());

  const proposals = state.kind === 'ready' ? state.data.proposals : [];
  const chosen = proposals.filter((proposal) => !unchecked.has(proposal.id));
  const toggle = (id: string) =>
    setUnchecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Modal onClose={onClose} width="large" testId="timeline-proposals-modal">
      <ModalHeader>
        <ModalTitle>Timeline rows from Jira</ModalTitle>
      </ModalHeader>
      <ModalBody>
        {state.kind === 'loading' ? <Spinner label="Reading the incident's history" /> : null}
        {state.kind === 'error' ? <PanelError error={state.error} onRetry={reload} /> : null}
        {state.kind === 'ready' && proposals.length === 0 ? (
          <EmptyState
            header="Nothing new to propose"
            description="Every change, comment and linked issue Jira holds for this incident is already in the timeline."
            headingLevel={4}
            width="narrow"
            testId="timeline-proposals-empty"
          />
        ) : null}
        {state.kind === 'ready' && proposals.length > 0 ? (
          <Stack space="space.100">
            <Text as="p">
              From the issue&apos;s history, comments and linked issues. Times are in {state.data.timeZone}.
            </Text>
            {state.data.unknownZoneLabel ? (
              <SectionMessage appearance="warning" testId="timeline-proposals-zone">
                <Text as="p">
                  The postmortem&apos;s time zone &quot;{state.data.unknownZoneLabel}&quot; is not one
                  Jira&apos;s clock knows, so these times are in UTC. Set an IANA zone such as Europe/Berlin
                  to get local times.
                </Text>
              </SectionMessage>
            ) : null}
            <Checkbox
              label={`Select all (${proposals.length})`}
              isChecked={chosen.length === proposals.length}
              isIndeterminate={chosen.length > 0 && chosen.length < proposals.length}
              onChange={() =>
                setUnchecked(
                  chosen.length === proposals.length ? new Set(proposals.map((p) => p.id)) : new Set(),
                )
              }
              testId="timeline-proposals-all"
            />
            <Box as="ul" testId="timeline-proposals-list">
              {proposals.map((proposal) => (
                <li key={proposal.id}>
                  <Checkbox
                    label={`${proposal.time} — ${proposal.event}`}
                    isChecked={!unchecked.has(proposal.id)}
                    onChange={() => toggle(proposal.id)}
                    testId={`timeline-proposal-${proposal.source}`}
                  />
                </li>
              ))}
            </Box>
          </Stack>
        ) : null}
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          appearance="primary"
          isDisabled={chosen.length === 0}
          onClick={() => onAdd(mergeProposals(doc.timeline, chosen, doc.header.date, nextTimelineId))}
          testId="timeline-proposals-add"
        >
          {chosen.length === 1 ? 'Add 1 row' : `Add ${chosen.length} rows`}
        </Button>
      </ModalFooter>
    </Modal>
  );
}
