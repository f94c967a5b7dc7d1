import type { Dispatch } from 'react';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import type { DocumentAction } from '../logic/document-reducer';
import { EditorSection } from './editor-section';
import { TextAreaInput } from './text-area-input';

type ImportedTextKey = 'summary' | 'detection' | 'resolution';

// The header section is already titled "Summary" in the panel, hence "Incident summary" here.
const TITLES: Record<ImportedTextKey, string> = {
  summary: 'Incident summary',
  detection: 'Detection',
  resolution: 'Resolution',
};

/**
 * Sections the reference template lacks but imported postmortems have (Google SRE, PagerDuty, Atlassian
 * styles). Shown only where the document has them, so a postmortem written in the panel keeps its template.
 */
export function ImportedTextSections({
  keys,
  doc,
  readOnly,
  dispatch,
}: {
  keys: readonly ImportedTextKey[];
  doc: PostmortemDocument;
  readOnly: boolean;
  dispatch: Dispatch<DocumentAction>;
}) {
  return (
    <>
      {keys.map((key) =>
        doc[key] === undefined ? null : (
          <EditorSection key={key} path={key} title={TITLES[key]}>
            <TextAreaInput
              id={`imported-${key}`}
              label={TITLES[key]}
              value={doc[key] ?? ''}
              readOnly={readOnly}
              onChange={(value) => dispatch({ type: 'setText', key, value })}
            />
          </EditorSection>
        ),
      )}
    </>
  );
}
