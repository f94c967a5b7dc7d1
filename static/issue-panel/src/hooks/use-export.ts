import { useCallback, useState } from 'react';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';

export type ExportNotice = { appearance: 'success' | 'error'; message: string } | null;

/** Copy as Markdown (clipboard, or the text for a manual copy) and write into the issue description. */
export function useExport(issueKey: string) {
  const [notice, setNotice] = useState<ExportNotice>(null);

  /** Resolves to the Markdown when the clipboard refused it, so the caller can show it for copying. */
  const copyMarkdown = useCallback(async (document: PostmortemDocument): Promise<string | null> => {
    // With the issue key the server writes in the review history as it is stored now.
    const result = await panelApi('exportMarkdown', { document, issueKey });
    if (!result.ok) {
      setNotice({ appearance: 'error', message: `Could not build the Markdown: ${result.error.message}` });
      return null;
    }
    try {
      await navigator.clipboard.writeText(result.data.markdown);
      setNotice({ appearance: 'success', message: 'Markdown copied to the clipboard.' });
      return null;
    } catch {
      // Clipboard access is often denied inside Jira's iframe: fall back to a selectable text area.
      return result.data.markdown;
    }
  }, []);

  const writeDescription = useCallback(
    async (document: PostmortemDocument) => {
      const result = await panelApi('exportToDescription', { issueKey, document });
      setNotice(
        result.ok
          ? { appearance: 'success', message: 'The postmortem was written to the issue description.' }
          : { appearance: 'error', message: `Could not write the description: ${result.error.message}` },
      );
    },
    [issueKey],
  );

  return { notice, dismiss: () => setNotice(null), copyMarkdown, writeDescription };
}
