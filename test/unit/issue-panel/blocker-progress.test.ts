import type { Finding } from '../../../src/contract/issue-panel-api';
import { blockerProgress } from '../../../static/issue-panel/src/logic/blocker-progress';

const blocker = (path: string, code: Finding['code']): Finding => ({
  code,
  severity: 'error',
  message: `${code} at ${path}`,
  path,
});

describe('blockerProgress', () => {
  const ownerless = blocker('actionItems.ai-2.owner', 'action-item-without-owner');
  const undated = blocker('actionItems.ai-3.dueDate', 'action-item-without-due-date');

  it('marks a reported blocker fixed once the live checks stop finding it, keeping its place', () => {
    expect(blockerProgress([ownerless, undated], [undated])).toEqual([
      { blocker: ownerless, fixed: true },
      { blocker: undated, fixed: false },
    ]);
  });

  it('keeps a blocker open while the same problem is still found, even with a reworded message', () => {
    const reworded = { ...ownerless, message: 'Action item 2 has no owner' };
    expect(blockerProgress([ownerless], [reworded])).toEqual([{ blocker: ownerless, fixed: false }]);
  });

  it('does not mistake the same code on another row for the reported one', () => {
    const otherRow = blocker('actionItems.ai-9.owner', 'action-item-without-owner');
    expect(blockerProgress([ownerless], [otherRow])).toEqual([{ blocker: ownerless, fixed: true }]);
  });

  it('gives nothing when nothing was reported', () => {
    expect(blockerProgress([], [ownerless])).toEqual([]);
  });
});
