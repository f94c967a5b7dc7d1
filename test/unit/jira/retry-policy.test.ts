import { AppError } from '../../../src/contract/errors';
import { backoff, isRetryable } from '../../../src/jira/retry-policy';

describe('backoff', () => {
  it('waits what the server named, never less', () => {
    expect(backoff(1, 40_000, { random: () => 0 })).toBe(40_000);
  });

  it('otherwise jitters fully under a ceiling that doubles from baseDelayMs up to maxDelayMs', () => {
    const options = { random: () => 0.5, baseDelayMs: 1000, maxDelayMs: 3000 };
    expect([1, 2, 3].map((attempt) => backoff(attempt, undefined, options))).toEqual([500, 1000, 1500]);
  });
});

describe('isRetryable', () => {
  it('leaves programming errors alone', () => {
    expect(isRetryable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isRetryable(new AppError('Internal', 'bad shape'))).toBe(false);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });
});
