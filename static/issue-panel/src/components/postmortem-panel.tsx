import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { PanelView } from '../../../../src/contract/issue-panel-api';
import { useExport } from '../hooks/use-export';
import { useFinalize } from '../hooks/use-finalize';
import { usePostmortemEditor } from '../hooks/use-postmortem-editor';
import { blockerFieldId } from '../logic/blocker-field-id';
import { findingsForSection, unplacedFindings } from '../logic/findings-for-section';
import type { TextListKey } from '../logic/panel-types';
import { ActionItemsGrid } from './action-items-grid';
import { AutomationStatus } from './automation-status';
import { ConflictMessage } from './conflict-message';
import { EditorSection } from './editor-section';
import { FinalizeSection } from './finalize-section';
import { HeaderEditor } from './header-editor';
import { ImpactEditor } from './impact-editor';
import { ImportedTextSections } from './imported-text-sections';
import { PolicyBanner } from './policy-banner';
import { RestoreDraftMessage } from './restore-draft-message';
import { SaveIndicator } from './save-indicator';
import { SectionFindings } from './section-findings';
import { TextAreaInput } from './text-area-input';
import { TextListEditor } from './text-list-editor';
import { TimelineGrid } from './timeline-grid';
import type { TransferMode } from './transfer-modal';

// Import/export is opened rarely: keep the modal and its dependencies out of the initial bundle.
const TransferModal = lazy(() =>
  import('./transfer-modal').then((module) => ({ default: module.TransferModal })),
);

const SECTIONS = [
  'header',
  'summary',
  'impact',
  'timeline',
  'detection',
  'resolution',
  'rootCause',
  'contributingFactors',
  'whatWorkedWell',
  'lessonsLearned',
  'actionItems',
  'blamelessNotes',
  'otherNotes',
] as const;

const LISTS: Array<{ key: TextListKey; title: string; item: string; add: string }> = [
  {
    key: 'contributingFactors',
    title: 'Contributing factors',
    item: 'Contributing factor',
    add: 'Add contributing factor',
  },
  { key: 'whatWorkedWell', title: 'What worked well', item: 'What worked well', add: 'Add what worked well' },
  { key: 'lessonsLearned', title: 'Lessons learned', item: 'Lesson learned', add: 'Add lesson learned' },
];

// Full width up to a readable measure; never wider than the panel, so 320 px stays one column.
const panelStyles = xcss({ maxWidth: '960px', minWidth: '0', paddingBlock: 'space.100' });

