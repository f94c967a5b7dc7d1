import { emptyPostmortem, type PostmortemDocument } from '../../../../src/domain/postmortem';
import {
  adfFirstLine,
  proposeTimelineRows,
  PROPOSED_EVENT_LIMIT,
  type IncidentHistory,
} from '../../../../src/domain/timeline-proposals';
import { openApiExample } from '../../../helpers/jira-fixtures';

const NOW = new Date('2025-03-20T12:00:00Z');

function document(
  patch: Partial<PostmortemDocument['header']> = {},
  timeline: PostmortemDocument['timeline'] = [],
) {
  const doc = emptyPostmortem({ incidentId: 'INC-34', date: '2025-03-15' });
  return {
    ...doc,
    header: { ...doc.header, startTime: '14:23', endTime: '15:10', timeZone: 'UTC', ...patch },
    timeline,
  };
}

// Shaped like Jira's answers (changelog items with display strings, comments as ADF), already read.
const history: IncidentHistory = {
  issueKey: 'INC-34',
  created: '2025-03-15T14:25:10.000+0000',
  resolved: '2025-03-15T15:10:00.000+0000',
  reporterName: 'Maria Lopez',
  changes: [
    {
      id: '10001',
      at: '2025-03-15T14:27:00.000+0000',
      authorName: 'Alex Kim',
      items: [
        { field: 'assignee', fromString: null, toString: 'Alex Kim' },
        { field: 'labels', fromString: '', toString: 'payments' },
      ],
    },
    {
      id: '10002',
      at: '2025-03-15T14:31:00.000+0000',
      authorName: 'Alex Kim',
      items: [
        { field: 'status', fromString: 'To Do', toString: 'In Progress' },
        { field: 'priority', fromString: 'High', toString: 'Highest' },
      ],
    },
    {
      id: '10003',
      at: '2025-03-15T15:10:00.000+0000',
      authorName: null,
      items: [{ field: 'status', fromString: 'In Progress', toString: 'Done' }],
    },
  ],
  comments: [
    {
      id: '20001',
      at: '2025-03-15T14:35:00.000+0000',
      authorName: 'Maria Lopez',
      firstLine: 'Rolling back 2.4.1',
    },
  ],
  linkedIssues: [
    { key: 'OPS-7', summary: 'Add index on payment_methods', created: '2025-03-15T14:50:00.000+0000' },
    { key: 'OPS-2', summary: 'Older unrelated work', created: '2025-02-01T09:00:00.000+0000' },
  ],
};

