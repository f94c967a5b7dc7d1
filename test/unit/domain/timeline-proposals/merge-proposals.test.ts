import type { TimelineRow } from '../../../../src/domain/postmortem';
import { mergeProposals, type TimelineProposal } from '../../../../src/domain/timeline-proposals';

const DAY = '2025-03-15';
let minted = 0;
const newId = () => `new-${++minted}`;

function proposal(at: string, time: string, event: string): TimelineProposal {
  return { id: `p:${event}`, source: 'comment', at, time, event };
}

const timeline: TimelineRow[] = [
  { id: 'tl-1', time: '14:23', event: 'Release rolls out' },
  { id: 'tl-2', time: '14:31', event: 'Logs tie the errors to the release' },
  { id: 'tl-3', time: 'later that hour', event: 'Stakeholders informed' },
  { id: 'tl-4', time: '15:10', event: 'Recovery confirmed' },
];

describe('mergeProposals: the chosen rows go where their time puts them', () => {
  beforeEach(() => {
    minted = 0;
  });

  it('places each proposal after the last row at or before its minute, oldest first among themselves', () => {
    const merged = mergeProposals(
      timeline,
      [
        // Given newest first: the merge orders by instant, not by the order they were ticked.
        proposal('2025-03-15T14:31:00Z', '14:31', 'Rollback decided'),
        proposal('2025-03-15T14:25:00Z', '14:25', 'Alarm fires'),
      ],
      DAY,
      newId,
    );
    expect(merged.map((row) => `${row.time} ${row.event}`)).toEqual([
      '14:23 Release rolls out',
      '14:25 Alarm fires',
      '14:31 Logs tie the errors to the release',
      '14:31 Rollback decided',
      'later that hour Stakeholders informed',
      '15:10 Recovery confirmed',
    ]);
    expect(merged.filter((row) => row.id.startsWith('new-')).map((row) => row.id)).toEqual([
      'new-1',
      'new-2',
    ]);
  });

  it('puts a proposal before every row when it is the oldest, and after every row on a later day', () => {
    const merged = mergeProposals(
      timeline,
      [
        proposal('2025-03-15T14:20:00Z', '14:20', 'Deploy starts'),
        proposal('2025-03-16T09:05:00Z', '2025-03-16 09:05', 'Follow-up review'),
      ],
      DAY,
      newId,
    );
    expect(merged.map((row) => row.event)).toEqual([
      'Deploy starts',
      'Release rolls out',
      'Logs tie the errors to the release',
      'Stakeholders informed',
      'Recovery confirmed',
      'Follow-up review',
    ]);
  });

  it('appends in time order when no row has a readable time, and leaves the timeline given untouched', () => {
    const unreadable: TimelineRow[] = [{ id: 'tl-1', time: 'morning', event: 'Something happened' }];
    const merged = mergeProposals(
      unreadable,
      [proposal('2025-03-15T14:40:00Z', '14:40', 'B'), proposal('2025-03-15T14:30:00Z', '14:30', 'A')],
      DAY,
      newId,
    );
    expect(merged.map((row) => row.event)).toEqual(['Something happened', 'A', 'B']);
    expect(unreadable).toHaveLength(1);
  });
});
