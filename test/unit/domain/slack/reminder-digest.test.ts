import {
  reminderDigest,
  type ActionItemReminderLine,
  type ReminderLine,
} from '../../../../src/domain/slack/reminder-digest';

const line = (n: number, extra: Partial<ReminderLine> = {}): ReminderLine => ({
  key: `INC-${n}`,
  url: `https://example.atlassian.net/browse/INC-${n}`,
  title: `Incident ${n}`,
  ownerLabel: 'Maria Chen',
  due: 'document overdue by 2 days',
  ...extra,
});

const itemLine = (n: number, project = 'INC', extra: Partial<ReminderLine> = {}): ActionItemReminderLine => ({
  ...line(n, extra),
  key: `${project}-${n}`,
  project: { key: project, name: project === 'INC' ? 'Incidents' : 'Operations' },
});

describe('reminderDigest', () => {
  it('is null when nothing is due, so no message is sent', () => {
    expect(reminderDigest({ day: '2025-03-20', postmortems: [], actionItems: [] })).toBeNull();
  });

  it('lists each line with its link, owner and deadline', () => {
    const digest = reminderDigest({
      day: '2025-03-20',
      postmortems: [line(1)],
      actionItems: [itemLine(2, 'INC', { ownerLabel: null })],
    });
    const texts = JSON.stringify(digest?.blocks);
    expect(texts).toContain(
      '<https://example.atlassian.net/browse/INC-1|INC-1> Incident 1 — Maria Chen — document overdue by 2 days',
    );
    expect(texts).toContain('INC-2> Incident 2 — _no owner_');
    expect(digest?.text).toBe('1 postmortems and 1 action items need attention');
  });

  it('escapes user text and neutralises broadcast mentions', () => {
    const digest = reminderDigest({
      day: '2025-03-20',
      postmortems: [line(1, { title: '<!channel> @here fix <script>' })],
      actionItems: [],
    });
    const texts = JSON.stringify(digest?.blocks);
    expect(texts).not.toContain('<!channel>');
    expect(texts).toContain('&lt;!channel&gt;');
    expect(texts).not.toMatch(/@here\b/);
  });

  it('stays within Block Kit limits for hundreds of lines', () => {
    const many = Array.from({ length: 400 }, (_, i) => line(i, { title: 'x'.repeat(120) }));
    const items = many.map((_, i) => itemLine(i, i % 2 ? 'OPS' : 'INC', { title: 'x'.repeat(120) }));
    const digest = reminderDigest({ day: '2025-03-20', postmortems: many, actionItems: items });
    expect(digest?.blocks.length).toBeLessThanOrEqual(50);
    for (const block of digest?.blocks ?? []) {
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    }
  });

  it('groups the action items per project (team), each under its own heading', () => {
    const digest = reminderDigest({
      day: '2025-03-20',
      postmortems: [],
      actionItems: [itemLine(7, 'OPS'), itemLine(2, 'INC'), itemLine(8, 'OPS')],
    });
    const texts = (digest?.blocks ?? []).flatMap((block) =>
      block.type === 'section' ? [block.text?.text ?? ''] : [],
    );
    expect(texts[0]).toBe('*Action items due soon or overdue — Incidents (INC)*');
    expect(texts[1]).toContain('INC-2');
    expect(texts[2]).toBe('*Action items due soon or overdue — Operations (OPS)*');
    expect(texts[3]).toMatch(/OPS-7[^]*\n[^]*OPS-8/);
  });
});
