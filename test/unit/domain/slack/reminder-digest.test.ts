import { reminderDigest, type ReminderLine } from '../../../../src/domain/slack/reminder-digest';

const line = (n: number, extra: Partial<ReminderLine> = {}): ReminderLine => ({
  key: `INC-${n}`,
  url: `https://example.atlassian.net/browse/INC-${n}`,
  title: `Incident ${n}`,
  ownerLabel: 'Maria Chen',
  due: 'document overdue by 2 days',
  ...extra,
});

describe('reminderDigest', () => {
  it('is null when nothing is due, so no message is sent', () => {
    expect(reminderDigest({ day: '2025-03-20', postmortems: [], actionItems: [] })).toBeNull();
  });

  it('lists each line with its link, owner and deadline', () => {
    const digest = reminderDigest({
      day: '2025-03-20',
      postmortems: [line(1)],
      actionItems: [line(2, { ownerLabel: null })],
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
    const digest = reminderDigest({ day: '2025-03-20', postmortems: many, actionItems: many });
    expect(digest?.blocks.length).toBeLessThanOrEqual(50);
    for (const block of digest?.blocks ?? []) {
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    }
  });
});
