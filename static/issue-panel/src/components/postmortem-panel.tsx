import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { postmortemTemplate } from '../../../../src/contract/postmortem-template';
import type { PanelView } from '../../../../src/contract/issue-panel-api';
import { describeStatus } from '../../../shared/logic/describe-status';
import { useExport } from '../hooks/use-export';
import { useFinalize } from '../hooks/use-finalize';
import { usePostmortemEditor } from '../hooks/use-postmortem-editor';
import { useActionItemStatus } from '../hooks/use-action-item-status';
import { useSectionEditor } from '../hooks/use-section-editor';
import { blockerFieldId } from '../logic/blocker-field-id';
import { SECTION_PATHS } from '../logic/document-template';
import { initialEditScope, type EditScope } from '../logic/edit-scope';
import { unplacedFindings } from '../logic/findings-for-section';
import { AutomationStatus } from './automation-status';
import { ConflictMessage } from './conflict-message';
import { DocumentSections } from './document-sections';
import { FinalizeSection } from './finalize-section';
import { PolicyBanner } from './policy-banner';
import { RestoreDraftMessage } from './restore-draft-message';
import { SaveIndicator } from './save-indicator';
import { SectionFindings } from './section-findings';
import { SeenBefore } from './seen-before';
import { ShortTemplateNotice } from './short-template-notice';
import { TimelineProposals } from './timeline-proposals';
import type { TransferMode } from './transfer-modal';

// Import/export is opened rarely: keep the modal and its dependencies out of the initial bundle.
// The review form's reviewer picker (react-select) is loaded after the document is on screen, as the
// section editors are: the panel's initial JavaScript stays well inside its 250 KB budget.
const ReviewSection = lazy(() =>
  import('./review-section').then((module) => ({ default: module.ReviewSection })),
);
const TransferModal = lazy(() =>
  import('./transfer-modal').then((module) => ({ default: module.TransferModal })),
);

// The panel's whole width (tables and the header block use it at 1,200 px); never wider, so 600 px fits.
const panelStyles = xcss({ minWidth: '0', paddingBlock: 'space.100' });

