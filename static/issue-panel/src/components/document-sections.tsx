import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ReactNode } from 'react';
import type { Finding, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import type { ActionItemStatusState } from '../hooks/use-action-item-status';
import type { SectionEditorState } from '../hooks/use-section-editor';
import type { DocumentAction } from '../logic/document-reducer';
import type { PostmortemTemplate } from '../../../../src/contract/postmortem-template';
import { LIST_SECTIONS, SECTION_PATHS, SECTION_TITLES, type SectionPath } from '../logic/document-template';
import { isEditing, toggleSection, type EditScope } from '../logic/edit-scope';
import { findingsForSection } from '../logic/findings-for-section';
import { ActionItemsRead } from './action-items-read';
import { DocumentSection } from './document-section';
import { HeaderRead } from './header-read';
import { ImpactRead } from './impact-read';
import { MarkdownText } from './markdown-text';
import { ReadTable } from './read-table';
import { SectionFindings } from './section-findings';
import { TextListRead } from './text-list-read';

const NOTHING_YET = (
  <Text as="p" color="color.text.subtlest">
    Nothing written yet.
  </Text>
);

/** Imported sections (summary, detection, resolution) show only where the document has them. */
const isImported = (path: SectionPath): path is 'summary' | 'detection' | 'resolution' =>
  path === 'summary' || path === 'detection' || path === 'resolution';

function isSectionEmpty(doc: PostmortemDocument, path: SectionPath): boolean {
  switch (path) {
    case 'header':
      return false;
    case 'impact': {
      const { text, ...measures } = doc.impact;
      return text.trim() === '' && Object.values(measures).every((value) => value === null);
    }
    case 'rootCause':
      return doc.rootCause.text.trim() === '' && doc.rootCause.summary === null;
    case 'timeline':
    case 'actionItems':
    case 'contributingFactors':
    case 'whatWorkedWell':
    case 'lessonsLearned':
      return doc[path].length === 0;
    default:
      return (doc[path] ?? '').trim() === '';
  }
}

/** One section as the reference writes it: lists, tables and formatted text. */
function SectionRead({
  path,
  doc,
  liveStatus,
}: {
  path: SectionPath;
  doc: PostmortemDocument;
  liveStatus: ActionItemStatusState;
}) {
  switch (path) {
    case 'header':
      return <HeaderRead header={doc.header} />;
    case 'impact':
      return <ImpactRead impact={doc.impact} />;
    case 'timeline':
      return (
        <ReadTable
          caption="Timeline"
          testId="timeline-read"
          columns={[
            { header: doc.header.timeZone ? `Time (${doc.header.timeZone})` : 'Time', width: '7rem' },
            { header: 'Event' },
          ]}
          rows={doc.timeline.map((row) => ({
            key: row.id,
            cells: [row.time, <MarkdownText key="event" text={row.event} />],
          }))}
        />
      );
    case 'rootCause':
      return (
        <>
          <MarkdownText text={doc.rootCause.text} testId="rootCause-read" />
          {doc.rootCause.summary ? <MarkdownText text={`**Root cause:** ${doc.rootCause.summary}`} /> : null}
        </>
      );
    case 'contributingFactors':
    case 'whatWorkedWell':
    case 'lessonsLearned':
      return <TextListRead items={doc[path]} ordered={LIST_SECTIONS[path].ordered} />;
    case 'actionItems':
      return <ActionItemsRead items={doc.actionItems} live={liveStatus} />;
    default:
      return <MarkdownText text={doc[path] ?? ''} testId={`${path}-read`} />;
  }
}

function EditorSlot({
  editor,
  children,
}: {
  editor: SectionEditorState;
  children: (state: Extract<SectionEditorState, { kind: 'ready' }>) => ReactNode;
}) {
  if (editor.kind === 'ready') return <>{children(editor)}</>;
  if (editor.kind === 'failed')
    return (
      <SectionMessage appearance="error" title="Could not load the editor">
        <Text as="p">Check your connection, then reload the panel.</Text>
      </SectionMessage>
    );
  return (
    <Inline space="space.100" alignBlock="center">
      <Spinner size="small" label="Loading the editor" />
    </Inline>
  );
}

/** The document's sections, each read as formatted text or edited in place, by section or all at once. */
export function DocumentSections({
  doc,
  findings,
  scope,
  readOnly,
  liveStatus,
  editor,
  onScope,
  dispatch,
  template,
  showAllSections,
}: {
  doc: PostmortemDocument;
  findings: readonly Finding[];
  scope: EditScope;
  readOnly: boolean;
  liveStatus: ActionItemStatusState;
  editor: SectionEditorState;
  onScope: (scope: EditScope) => void;
  dispatch: (action: DocumentAction) => void;
  /** The template the severity calls for (issue 15): only its sections, unless all are asked for. */
  template: PostmortemTemplate;
  showAllSections: boolean;
}) {
  // The short template asks for a summary, so its section is there to be written before it exists.
  const shown = (path: SectionPath) =>
    (!isImported(path) || doc[path] !== undefined || (path === 'summary' && template.kind === 'short')) &&
    (showAllSections || template.sections.includes(path));
  return (
    <Stack space="space.200" testId="postmortem-document">
      {SECTION_PATHS.filter(shown).map((path) => {
        const editing = isEditing(scope, path);
        // While edited, the action items grid shows each row's findings under the row; the section only its own.
        const sectionFindings =
          editing && path === 'actionItems'
            ? findings.filter((finding) => finding.path === 'actionItems')
            : findingsForSection(findings, path);
        return (
          <DocumentSection
            key={path}
            path={path}
            title={SECTION_TITLES[path]}
            editing={editing}
            fieldsReady={editor.kind === 'ready'}
            onToggle={
              readOnly || scope.kind === 'document' ? undefined : () => onScope(toggleSection(scope, path))
            }
          >
            {editing ? (
              <EditorSlot editor={editor}>
                {({ SectionEditor }) => (
                  <SectionEditor
                    path={path}
                    doc={doc}
                    findings={findings}
                    readOnly={readOnly}
                    dispatch={dispatch}
                  />
                )}
              </EditorSlot>
            ) : isSectionEmpty(doc, path) ? (
              NOTHING_YET
            ) : (
              <SectionRead path={path} doc={doc} liveStatus={liveStatus} />
            )}
            <SectionFindings findings={sectionFindings} testId={`findings-${path}`} />
          </DocumentSection>
        );
      })}
    </Stack>
  );
}
