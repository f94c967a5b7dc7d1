import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { ImportPreview } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';

export type ImportPreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: ImportPreview }
  | { kind: 'error'; error: AppErrorShape };

/** Maps pasted Markdown or the issue description to a document, for preview before applying. */
export function useImportPreview(issueKey: string) {
  const [state, setState] = useState<ImportPreviewState>({ kind: 'idle' });
  const run = useCallback(async (load: () => ReturnType<typeof panelApi<'importMarkdown'>>) => {
    setState({ kind: 'loading' });
    const result = await load();
    setState(result.ok ? { kind: 'ready', preview: result.data } : { kind: 'error', error: result.error });
  }, []);
  return {
    state,
    fromMarkdown: (markdown: string) => run(() => panelApi('importMarkdown', { issueKey, markdown })),
    fromDescription: () => run(() => panelApi('importDescription', { issueKey })),
  };
}
