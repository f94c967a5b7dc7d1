import { useEffect, useState } from 'react';
import type { SectionEditor } from '../components/section-editor';

export type SectionEditorState =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; SectionEditor: typeof SectionEditor };

// One download per page, whichever section asks first; a failed one is asked again on the next mount.
let editorModule: Promise<{ SectionEditor: typeof SectionEditor }> | null = null;
function loadEditorModule() {
  editorModule ??= import('../components/section-editor').catch((error: unknown) => {
    editorModule = null;
    throw error;
  });
  return editorModule;
}

/**
 * The section editor, loaded after the read view has rendered (not part of the initial JavaScript) and
 * only for people who may edit.
 */
export function useSectionEditor(canEdit: boolean): SectionEditorState {
  const [state, setState] = useState<SectionEditorState>({ kind: 'loading' });
  useEffect(() => {
    if (!canEdit) return undefined;
    let cancelled = false;
    loadEditorModule().then(
      (module) => {
        if (!cancelled) setState({ kind: 'ready', SectionEditor: module.SectionEditor });
      },
      () => {
        if (!cancelled) setState({ kind: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [canEdit]);
  return state;
}
