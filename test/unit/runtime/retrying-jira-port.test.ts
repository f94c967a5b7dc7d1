import { AppError } from '../../../src/contract/errors';
import { getIssue, bulkCreateIssues } from '../../../src/jira/issues';
import { searchJqlAll } from '../../../src/jira/search-jql';
import { isIdempotentJiraRequest, retryingJiraPort } from '../../../src/runtime/retrying-jira-port';
import { systemClock } from '../../../src/runtime/system-clock';
import { fakeClock } from '../../helpers/fake-clock';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';

const ISSUE = '/rest/api/3/issue/ED-1';
const SEARCH = '/rest/api/3/search/jql';
const BULK = '/rest/api/3/issue/bulk';
const options = { budgetMs: 60_000, maxAttempts: 5, random: () => 0.5, baseDelayMs: 1000 };
const issueBody = () => jiraFixture('openapi-examples/getIssue.response.200.json');
const timeout = () =>
  Object.assign(new Error('Jira did not answer within 20000 ms'), { name: 'TimeoutError' });

describe('retryingJiraPort', () => {
  it('waits the longest delay any rate-limit header names, then sends the request again', async () => {
    const clock = fakeClock('2026-03-01T12:00:00.000Z');
    const jira = fakeJiraPort().sequence('GET', ISSUE, [
      { status: 429, headers: { 'Retry-After': '3', 'X-RateLimit-Reset': '2026-03-01T12:00Z' } },
      { status: 429, headers: { RateLimit: '"global-burst";r=0;t=7' } },
      { status: 200, body: issueBody() },
    ]);
    const port = retryingJiraPort(jira, { ...options, clock, budgetMs: 120_000 });
    const issue = await getIssue(port, { issueIdOrKey: 'ED-1' });
    expect(issue.key).toBe('ED-1');
    // X-RateLimit-Reset has minute precision: the reset counts as the end of 12:00, 60 s away.
    expect(clock.sleeps).toEqual([60_000, 7000]);
    expect(jira.requests).toHaveLength(3);
  });

  it('backs off 5xx answers and failures below HTTP with jitter', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().sequence('GET', ISSUE, [
      { status: 503 },
      { throws: timeout() },
      { status: 502 },
      { status: 200, body: issueBody() },
    ]);
    await getIssue(retryingJiraPort(jira, { ...options, clock }), { issueIdOrKey: 'ED-1' });
    // random() = 0.5 of a 1 s, 2 s, 4 s ceiling.
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it("gives the last answer back once a wait would pass the invocation's budget", async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status: 429, headers: { 'Retry-After': '30' } });
    const port = retryingJiraPort(jira, { ...options, clock, budgetMs: 45_000 });
    await expect(getIssue(port, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({
      kind: 'RateLimited',
      retryAfterMs: 30_000,
    });
    expect(jira.requests).toHaveLength(2);
    // The budget is the invocation's, not the request's: a later request gets only what is left.
    await expect(getIssue(port, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({ kind: 'RateLimited' });
    expect(jira.requests).toHaveLength(3);
  });

  it('stops after maxAttempts', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status: 500 });
    const port = retryingJiraPort(jira, { ...options, clock, maxAttempts: 3 });
    await expect(getIssue(port, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({ kind: 'Unavailable' });
    expect(jira.requests).toHaveLength(3);
  });

  it.each([400, 403, 404, 409])('does not retry HTTP %i', async (status) => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { status, body: { errorMessages: ['no'] } });
    await expect(
      getIssue(retryingJiraPort(jira, { ...options, clock }), { issueIdOrKey: 'ED-1' }),
    ).rejects.toBeInstanceOf(AppError);
    expect(jira.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('hands back a failure below HTTP that outlives the attempts, which the caller reads as Unavailable', async () => {
    const clock = fakeClock();
    const jira = fakeJiraPort().on('GET', ISSUE, { throws: new TypeError('fetch failed') });
    const port = retryingJiraPort(jira, { ...options, clock, maxAttempts: 2 });
    await expect(getIssue(port, { issueIdOrKey: 'ED-1' })).rejects.toMatchObject({ kind: 'Unavailable' });
    expect(jira.requests).toHaveLength(2);
  });

  it('resumes a paginated search from the page that failed', async () => {
    const clock = fakeClock();
    const page = (keys: string[], nextPageToken?: string) => ({
      status: 200,
      body: {
        issues: keys.map((key, i) => ({ id: String(i), key, fields: {} })),
        ...(nextPageToken ? { nextPageToken } : {}),
        isLast: !nextPageToken,
      },
    });
    const jira = fakeJiraPort().sequence('POST', SEARCH, [
      page(['A-1'], 'p2'),
      { status: 503 },
      page(['A-2']),
    ]);
    const issues = await searchJqlAll(retryingJiraPort(jira, { ...options, clock }), { jql: 'project = A' });
    expect(issues.map((issue) => issue.key)).toEqual(['A-1', 'A-2']);
    expect(
      jira.requests.map((request) => (request.body as { nextPageToken?: string }).nextPageToken),
    ).toEqual([undefined, 'p2', 'p2']);
  });

  it('sends a create again only on 429: after a 5xx or a timeout Jira may have created it', async () => {
    const issues = [{ fields: { summary: 'Fix it' } }];
    const created = { status: 201, body: { issues: [{ id: '1', key: 'INC-2' }], errors: [] } };
    for (const [first, retried] of [
      [{ status: 429, headers: { 'Retry-After': '1' } }, true],
      [{ status: 503 }, false],
      [{ throws: timeout() }, false],
    ] as const) {
      const clock = fakeClock();
      const jira = fakeJiraPort().sequence('POST', BULK, [first, created]);
      const result = await bulkCreateIssues(retryingJiraPort(jira, { ...options, clock }), { issues });
      expect(jira.requests).toHaveLength(retried ? 2 : 1);
      expect(result.created).toHaveLength(retried ? 1 : 0);
    }
  });

  it.each([
    ['GET', '/rest/api/3/issue/A-1', true],
    ['PUT', '/rest/api/3/issue/A-1/properties/x', true],
    ['DELETE', '/rest/api/3/issue/A-1/properties/x', true],
    ['POST', '/rest/api/3/search/jql', true],
    ['POST', '/rest/api/3/search/approximate-count', true],
    ['POST', '/rest/api/3/jql/parse?validation=strict', true],
    ['POST', '/rest/api/3/issue', false],
    ['POST', '/rest/api/3/issue/bulk', false],
    ['POST', '/rest/api/3/issueLink', false],
  ] as const)('%s %s may be sent twice: %s', (method, path, idempotent) => {
    expect(isIdempotentJiraRequest({ value: path }, { method })).toBe(idempotent);
  });

  it('sends nothing more once its signal aborts, and ends a wait under way on the real clock', async () => {
    const jira = fakeJiraPort().on('GET', ISSUE, { status: 429, headers: { 'Retry-After': '3600' } });
    const stop = new AbortController();
    const port = retryingJiraPort(jira, {
      ...options,
      clock: systemClock,
      budgetMs: 7_200_000,
      signal: stop.signal,
    });
    const reading = getIssue(port, { issueIdOrKey: 'ED-1' });
    // The first 429 is in; the port now waits its hour, which the abort must cut short.
    await new Promise((resolve) => setImmediate(resolve));
    expect(jira.requests).toHaveLength(1);
    stop.abort(new Error('a sibling read failed'));
    await expect(reading).rejects.toThrow('a sibling read failed');
    await expect(getIssue(port, { issueIdOrKey: 'ED-1' })).rejects.toThrow('a sibling read failed');
    expect(jira.requests).toHaveLength(1);
  });
});