/** The postmortem of one incident: policy, every template section, live checks, save and finalize. */
export function PostmortemPanel({ issueKey, panel }: { issueKey: string; panel: PanelView }) {
  const editor = usePostmortemEditor(issueKey, panel);
  const { document: doc, dispatch, readOnly, checks } = editor;
  const exporter = useExport(issueKey);
  const [transfer, setTransfer] = useState<TransferMode | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  const finalizer = useFinalize({
    issueKey,
    initialAutomation: panel.automation,
    initialPolling: panel.document.header.status === 'IN_REVIEW',
    onFinalized: editor.adoptServerDocument,
    onReopened: editor.adoptServerDocument,
    onAutomationSettled: () => void editor.refresh(),
  });

  // Move focus to the first thing to fix once the blocker list has rendered.
  useEffect(() => {
    if (!focusTarget) return;
    const element = window.document.getElementById(focusTarget);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
    setFocusTarget(null);
  }, [focusTarget]);

  const onFinalize = useCallback(async () => {
    const blockers = await finalizer.finalize(editor.documentForServer());
    const first = blockers[0];
    if (first) setFocusTarget(blockerFieldId(first, doc.actionItems));
  }, [doc.actionItems, editor, finalizer]);

  const onCopy = useCallback(async () => {
    const fallback = await exporter.copyMarkdown(editor.documentForServer());
    if (fallback !== null) setTransfer({ kind: 'copy-fallback', markdown: fallback });
  }, [editor, exporter]);

  const sectionFindings = (path: string) => findingsForSection(checks.findings, path);
  const general = unplacedFindings(checks.findings, SECTIONS);
  const isFinal = doc.header.status === 'FINAL';
  const isInReview = doc.header.status === 'IN_REVIEW';

  return (
    <Box xcss={panelStyles} testId="postmortem-panel">
      <Stack space="space.200">
        <Stack space="space.100">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Heading size="medium" as="h2">
              Postmortem
            </Heading>
            <Lozenge
              appearance={isFinal ? 'success' : isInReview ? 'moved' : 'inprogress'}
              testId="document-status"
            >
              {doc.header.status}
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
          {readOnly ? null : <Button onClick={() => setTransfer({ kind: 'import' })}>Import Markdown</Button>}
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

        <EditorSection path="header" title="Summary">
          <HeaderEditor header={doc.header} readOnly={readOnly} dispatch={dispatch} />
          <SectionFindings findings={sectionFindings('header')} testId="findings-header" />
        </EditorSection>

        <ImportedTextSections keys={['summary']} doc={doc} readOnly={readOnly} dispatch={dispatch} />

        <EditorSection path="impact" title="Impact">
          <ImpactEditor impact={doc.impact} readOnly={readOnly} dispatch={dispatch} />
          <SectionFindings findings={sectionFindings('impact')} testId="findings-impact" />
        </EditorSection>

        <EditorSection path="timeline" title="Timeline">
          <TimelineGrid rows={doc.timeline} readOnly={readOnly} dispatch={dispatch} />
          <SectionFindings findings={sectionFindings('timeline')} testId="findings-timeline" />
        </EditorSection>

        <ImportedTextSections
          keys={['detection', 'resolution']}
          doc={doc}
          readOnly={readOnly}
          dispatch={dispatch}
        />

        <EditorSection path="rootCause" title="Root cause">
          <TextAreaInput
            id="root-cause-text"
            label="Root cause"
            value={doc.rootCause.text}
            readOnly={readOnly}
            minimumRows={4}
            onChange={(text) => dispatch({ type: 'setRootCause', patch: { text } })}
          />
          <TextAreaInput
            id="root-cause-summary"
            label="Root cause summary"
            value={doc.rootCause.summary ?? ''}
            readOnly={readOnly}
            minimumRows={1}
            onChange={(summary) =>
              dispatch({ type: 'setRootCause', patch: { summary: summary.trim() === '' ? null : summary } })
            }
          />
          <SectionFindings findings={sectionFindings('rootCause')} testId="findings-rootCause" />
        </EditorSection>

        {LISTS.map((list) => (
          <EditorSection key={list.key} path={list.key} title={list.title}>
            <TextListEditor
              listKey={list.key}
              items={doc[list.key]}
              itemLabel={list.item}
              addLabel={list.add}
              readOnly={readOnly}
              dispatch={dispatch}
            />
            <SectionFindings findings={sectionFindings(list.key)} testId={`findings-${list.key}`} />
          </EditorSection>
        ))}

        <EditorSection path="actionItems" title="Action items">
          <SectionFindings
            findings={checks.findings.filter((finding) => finding.path === 'actionItems')}
            testId="findings-actionItems"
          />
          <ActionItemsGrid
            items={doc.actionItems}
            findings={checks.findings}
            readOnly={readOnly}
            dispatch={dispatch}
          />
        </EditorSection>

        <EditorSection path="blamelessNotes" title="Notes on blameless culture">
          <TextAreaInput
            id="blameless-notes"
            label="Notes on blameless culture"
            value={doc.blamelessNotes}
            readOnly={readOnly}
            onChange={(value) => dispatch({ type: 'setText', key: 'blamelessNotes', value })}
          />
          <SectionFindings findings={sectionFindings('blamelessNotes')} testId="findings-blamelessNotes" />
        </EditorSection>

        <EditorSection path="otherNotes" title="Other notes">
          <TextAreaInput
            id="other-notes"
            label="Other notes"
            value={doc.otherNotes}
            readOnly={readOnly}
            onChange={(value) => dispatch({ type: 'setText', key: 'otherNotes', value })}
          />
        </EditorSection>

        <FinalizeSection
          state={finalizer.state}
          currentBlockers={checks.blockers}
          isFinal={isFinal}
          isInReview={isInReview}
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
