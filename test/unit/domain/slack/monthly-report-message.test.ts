import type { KnownBlock, SectionBlock } from '@slack/types';
import { monthlyReportMessage } from '../../../../src/domain/slack/monthly-report-message';
import { monthlyTrendReport, renderTrendReportMarkdown } from '../../../../src/domain/trends';
import { blockKitProblem } from '../../../../emulator/slack-sink';

const emptyMonth = renderTrendReportMarkdown(
  monthlyTrendReport({ incidents: [], actionItems: [], month: '2026-05', timeZone: 'UTC' }),
);

const sections = (blocks: KnownBlock[]) =>
  blocks
    .filter((block): block is SectionBlock => block.type === 'section')
    .map((block) => block.text?.text ?? '');

describe('monthlyReportMessage', () => {
  it("turns the global page's Markdown export into a header, sections and a footer", () => {
    const message = monthlyReportMessage({ markdown: emptyMonth, projectKeys: [] });
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Incident Trend Report – May 2026', emoji: true },
    });
    const texts = sections(message.blocks);
    expect(texts[0]).toMatch(/^\*Overview\*\n```\nMetric +May 2026 +Apr 2026 +Trend\n/);
    expect(texts[0]).not.toContain('|---');
    expect(texts[0]).toContain('SEV-1 Incidents');
    expect(texts.some((text) => text.startsWith('*Top Incident Categories*\nNo incidents this month.'))).toBe(
      true,
    );
    expect(message.blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(message.text).toBe('Incident Trend Report – May 2026: SEV-1 Incidents 0, SEV-2 Incidents 0');
    expect(blockKitProblem(message)).toBeUndefined();
  });

  it('shows Markdown bold as Slack bold and lists as bullets, with user text made inert', () => {
    const markdown = [
      '# Incident Trend Report – May 2026',
      '## Top Incident Categories',
      '1. **Auth <core> \\*prod\\*** – 3 incidents',
      '## Recommendations',
      '- Page @channel and <!here> about **Auth** & DB',
      '',
    ].join('\n');
    const texts = sections(monthlyReportMessage({ markdown, projectKeys: ['INC'] }).blocks);
    expect(texts).toEqual([
      '*Top Incident Categories*\n1. *Auth &lt;core&gt; *prod** – 3 incidents',
      '*Recommendations*\n• Page @\u200bchannel and &lt;!here&gt; about *Auth* &amp; DB',
    ]);
  });

  it('names the projects it covers and links the full report only to a web address', () => {
    const footer = (reportUrl: string) =>
      JSON.stringify(
        monthlyReportMessage({ markdown: emptyMonth, projectKeys: ['INC', 'OPS'], reportUrl }).blocks.at(-1),
      );
    expect(footer('https://example.atlassian.net/jira/apps/x')).toContain(
      'Projects INC, OPS · Posted by Postmortems for Jira · <https://example.atlassian.net/jira/apps/x|Open the full report>',
    );
    expect(footer('javascript:alert(1)')).not.toContain('Open the full report');
    expect(footer('https://example.atlassian.net/x|<!channel>')).not.toContain('Open the full report');
  });

  it('stays within Block Kit limits for a very long report: 50 blocks, 3,000 characters a section, 150 in the header', () => {
    const markdown = [
      `# ${'Incident Trend Report – '.repeat(20)}`,
      ...Array.from({ length: 400 }, (_, i) => [
        `## Section ${i}`,
        `- ${'recommendation '.repeat(30)}${i}`,
      ]).flat(),
      '| Metric | A | B |',
      '|---|---|---|',
      ...Array.from({ length: 300 }, (_, i) => `| row ${i} ${'x'.repeat(20)} | 1 | 2 |`),
    ].join('\n');
    const message = monthlyReportMessage({ markdown, projectKeys: [] });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sections(message.blocks)) expect(text.length).toBeLessThanOrEqual(3000);
    expect(blockKitProblem(message)).toBeUndefined();
    expect(sections(message.blocks).at(-1)).toContain('the rest is in the full report');
  });

  it('keeps a table cut to size inside its code block', () => {
    const markdown = [
      '## Overview',
      '| Metric | A |',
      '|---|---|',
      ...Array.from({ length: 400 }, (_, i) => `| r${i} | ${i} |`),
    ].join('\n');
    const [text] = sections(monthlyReportMessage({ markdown, projectKeys: [] }).blocks);
    expect(text?.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/^\*Overview\*\n```\nMetric {2}A\nr0 +0\n/);
    expect(text?.endsWith('\n…\n```')).toBe(true);
  });
});
