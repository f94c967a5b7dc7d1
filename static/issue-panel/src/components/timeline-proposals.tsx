import Button from '@atlaskit/button/new';
import { lazy, Suspense, useState } from 'react';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import Spinner from '@atlaskit/spinner';
import type { DocumentAction } from '../logic/document-reducer';

// Opened once per postmortem at most: the modal and its checkboxes stay out of the initial bundle.
const TimelineProposalsModal = lazy(() =>
  import('./timeline-proposals-modal').then((module) => ({ default: module.TimelineProposalsModal })),
);

/** "Propose rows from Jira": picks timeline rows from the incident's own history (issue 15). */
export function TimelineProposals({
  issueKey,
  doc,
  readOnly,
  dispatch,
}: {
  issueKey: string;
  doc: PostmortemDocument;
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} testId="propose-timeline">
        Propose rows from Jira
      </Button>
      {open ? (
        <Suspense fallback={<Spinner label="Opening" />}>
          <TimelineProposalsModal
            issueKey={issueKey}
            doc={doc}
            onClose={() => setOpen(false)}
            onAdd={(timeline) => {
              // Through the editor's own reducer, so autosave, conflicts and checks apply as to any edit.
              dispatch({ type: 'replace', document: { ...doc, timeline } });
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
