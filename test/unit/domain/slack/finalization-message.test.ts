import type { KnownBlock, SectionBlock } from '@slack/types';
import {
  MAX_BLOCKS,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  finalizationMessage,
  incidentDurationText,
  type FinalizationActionItem,
  type FinalizationMessageInput,
} from '../../../../src/domain/slack/finalization-message';

// The reference document's INC-2025-034 payment outage, as the automation would hand it over.
const input: FinalizationMessageInput = {
  incident: {
    key: 'INC-34',
    summary: 'Payment processing outage',
    url: 'https://acme.atlassian.net/browse/INC-34',
    severity: 'SEV-1',
    durationMinutes: 135,
  },
  rootCause: '  A configuration change reduced the payment service connection pool from 100 to 10.  \n',
  actionItems: [
    {
      action: 'Add connection pool monitoring',
      ownerLabel: '@sarah',
      dueDate: '2025-02-01',
      childKey: 'INC-35',
      warnings: [],
    },
    {
      action: 'Require load testing for config changes',
      ownerLabel: '@mike',
      dueDate: '2025-02-15',
      childKey: 'INC-36',
      warnings: [],
    },
    {
      action: 'Write runbook for pool exhaustion',
      ownerLabel: null,
      dueDate: null,
      childKey: 'INC-37',
      warnings: [],
    },
  ],
  unresolvedOwners: [],
};

function sections(blocks: KnownBlock[]): SectionBlock[] {
  return blocks.filter((b): b is SectionBlock => b.type === 'section');
}

function allText(blocks: KnownBlock[]): string {
  return JSON.stringify(blocks);
}

function item(n: number, extra: Partial<FinalizationActionItem> = {}): FinalizationActionItem {
  return {
    action: `Fix thing number ${n}`,
    ownerLabel: `Owner ${n}`,
    dueDate: '2026-04-01',
    childKey: `INC-${100 + n}`,
    warnings: [],
    ...extra,
  };
}

describe('finalizationMessage', () => {
  it('names the incident with its link, severity, duration and trimmed root cause', () => {
    const { text, blocks } = finalizationMessage(input);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'Postmortem finalized: INC-34 Payment processing outage',
        emoji: true,
      },
    });
    const body = allText(blocks);
    expect(body).toContain('<https://acme.atlassian.net/browse/INC-34|INC-34>');
    expect(body).toContain('SEV-1');
    expect(body).toContain('2 h 15 min');
    expect(body).toContain(
      '*Root cause*\\nA configuration change reduced the payment service connection pool from 100 to 10.',
    );
    expect(text).toBe(
      'Postmortem finalized for INC-34: Payment processing outage (SEV-1, 2 h 15 min) — 3 action items',
    );
  });

  it('lists each action item with owner, due date and a link to its child issue', () => {
    const body = allText(finalizationMessage(input).blocks);
    expect(body).toContain(
      '• Add connection pool monitoring — @sarah · due 2025-02-01 · <https://acme.atlassian.net/browse/INC-35|INC-35>',
    );
    expect(body).toContain('*Action items (3)*');
  });

  it('warns about items without owner or due date and about owners not found', () => {
    const { blocks } = finalizationMessage({ ...input, unresolvedOwners: ['@nobody'] });
    const body = allText(blocks);
    expect(body).toContain('_no owner_ · due _no due date_');
    expect(body).toContain('1 action item has no owner');
    expect(body).toContain('1 action item has no due date');
    expect(body).toContain('No Jira user found for @nobody');
  });

  it('says which of the panel rules a label added in Jira skipped, escaped', () => {
    const body = allText(
      finalizationMessage({
        ...input,
        skippedRules: [
          { message: 'Action item 1 ("<!channel> fix") has no owner; assign one before finalizing.' },
        ],
      }).blocks,
    );
    expect(body).toContain("Finalized in Jira without the panel's checks");
    expect(body).toContain('Action item 1 (');
    expect(body).not.toContain('<!channel>');
    expect(allText(finalizationMessage(input).blocks)).not.toContain("without the panel's checks");
  });

  it('says "No action items" when there are none, without warnings', () => {
    const { text, blocks } = finalizationMessage({ ...input, actionItems: [] });
    expect(allText(blocks)).toContain('No action items');
    expect(allText(blocks)).not.toContain('Needs attention');
    expect(text).toContain('no action items');
  });

  it('stays within Block Kit limits for 120 items and a 10,000-character root cause', () => {
    const { blocks } = finalizationMessage({
      ...input,
      rootCause: 'r'.repeat(10_000),
      actionItems: Array.from({ length: 120 }, (_, i) => item(i)),
    });
    expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    for (const block of sections(blocks)) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    }
    const body = allText(blocks);
    // Every item is still listed: 120 short lines fit in a few merged sections.
    expect(body).toContain('Fix thing number 0 ');
    expect(body).toContain('Fix thing number 119 ');
    expect(body).not.toContain('r'.repeat(2000));
  });

  it('summarises the overflow when even merged sections cannot hold every item', () => {
    const long = 'x'.repeat(2000);
    const { blocks } = finalizationMessage({
      ...input,
      actionItems: Array.from({ length: 300 }, (_, i) => item(i, { action: `${i} ${long}` })),
    });
    expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    for (const block of sections(blocks))
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(allText(blocks)).toMatch(/…and \d+ more action items in Jira/);
  });

  it('cuts a long header to 150 characters', () => {
    const { blocks } = finalizationMessage({
      ...input,
      incident: { ...input.incident, summary: 'S'.repeat(400) },
    });
    const header = blocks[0];
    expect(header?.type).toBe('header');
    if (header?.type === 'header') expect(header.text.text.length).toBeLessThanOrEqual(MAX_HEADER_TEXT);
  });

  it('keeps hostile user text inert', () => {
    const hostile = 'Ping <!channel> and @here, see <https://evil.example|this> & <@U0123>';
    const { blocks, text } = finalizationMessage({
      ...input,
      incident: { ...input.incident, summary: hostile },
      rootCause: hostile,
      actionItems: [item(1, { action: hostile, ownerLabel: '<!everyone>', warnings: ['<!here>'] })],
      unresolvedOwners: ['@channel'],
    });
    const body = allText(blocks) + text;
    expect(body).not.toContain('<!channel>');
    expect(body).not.toContain('<!here>');
    expect(body).not.toContain('<!everyone>');
    expect(body).not.toContain('<@U0123>');
    expect(body).not.toContain('<https://evil.example');
    expect(body).not.toMatch(/@(here|channel)\b/);
    expect(body).toContain('&lt;!channel&gt;');
  });

  it('does not link an incident URL that is not http(s)', () => {
    const { blocks } = finalizationMessage({
      ...input,
      incident: { ...input.incident, url: 'javascript:alert(1)' },
    });
    expect(allText(blocks)).not.toContain('javascript:');
  });
});

describe('incidentDurationText', () => {
  it.each([
    [null, 'unknown'],
    [0, '0 min'],
    [45, '45 min'],
    [120, '2 h'],
    [1500, '1 d 1 h'],
  ])('formats %p minutes as %s', (minutes, expected) => {
    expect(incidentDurationText(minutes)).toBe(expected);
  });
});
