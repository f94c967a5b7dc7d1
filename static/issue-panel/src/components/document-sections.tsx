import { Text } from '@atlaskit/primitives';
import type { ReactNode } from 'react';
import type { Finding, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import type { ActionItemStatusState } from '../hooks/use-action-item-status';
import type { DocumentAction, TextKey } from '../logic/document-reducer';
import { isEditing, toggleSection, type EditScope } from '../logic/edit-scope';
import { findingsForSection } from '../logic/findings-for-section';
import type { TextListKey } from '../logic/panel-types';
import { ActionItemsGrid } from './action-items-grid';
import { ActionItemsRead } from './action-items-read';
import { DocumentSection } from './document-section';
import { HeaderEditor } from './header-editor';
import { HeaderRead } from './header-read';
import { ImpactEditor } from './impact-editor';
import { ImpactRead } from './impact-read';
import { MarkdownText } from './markdown-text';
import { ReadTable } from './read-table';
import { SectionFindings } from './section-findings';
import { TextAreaInput } from './text-area-input';
import { TextListEditor } from './text-list-editor';
import { TextListRead } from './text-list-read';
import { TimelineGrid } from './timeline-grid';

/** Every section of the template in the reference's order; `paths` is what general findings are matched against. */
export const SECTION_PATHS = [
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

const LISTS: Array<{ key: TextListKey; title: string; item: string; add: string; ordered: boolean }> = [
  {
    key: 'contributingFactors',
    title: 'Contributing factors',
    item: 'Contributing factor',
    add: 'Add contributing factor',
    ordered: true,
  },
  {
    key: 'whatWorkedWell',
    title: 'What worked well',
    item: 'What worked well',
    add: 'Add what worked well',
    ordered: false,
  },
  {
    key: 'lessonsLearned',
    title: 'Lessons learned',
    item: 'Lesson learned',
    add: 'Add lesson learned',
    ordered: false,
  },
];

// Sections the reference template lacks but imported postmortems have (Google SRE, PagerDuty, Atlassian
// styles): shown only where the document has them, so a postmortem written in the panel keeps its template.
// "Incident summary", since "Summary" would read as the header's.
const IMPORTED_TITLES = { summary: 'Incident summary', detection: 'Detection', resolution: 'Resolution' };

const NOTHING_YET = (
  <Text as="p" color="color.text.subtlest">
    Nothing written yet.
  </Text>
);

interface SectionSpec {
  path: (typeof SECTION_PATHS)[number];
  title: string;
  isEmpty: boolean;
  read: () => ReactNode;
  edit: () => ReactNode;
}

/** The document's sections, each read as formatted text or edited in place, by section or all at once. */
export function DocumentSections({
  doc,
  findings,
  scope,
  readOnly,
  liveStatus,
  onScope,
  dispatch,
}: {
  doc: PostmortemDocument;
  findings: readonly Finding[];
  scope: EditScope;
  readOnly: boolean;
  liveStatus: ActionItemStatusState;
  onScope: (scope: EditScope) => void;
  dispatch: (action: DocumentAction) => void;
}) {
  const textSection = (
    path: TextKey,
    title: string,
    id: string,
  ): Pick<SectionSpec, 'isEmpty' | 'read' | 'edit'> => ({
    isEmpty: (doc[path] ?? '').trim() === '',
    read: () => <MarkdownText text={doc[path] ?? ''} testId={`${path}-read`} />,
    edit: () => (
      <TextAreaInput
        id={id}
        label={title}
        value={doc[path] ?? ''}
        readOnly={readOnly}
        onChange={(value) => dispatch({ type: 'setText', key: path, value })}
      />
    ),
  });
  const imported = (path: keyof typeof IMPORTED_TITLES): SectionSpec[] =>
    doc[path] === undefined
      ? []
      : [
          {
            path,
            title: IMPORTED_TITLES[path],
            ...textSection(path, IMPORTED_TITLES[path], `imported-${path}`),
          },
        ];

  const sections: SectionSpec[] = [
    {
      path: 'header',
      title: 'Overview',
      isEmpty: false,
      read: () => <HeaderRead header={doc.header} />,
      edit: () => <HeaderEditor header={doc.header} readOnly={readOnly} dispatch={dispatch} />,
    },
    ...imported('summary'),
    {
      path: 'impact',
      title: 'Impact',
      isEmpty:
        doc.impact.text.trim() === '' &&
        [
          doc.impact.usersAffected,
          doc.impact.failedTransactions,
          doc.impact.revenueImpact,
          doc.impact.sloImpact,
        ].every((value) => value === null),
      read: () => <ImpactRead impact={doc.impact} />,
      edit: () => <ImpactEditor impact={doc.impact} readOnly={readOnly} dispatch={dispatch} />,
    },
    {
      path: 'timeline',
      title: 'Timeline',
      isEmpty: doc.timeline.length === 0,
      read: () => (
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
      ),
      edit: () => <TimelineGrid rows={doc.timeline} readOnly={readOnly} dispatch={dispatch} />,
    },
    ...imported('detection'),
    ...imported('resolution'),
    {
      path: 'rootCause',
      title: 'Root cause',
      isEmpty: doc.rootCause.text.trim() === '' && doc.rootCause.summary === null,
      read: () => (
        <>
          <MarkdownText text={doc.rootCause.text} testId="rootCause-read" />
          {doc.rootCause.summary ? <MarkdownText text={`**Root cause:** ${doc.rootCause.summary}`} /> : null}
        </>
      ),
      edit: () => (
        <>
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
        </>
      ),
    },
    ...LISTS.map((list): SectionSpec => ({
      path: list.key,
      title: list.title,
      isEmpty: doc[list.key].length === 0,
      read: () => <TextListRead items={doc[list.key]} ordered={list.ordered} />,
      edit: () => (
        <TextListEditor
          listKey={list.key}
          items={doc[list.key]}
          itemLabel={list.item}
          addLabel={list.add}
          readOnly={readOnly}
          dispatch={dispatch}
        />
      ),
    })),
    {
      path: 'actionItems',
      title: 'Action items',
      isEmpty: doc.actionItems.length === 0,
      read: () => <ActionItemsRead items={doc.actionItems} live={liveStatus} />,
      edit: () => (
        <ActionItemsGrid
          items={doc.actionItems}
          findings={findings}
          readOnly={readOnly}
          dispatch={dispatch}
        />
      ),
    },
    {
      path: 'blamelessNotes',
      title: 'Notes on blameless culture',
      ...textSection('blamelessNotes', 'Notes on blameless culture', 'blameless-notes'),
    },
    { path: 'otherNotes', title: 'Other notes', ...textSection('otherNotes', 'Other notes', 'other-notes') },
  ];

  return (
    <>
      {sections.map((section) => {
        const editing = isEditing(scope, section.path);
        // While edited, the action items grid shows each row's findings under the row; the section only its own.
        const sectionFindings =
          editing && section.path === 'actionItems'
            ? findings.filter((finding) => finding.path === 'actionItems')
            : findingsForSection(findings, section.path);
        return (
          <DocumentSection
            key={section.path}
            path={section.path}
            title={section.title}
            editing={editing}
            onToggle={
              readOnly || scope.kind === 'document'
                ? undefined
                : () => onScope(toggleSection(scope, section.path))
            }
          >
            {editing ? section.edit() : section.isEmpty ? NOTHING_YET : section.read()}
            <SectionFindings findings={sectionFindings} testId={`findings-${section.path}`} />
          </DocumentSection>
        );
      })}
    </>
  );
}
