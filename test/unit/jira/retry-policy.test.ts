import { AppError } from '../../../src/contract/errors';
import { getIssue } from '../../../src/jira/issues';
import { isRetryable, withRetry } from '../../../src/jira/retry-policy';
import { fakeClock } from '../../helpers/fake-clock';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';

const ISSUE = '/rest/api/3/issue/ED-1';
const options = { budgetMs: 60_000, maxAttempts: 5, random: () => 0.5, baseDelayMs: 1000 };

describe('withRetry', () => {
  it("waits what Jira's Retry-After says, then succeeds", async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().sequence('GET', ISSUE, [
      { status: 429, headers: { 'Retry-After': '3' }, body: { errorMessages: ['Rate limit exceeded'] } },
      { status: 200, body: jiraFixture('openapi-examples/getIssue.response.200.json') },
    ]);
    const issue = await withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), { ...options, clock });
    expect(issue.key).toBe('ED-1');
    expect(clock.sleeps).toEqual([3000]);
    expect(jira.requests).toHaveLength(2);
  });

  it.each([500, 502, 503, 504])(
    'retries HTTP %i with exponential backoff and full jitter',
    async (status) => {
      const clock = fakeClock();
      const jira = fakeJiraPort().sequence('GET', ISSUE, [
        { status },
        { status },
        { status },
        { status: 200, body: jiraFixture('openapi-examples/getIssue.response.200.json') },
      ]);
      await withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), { ...options, clock });
      // random() = 0.5 of a 1 s, 2 s, 4 s ceiling.
      expect(clock.sleeps).toEqual([500, 1000, 2000]);
    },
  );

  it('backs off a 429 that names no wait with exponential full jitter, inside the budget', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, {
      status: 429,
      body: { errorMessages: ['Rate limit exceeded.'] },
    });
    const failure = withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), {
      ...options,
      budgetMs: 4000,
      random: () => 0.99,
      clock,
    });
    // Ceilings 1 s, 2 s, 4 s: 990 ms and 1980 ms fit in 4 s; 3960 ms more would not.
    await expect(failure).rejects.toMatchObject({ kind: 'RateLimited', retryAfterMs: 4000 });
    expect(clock.sleeps).toEqual([990, 1980]);
    expect(jira.requests).toHaveLength(3);
  });

  it('retries a network error or timeout', async () => {
    const clock = fakeClock();
    const timeout = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    const jira = fakeJiraPort().sequence('GET', ISSUE, [
      { throws: timeout },
      { throws: new TypeError('fetch failed') },
      { status: 200, body: jiraFixture('openapi-examples/getIssue.response.200.json') },
    ]);
    const issue = await withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), { ...options, clock });
    expect(issue.id).toBe('10002');
    expect(jira.requests).toHaveLength(3);
  });

  it.each([400, 403, 404, 409])('does not retry HTTP %i', async (status) => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status, body: { errorMessages: ['no'] } });
    await expect(
      withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), { ...options, clock }),
    ).rejects.toThrow(AppError);
    expect(jira.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not start a wait that would overrun the budget, and hands back retryAfterMs', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status: 429, headers: { 'Retry-After': '40' } });
    const failure = withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), {
      ...options,
      budgetMs: 60_000,
      clock,
    });
    await expect(failure).rejects.toMatchObject({ kind: 'RateLimited', retryAfterMs: 40_000 });
    // 40 s fits once; a second 40 s wait would end at 80 s > 60 s.
    expect(clock.sleeps).toEqual([40_000]);
    expect(jira.requests).toHaveLength(2);
  });

  it('stops after maxAttempts with an Unavailable error that says when to come back', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status: 503 });
    const failure = withRetry(() => getIssue(jira, { issueIdOrKey: 'ED-1' }), {
      ...options,
      maxAttempts: 3,
      clock,
    });
    await expect(failure).rejects.toMatchObject({ kind: 'Unavailable' });
    const error = (await failure.catch((e: unknown) => e)) as AppError;
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(jira.requests).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('turns a raw network failure that outlives the budget into Unavailable', async () => {
    const clock = fakeClock();
    const failure = withRetry(() => Promise.reject(new TypeError('fetch failed')), {
      ...options,
      maxAttempts: 1,
      clock,
    });
    await expect(failure).rejects.toMatchObject({ kind: 'Unavailable' });
  });
});

describe('isRetryable', () => {
  it('leaves programming errors alone', () => {
    expect(isRetryable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isRetryable(new AppError('Internal', 'bad shape'))).toBe(false);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });
});
