import {
  importMarkdown,
  parseMarkdown,
  postmortemDocumentSchema,
  renderMarkdown,
} from '../../../../src/domain/postmortem';

function expectValid(markdown: string) {
  const result = importMarkdown(markdown);
  expect(postmortemDocumentSchema.safeParse(result.document).success).toBe(true);
  return result;
}

describe('importing malformed Markdown', () => {
  it('gives an empty template for empty input', () => {
    const { document, mapped, unmapped } = expectValid('');
    expect(mapped).toEqual([]);
    expect(unmapped).toEqual([]);
    expect(document.otherNotes).toBe('');
    expect(document.timeline).toEqual([]);
  });

  // How fast: `npm run bench -- domain` (huge inputs).
  it('imports 5 MB of text and keeps it all', () => {
    const paragraph = 'The cache node restarted and the queue grew. '.repeat(20);
    const big = Array.from(
      { length: 5500 },
      (_, i) => `## Section ${i}\n${paragraph}\n| a | b |\n|---|---|\n| ${i} | x |`,
    ).join('\n');
    expect(big.length).toBeGreaterThan(5_000_000);
    const { document } = expectValid(big);
    expect(document.otherNotes.length).toBeGreaterThan(5_000_000 * 0.95);
  });

  it('keeps one 5 MB line without a heading or punctuation, as the summary it stands in for', () => {
    const line = 'x'.repeat(5 * 1024 * 1024);
    expect(expectValid(line).document.summary).toBe(line);
  });

  // `convert` and the panel refuse binary files before parsing (see convert.test.ts); the parser still copes.
  it('survives binary bytes (decoded as text) and keeps them', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const { document } = expectValid(bytes.toString('utf8'));
    expect((document.summary ?? '').length + document.otherNotes.length).toBeGreaterThan(1000);
  });

  it('reads broken tables: missing separator, ragged rows, missing closing pipes, escaped pipes', () => {
    const { document } = expectValid(
      [
        '## Timeline',
        '| Time | Event',
        '| 10:00 | first',
        '| 10:05 | second | with an extra cell |',
        '| 10:10 |',
        '| 10:20 | a \\| b |',
        '## Action Items',
        '| Action | Owner | Due Date |',
        '|---|---|',
        '| Fix it |',
        '| Add alert | @sre | 2025-13-45 | spare |',
      ].join('\n'),
    );
    expect(document.timeline.map((row) => [row.time, row.event])).toEqual([
      ['10:00', 'first'],
      ['10:05', 'second [with an extra cell]'],
      ['10:10', ''],
      ['10:20', 'a | b'],
    ]);
    expect(document.actionItems).toEqual([
      { id: 'ai-1', action: 'Fix it', owner: null, dueDate: null, externalRef: null, createdIssueKey: null },
      {
        id: 'ai-2',
        action: 'Add alert [Column 4: spare; Due: 2025-13-45]',
        owner: { text: '@sre' },
        dueDate: null,
        externalRef: null,
        createdIssueKey: null,
      },
    ]);
  });

  it('treats placeholder owners such as TBD as no owner, keeping the word in the action text', () => {
    const { document } = parseMarkdown(
      '## Action Items\n| Action | Owner | Due |\n|---|---|---|\n| Add alert | TBD | 2025-04-01 |\n| Fix DNS | n/a | |',
    );
    expect(document.actionItems.map((item) => [item.action, item.owner])).toEqual([
      ['Add alert [Owner: TBD]', null],
      ['Fix DNS [Owner: n/a]', null],
    ]);
  });

  it('keeps a table it cannot map (no time or event column) verbatim', () => {
    const { document } = expectValid('## Timeline\n| Foo | Bar |\n|---|---|\n| 1 | 2 |');
    expect(document.timeline).toEqual([]);
    expect(document.otherNotes).toBe('## Timeline\n| Foo | Bar |\n|---|---|\n| 1 | 2 |');
  });

  it('keeps unknown headings and their content, in order, under Other notes', () => {
    const { document, unmapped } = expectValid(
      '# Outage\n## Weather Report\nSunny.\n## Root Cause\nDisk full.\n## Appendix\n```\n# not a heading\n```',
    );
    expect(document.header.title).toBe('Outage');
    expect(document.rootCause.text).toBe('Disk full.');
    expect(unmapped).toEqual(['Weather Report', 'Appendix']);
    expect(document.otherNotes).toBe('## Weather Report\nSunny.\n## Appendix\n```\n# not a heading\n```');
  });

  it('keeps a heading nested under a recognised section with that section', () => {
    const { document, unmapped } = expectValid(
      '## Root Cause\nDisk full.\n### Appendix\n```\n# not a heading\n```',
    );
    expect(unmapped).toEqual([]);
    expect(document.rootCause.text).toBe('Disk full.\n### Appendix\n```\n# not a heading\n```');
  });

  it('keeps invalid dates, severities and statuses as text instead of guessing', () => {
    const { document } = expectValid(
      [
        '# Postmortem: X',
        '**Date:** 2025-02-30',
        '**Severity:** catastrophic',
        '**Status:** shipped',
        '**Duration:** about an hour',
      ].join('\n'),
    );
    expect(document.header.date).toBeNull();
    expect(document.header.severity).toBeNull();
    expect(document.header.status).toBe('DRAFT');
    expect(document.header.durationMinutes).toBeNull();
    expect(document.otherNotes).toBe(
      '**Date:** 2025-02-30\n**Severity:** catastrophic\n**Status:** shipped\n**Duration:** about an hour',
    );
  });

  it('accepts severity spellings teams use (sev1, P2) and notes the original', () => {
    expect(parseMarkdown('**Severity:** sev1').document.header.severity).toBe('SEV-1');
    const { document } = parseMarkdown('- Severity: P2');
    expect(document.header.severity).toBe('SEV-2');
    expect(document.otherNotes).toBe('Severity: P2');
  });

  it('tolerates Windows line endings and typos in section names', () => {
    const { document } = expectValid(
      '## Timline\r\n- 10:00 - paged\r\n## Contributing Factor\r\n- disk\r\n## Action Itmes\r\n- add alert\r\n',
    );
    expect(document.timeline).toEqual([{ id: 'tl-1', time: '10:00', event: 'paged' }]);
    expect(document.contributingFactors).toEqual(['disk']);
    expect(document.actionItems.map((item) => item.action)).toEqual(['add alert']);
  });

  it('renders whatever it imported in the template format without throwing', () => {
    const markdown = renderMarkdown(importMarkdown('\u0000\u0001## \n|||\n- \n---\n#').document);
    expect(markdown.startsWith('# Postmortem:')).toBe(true);
  });

  // Inputs that took from seconds to minutes (issue 18); how fast they are now: `npm run bench -- domain`.
  describe('pathological inputs', () => {
    it('reads a heading padded with 8,000 spaces as a heading', () => {
      const { document } = expectValid(`# a${' '.repeat(8000)}x\n## Root Cause\ndisk`);
      expect(document.header.title).toBe(`a${' '.repeat(8000)}x`);
      expect(document.rootCause.text).toBe('disk');
    });

    it('gives 20,000 action items 20,000 distinct ids in order', () => {
      const lines = Array.from({ length: 20_000 }, (_, i) => `- fix thing ${i}`);
      const { document } = expectValid(`## Action Items\n${lines.join('\n')}`);
      expect(document.actionItems).toHaveLength(20_000);
      expect(document.actionItems[19_999]?.id).toBe('ai-20000');
      expect(new Set(document.actionItems.map((item) => item.id)).size).toBe(20_000);
    });

    it('keeps 80,000 continuation lines with their list item', () => {
      const { document } = expectValid(`## Lessons Learned\n- first\n${'  more\n'.repeat(80_000)}`);
      expect(document.lessonsLearned).toHaveLength(1);
      expect(document.lessonsLearned[0]?.split('\n')).toHaveLength(80_001);
    });

    it('reads 300,000 action items, timeline rows and lessons without overflowing the call stack', () => {
      const { document } = expectValid(
        [
          `## Action Items\n${'- a\n'.repeat(300_000)}`,
          `## Timeline\n${'- 10:00 b\n'.repeat(300_000)}`,
          `## Lessons Learned\n${'- c\n'.repeat(300_000)}`,
        ].join(''),
      );
      expect([document.actionItems.length, document.timeline.length, document.lessonsLearned.length]).toEqual(
        [300_000, 300_000, 300_000],
      );
    });

    it('reads a table row of 100,000 spaces after a dash as text, not a separator', () => {
      const row = `|-${' '.repeat(100_000)}x|`;
      const { document } = expectValid(`## Timeline\n| Time | Event |\n${row}`);
      expect(document.timeline).toHaveLength(1);
    });
  });
});