describe('proposeTimelineRows', () => {
  it('proposes creation, status, priority and assignee changes, comments and links in time order', () => {
    const { proposals, timeZone } = proposeTimelineRows(document(), history, NOW);
    expect(timeZone).toBe('UTC');
    expect(proposals.map(({ time, event, source }) => [time, source, event])).toEqual([
      ['14:25', 'created', 'Incident INC-34 created (Maria Lopez)'],
      ['14:27', 'assignee', 'Assigned to Alex Kim (Alex Kim)'],
      ['14:31', 'status', 'Status changed from To Do to In Progress (Alex Kim)'],
      ['14:31', 'priority', 'Priority changed from High to Highest (Alex Kim)'],
      ['14:35', 'comment', 'Maria Lopez: Rolling back 2.4.1'],
      ['14:50', 'link', 'OPS-7 created: Add index on payment_methods'],
      ['15:10', 'status', 'Status changed from In Progress to Done'],
    ]);
  });

  it("writes times in the document's zone, with the day when it is not the incident's day", () => {
    const { proposals, timeZone } = proposeTimelineRows(
      document({ timeZone: 'America/Los_Angeles', date: '2025-03-15' }),
      history,
      NOW,
    );
    expect(timeZone).toBe('America/Los_Angeles');
    // 14:25 UTC on 15 March is 07:25 PDT (UTC-7 since 9 March 2025).
    expect(proposals[0]?.time).toBe('07:25');
    const nextDay = proposeTimelineRows(document({ timeZone: 'Asia/Tokyo' }), history, NOW);
    expect(nextDay.proposals[0]?.time).toBe('23:25');
    expect(nextDay.proposals.at(-1)?.time).toBe('2025-03-16 00:10');
  });

  it('falls back to UTC for a zone label the clock does not know, and says which label it could not use', () => {
    const result = proposeTimelineRows(document({ timeZone: 'Zurich time' }), history, NOW);
    expect(result.timeZone).toBe('UTC');
    expect(result.unknownZoneLabel).toBe('Zurich time');
    expect(result.proposals[0]?.time).toBe('14:25');
  });

  it('does not propose a row the timeline already has: same minute, same event text once normalised', () => {
    const timeline = [
      { id: 'tl-1', time: '14:35', event: 'maria lopez:  Rolling back 2.4.1.' },
      { id: 'tl-2', time: '2025-03-15 14:25', event: 'Incident INC-34 created (Maria Lopez)' },
      // Same text at another minute is another event.
      { id: 'tl-3', time: '14:32', event: 'Status changed from To Do to In Progress (Alex Kim)' },
    ];
    const { proposals } = proposeTimelineRows(document({}, timeline), history, NOW);
    const events = proposals.map((proposal) => proposal.event);
    expect(events).not.toContain('Maria Lopez: Rolling back 2.4.1');
    expect(events).not.toContain('Incident INC-34 created (Maria Lopez)');
    expect(events).toContain('Status changed from To Do to In Progress (Alex Kim)');
  });

  it('proposes only linked issues created inside the incident window', () => {
    const narrow = document({ startTime: '14:23', endTime: '14:40' });
    const keys = proposeTimelineRows(narrow, history, NOW)
      .proposals.filter((proposal) => proposal.source === 'link')
      .map((proposal) => proposal.event);
    expect(keys).toEqual([]);
    // Without a Duration line the window is Jira's creation to resolution.
    const open = document({ startTime: null, endTime: null });
    const links = proposeTimelineRows(open, { ...history, resolved: null }, NOW).proposals.filter(
      (proposal) => proposal.source === 'link',
    );
    expect(links.map((link) => link.event)).toEqual(['OPS-7 created: Add index on payment_methods']);
  });

  it('gives each proposal an id taken from its Jira record, so the same history proposes the same ids', () => {
    const first = proposeTimelineRows(document(), history, NOW).proposals.map((p) => p.id);
    const again = proposeTimelineRows(document(), history, NOW).proposals.map((p) => p.id);
    expect(new Set(first).size).toBe(first.length);
    expect(again).toEqual(first);
  });

  it('cuts a long comment line to the proposal limit', () => {
    const long = { ...history, comments: [{ ...history.comments[0]!, firstLine: 'x'.repeat(500) }] };
    const comment = proposeTimelineRows(document(), long, NOW).proposals.find((p) => p.source === 'comment');
    expect(Array.from(comment?.event ?? '')).toHaveLength(PROPOSED_EVENT_LIMIT);
  });
});

describe('adfFirstLine', () => {
  it("reads the first line of Atlassian's example comment body", () => {
    const example = openApiExample<{ comments: Array<{ body: unknown }> }>(
      '/rest/api/3/issue/{issueIdOrKey}/comment',
      'get',
      '200',
    );
    expect(adfFirstLine(example.comments[0]?.body)).toMatch(/^Lorem ipsum dolor sit amet/);
  });

  it('stops at a hard break, keeps mentions and skips into lists and blank paragraphs', () => {
    const body = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', content: [] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'mention', attrs: { id: 'abc', text: '@Alex Kim' } },
                    { type: 'text', text: ' paged,   starts diagnosis' },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'second line' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(adfFirstLine(body)).toBe('@Alex Kim paged, starts diagnosis');
    expect(
      adfFirstLine({
        type: 'doc',
        version: 1,
        content: [{ type: 'codeBlock', content: [{ type: 'text', text: '\nkubectl rollout undo\nmore' }] }],
      }),
    ).toBe('kubectl rollout undo');
    expect(adfFirstLine(null)).toBe('');
  });
});
