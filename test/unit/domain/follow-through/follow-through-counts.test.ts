import { followThroughCounts } from '../../../../src/domain/follow-through';

describe('follow-through counts', () => {
  it('counts open and overdue among the visible children, hidden ones only as not visible', () => {
    expect(
      followThroughCounts([
        { visible: true, statusCategory: 'new', daysOverdue: 2 },
        { visible: true, statusCategory: 'indeterminate', daysOverdue: 0 },
        { visible: true, statusCategory: 'done', daysOverdue: 0 },
        { visible: false },
      ]),
    ).toEqual({ open: 2, overdue: 1, done: 1, notVisible: 1 });
  });
});