/** The postmortem of one incident: policy, every template section, live checks, save and finalize. */
export function PostmortemPanel({ issueKey, panel }: { issueKey: string; panel: PanelView }) {
  const editor = usePostmortemEditor(issueKey, panel);
  const { document: doc, dispatch, readOnly, checks } = editor;
  const exporter = useExport(issueKey);
  const [transfer, setTransfer] = useState<TransferMode | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [showAllSections, setShowAllSections] = useState(false);
  const template = postmortemTemplate(doc.header.severity, panel.shortTemplateSeverities);
  const [scope, setScope] = useState<EditScope>(() =>
    initialEditScope({ canEdit: panel.canEdit, saved: panel.saved, status: panel.document.header.status }),
  );

  const finalizer = useFinalize({
    issueKey,
    initialAutomation: panel.automation,
    initialPolling: panel.document.header.status === 'FINALIZING',
    onFinalized: editor.adoptServerDocument,
    onReopened: editor.adoptServerDocument,
    onAutomationSettled: () => void editor.refresh(),
  });
  const liveStatus = useActionItemStatus(
    issueKey,
    (finalizer.automation?.children ?? []).map((child) => child.key),
  );
  // Finalized or not editable: the document is only read, whatever was open for editing.
  const shownScope: EditScope = readOnly ? { kind: 'read' } : scope;
  const sectionEditor = useSectionEditor(!readOnly);

  // Move focus to the first thing to fix once the blocker list has rendered.
  useEffect(() => {
    if (!focusTarget) return;
    const element = window.document.getElementById(focusTarget);
    // Not there yet while the editor is still loading: this runs again once it has rendered.
    if (!element && sectionEditor.kind === 'loading') return;
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
    setFocusTarget(null);
  }, [focusTarget, sectionEditor]);

  const onFinalize = useCallback(async () => {
    const blockers = await finalizer.finalize(editor.documentForServer());
    const first = blockers[0];
    if (first) {
      // The field to fix must be on screen as an input: open the document for editing first.
      setScope({ kind: 'document' });
      setFocusTarget(blockerFieldId(first, doc.actionItems));
    }
  }, [doc.actionItems, editor, finalizer]);

  const onCopy = useCallback(async () => {
    const fallback = await exporter.copyMarkdown(editor.documentForServer());
    if (fallback !== null) setTransfer({ kind: 'copy-fallback', markdown: fallback });
  }, [editor, exporter]);

  const general = unplacedFindings(checks.findings, SECTION_PATHS);
  const isFinal = doc.header.status === 'FINAL';
  const isFinalizing = doc.header.status === 'FINALIZING';
  const status = describeStatus(doc.header.status);

  return (
    <Box xcss={panelStyles} testId="postmortem-panel">
      <Stack space="space.200">
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Heading size="medium" as="h2">
              Postmortem
            </Heading>
            <Lozenge appearance={status.appearance} testId="document-status">
              {status.label}
            </Lozenge>
            {editor.everSaved ? null : <Lozenge>Not saved yet</Lozenge>}
          </Inline>
          {!editor.canEdit ? (
            <SectionMessage appearance="information" title="Read-only" testId="read-only-message">
              <Text as="p">
                You can view this postmortem but not edit the issue. Ask the project admin for edit access.
              </Text>
            </SectionMessage>
          ) : null}
          <SaveIndicator
            status={editor.save.status}
            detail={editor.save.detail}
            onSave={editor.save.saveNow}
          />
        </Stack>

        {editor.save.status === 'conflict' ? (
          <ConflictMessage onLoadTheirs={() => void editor.loadTheirs()} />
        ) : null}
        {editor.loadError ? (
          <SectionMessage appearance="error" title="Could not load their version">
            <Text as="p">{editor.loadError} Try again in a moment.</Text>
          </SectionMessage>
        ) : null}
        {editor.restoreOffer && !readOnly ? (
          <RestoreDraftMessage
            draft={editor.restoreOffer}
            serverRevision={doc.revision}
            onRestore={editor.restore}
            onDiscard={editor.discardRestore}
          />
        ) : null}

        <PolicyBanner policy={panel.policy} />

        <Inline space="space.100" shouldWrap>
          {readOnly ? null : (
            <Button
              appearance={shownScope.kind === 'document' ? 'primary' : 'default'}
              onClick={() =>
                setScope(shownScope.kind === 'document' ? { kind: 'read' } : { kind: 'document' })
              }
            >
              {shownScope.kind === 'document' ? 'Done editing' : 'Edit document'}
            </Button>
          )}
          {readOnly ? null : <Button onClick={() => setTransfer({ kind: 'import' })}>Import Markdown</Button>}
          <TimelineProposals issueKey={issueKey} doc={doc} readOnly={readOnly} dispatch={dispatch} />
          <Button onClick={() => void onCopy()}>Copy as Markdown</Button>
          {editor.canEdit ? (
            <Button onClick={() => setTransfer({ kind: 'confirm-write' })}>Write to issue description</Button>
          ) : null}
        </Inline>
        {exporter.notice ? (
          <SectionMessage
            appearance={exporter.notice.appearance === 'success' ? 'success' : 'error'}
            testId="export-notice"
          >
            <Text as="p">{exporter.notice.message}</Text>
          </SectionMessage>
        ) : null}

        <SectionFindings findings={general} testId="findings-general" />

        <ShortTemplateNotice
          template={template}
          severity={doc.header.severity}
          showAll={showAllSections}
          onShowAll={setShowAllSections}
        />
        <DocumentSections
          doc={doc}
          findings={checks.findings}
          scope={shownScope}
          readOnly={readOnly}
          liveStatus={liveStatus}
          editor={sectionEditor}
          onScope={setScope}
          dispatch={dispatch}
          template={template}
          showAllSections={showAllSections}
        />

        {readOnly ? null : <SeenBefore issueKey={issueKey} doc={doc} />}
        <Suspense fallback={<Spinner label="Loading the review" />}>
          <ReviewSection issueKey={issueKey} savedAt={editor.save.savedAt} />
        </Suspense>

        <FinalizeSection
          state={finalizer.state}
          currentBlockers={checks.blockers}
          isFinal={isFinal}
          isFinalizing={isFinalizing}
          canEdit={editor.canEdit}
          finalizationLabel={panel.finalizationLabel}
          onFinalize={() => void onFinalize()}
          onReopen={() => void finalizer.reopen()}
          onDismiss={finalizer.dismiss}
        />
        <AutomationStatus automation={finalizer.automation} polling={finalizer.polling} />
        {panel.slackConfigured || finalizer.automation ? null : (
          <Text size="small" color="color.text.subtlest">
            Slack is not set up: ask a Jira admin to add a webhook in the app settings.
          </Text>
        )}
      </Stack>

      {transfer ? (
        <Suspense fallback={<Spinner label="Opening" />}>
          <TransferModal
            issueKey={issueKey}
            mode={transfer}
            onClose={() => setTransfer(null)}
            onApply={(imported) => {
              // Keep what identifies this postmortem; take the content from the import.
              dispatch({
                type: 'replace',
                document: {
                  ...imported,
                  revision: doc.revision,
                  header: {
                    ...imported.header,
                    incidentId: doc.header.incidentId,
                    status: doc.header.status,
                  },
                },
              });
              setTransfer(null);
            }}
            onConfirmWrite={() => {
              setTransfer(null);
              void exporter.writeDescription(editor.documentForServer());
            }}
          />
        </Suspense>
      ) : null}
    </Box>
  );
}
