import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives';
import { useState } from 'react';
import { copyText } from '../browser/copy-text';
import { downloadText } from '../browser/download-text';
import { markdownFileName } from '../logic/markdown-file-name';

type CopyStatus = 'idle' | 'copied' | 'failed';

/** Export the month's report in the reference's Markdown format. */
export function ExportButtons({ markdown, month }: { markdown: string; month: string }) {
  const [status, setStatus] = useState<CopyStatus>('idle');
  const copy = async () => setStatus((await copyText(markdown)) ? 'copied' : 'failed');
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap>
      <Button onClick={() => void copy()}>Copy Markdown</Button>
      <Button onClick={() => downloadText(markdown, markdownFileName(month))}>Download Markdown</Button>
      {/* Announced politely so keyboard and screen-reader users learn the outcome of the copy. */}
      <span role="status" data-testid="copy-status">
        {status === 'copied' ? 'Copied to the clipboard.' : null}
        {status === 'failed' ? 'Copy was blocked by the browser; use Download Markdown instead.' : null}
      </span>
    </Inline>
  );
}
