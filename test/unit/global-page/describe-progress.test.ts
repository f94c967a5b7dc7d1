import { describeProgress } from '../../../static/global-page/src/logic/describe-progress';

describe('describeProgress', () => {
  it("says how far the consumer's refresh has read, capped at 100%", () => {
    expect(describeProgress({ issuesRead: 1_200, issuesTotal: 5_000 })).toBe(
      '1,200 of about 5,000 issues read (24%). ',
    );
    expect(describeProgress({ issuesRead: 5_100, issuesTotal: 5_000 })).toBe(
      '5,100 of about 5,000 issues read (100%). ',
    );
    expect(describeProgress(null)).toBe('');
  });
});
