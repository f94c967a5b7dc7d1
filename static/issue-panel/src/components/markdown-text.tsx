import { Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { readInline, readTextBlocks, type InlineRun } from '../logic/safe-markdown';

const codeStyle: CSSProperties = {
  font: token('font.code'),
  backgroundColor: token('color.background.neutral'),
  borderRadius: token('radius.small'),
  paddingInline: token('space.025'),
  overflowWrap: 'anywhere',
};
const blockStyle: CSSProperties = { margin: 0, font: token('font.body'), color: token('color.text') };

/** Inline runs as React elements: text is escaped by React, links are http(s)/mailto by construction. */
export function InlineMarkdown({ text }: { text: string }) {
  return <Runs runs={readInline(text)} />;
}

function Runs({ runs }: { runs: readonly InlineRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        switch (run.kind) {
          case 'text':
            return <span key={index}>{run.text}</span>;
          case 'strong':
            return <strong key={index}>{run.text}</strong>;
          case 'code':
            return (
              <code key={index} style={codeStyle}>
                {run.text}
              </code>
            );
          case 'link':
            return (
              <a
                key={index}
                href={run.href}
                target="_blank"
                rel="noopener noreferrer"
                style={{ color: token('color.link') }}
              >
                {run.text}
              </a>
            );
        }
      })}
    </>
  );
}

/** A multi-line field as formatted text: paragraphs reflowed, lists as lists, inline Markdown drawn. */
export function MarkdownText({ text, testId }: { text: string; testId?: string }) {
  const blocks = readTextBlocks(text);
  return (
    <Stack space="space.100" testId={testId}>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index} style={blockStyle}>
            <Runs runs={block.runs} />
          </p>
        ) : (
          <MarkdownList key={index} ordered={block.ordered} items={block.items} />
        ),
      )}
    </Stack>
  );
}

function MarkdownList({ ordered, items }: { ordered: boolean; items: readonly InlineRun[][] }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List style={{ ...blockStyle, paddingInlineStart: token('space.300') }}>
      {items.map((runs, index) => (
        <li key={index}>
          <Runs runs={runs} />
        </li>
      ))}
    </List>
  );
}
