import type { Finding, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import type { DocumentAction } from '../logic/document-reducer';
import { LIST_SECTIONS, SECTION_TITLES, type SectionPath } from '../logic/document-template';
import { ActionItemsGrid } from './action-items-grid';
import { HeaderEditor } from './header-editor';
import { ImpactEditor } from './impact-editor';
import { TextAreaInput } from './text-area-input';
import { TextListEditor } from './text-list-editor';
import { TimelineGrid } from './timeline-grid';

// Field ids of the free-text sections; blockers and browser tests find the fields by them.
const TEXT_FIELD_IDS = {
  summary: 'imported-summary',
  detection: 'imported-detection',
  resolution: 'imported-resolution',
  blamelessNotes: 'blameless-notes',
  otherNotes: 'other-notes',
} as const;

/**
 * The fields of one section, edited in place. Loaded apart from the read view (pickers, date fields and
 * drag and drop are most of the panel's code), so reading starts with less JavaScript.
 */
export function SectionEditor({
  path,
  doc,
  findings,
  readOnly,
  dispatch,
}: {
  path: SectionPath;
  doc: PostmortemDocument;
  findings: readonly Finding[];
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  switch (path) {
    case 'header':
      return <HeaderEditor header={doc.header} readOnly={readOnly} dispatch={dispatch} />;
    case 'impact':
      return <ImpactEditor impact={doc.impact} readOnly={readOnly} dispatch={dispatch} />;
    case 'timeline':
      return <TimelineGrid rows={doc.timeline} readOnly={readOnly} dispatch={dispatch} />;
    case 'actionItems':
      return (
        <ActionItemsGrid
          items={doc.actionItems}
          findings={findings}
          readOnly={readOnly}
          dispatch={dispatch}
        />
      );
    case 'rootCause':
      return (
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
      );
    case 'contributingFactors':
    case 'whatWorkedWell':
    case 'lessonsLearned':
      return (
        <TextListEditor
          listKey={path}
          items={doc[path]}
          itemLabel={LIST_SECTIONS[path].item}
          addLabel={LIST_SECTIONS[path].add}
          readOnly={readOnly}
          dispatch={dispatch}
        />
      );
    case 'summary':
    case 'detection':
    case 'resolution':
    case 'blamelessNotes':
    case 'otherNotes':
      return (
        <TextAreaInput
          id={TEXT_FIELD_IDS[path]}
          label={SECTION_TITLES[path]}
          value={doc[path] ?? ''}
          readOnly={readOnly}
          onChange={(value) => dispatch({ type: 'setText', key: path, value })}
        />
      );
  }
}
