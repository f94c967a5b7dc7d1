import { AppError } from '../../../src/contract/errors';
import {
  errorKindForStatus,
  isConflict,
  isForbidden,
  isInvalidInput,
  isNotFound,
  isRateLimited,
  isUnavailable,
  jiraError,
  jiraNetworkError,
  parseRetryAfter,
} from '../../../src/jira/jira-errors';
import type { JiraResponse } from '../../../src/ports';
import { jiraFixture } from '../../helpers/jira-fixtures';

function response(status: number, body: unknown, headers: Record<string, string> = {}): JiraResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: status < 300,
    status,
    headers: { get: (name) => lower.get(name.toLowerCase()) ?? null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  };
}

const now = new Date('2026-03-01T12:00:00.000Z');

describe('jiraError', () => {
  it("maps 400 to InvalidInput carrying Jira's errorMessages", async () => {
    const error = await jiraError(
      response(400, jiraFixture('openapi-examples/createIssue.response.400.json')),
      'create issue',
      now,
    );
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toContain("Field 'priority' is required");
    expect(isInvalidInput(error)).toBe(true);
  });

  it('keeps field errors of a 400 for forms', async () => {
    const error = await jiraError(
      response(400, { errorMessages: [], errors: { duedate: 'Invalid date' } }),
      'edit',
      now,
    );
    expect(error.fields).toEqual({ duedate: 'Invalid date' });
    expect(error.message).toContain('duedate: Invalid date');
  });

  it.each([
    [401, 'Forbidden', isForbidden],
    [403, 'Forbidden', isForbidden],
    [404, 'NotFound', isNotFound],
    [409, 'Conflict', isConflict],
    [500, 'Unavailable', isUnavailable],
    [503, 'Unavailable', isUnavailable],
  ] as const)('maps HTTP %i to %s', async (status, kind, is) => {
    const error = await jiraError(response(status, { errorMessages: ['nope'] }), 'read issue', now);
    expect(error.kind).toBe(kind);
    expect(is(error)).toBe(true);
    expect(isRateLimited(error)).toBe(false);
  });

  it('maps 429 to RateLimited with Retry-After seconds in milliseconds', async () => {
    const error = await jiraError(response(429, '', { 'Retry-After': '7' }), 'search', now);
    expect(error.kind).toBe('RateLimited');
    expect(error.retryAfterMs).toBe(7000);
    expect(isRateLimited(error)).toBe(true);
  });

  it('reads a Retry-After HTTP-date relative to now', async () => {
    const error = await jiraError(
      response(429, '', { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }),
      'search',
      now,
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('reads X-RateLimit-Reset when Jira sends no Retry-After, up to the end of its minute', async () => {
    // now is 12:00:00; "12:01Z" names a reset somewhere in 12:01, so the wait lasts until 12:02.
    const minute = await jiraError(
      response(429, '', { 'X-RateLimit-Reset': '2026-03-01T12:01Z' }),
      'search',
      now,
    );
    expect(minute).toMatchObject({ kind: 'RateLimited', retryAfterMs: 120_000 });
    const exact = await jiraError(
      response(429, '', { 'X-RateLimit-Reset': '2026-03-01T12:00:45.000Z' }),
      'search',
      now,
    );
    expect(exact.retryAfterMs).toBe(45_000);
    const past = await jiraError(
      response(429, '', { 'X-RateLimit-Reset': '2026-03-01T11:00Z' }),
      'search',
      now,
    );
    expect(past.retryAfterMs).toBe(0);
  });

  it("reads the points-based limit's RateLimit t= (seconds until the quota resets)", async () => {
    const error = await jiraError(
      response(429, '', {
        RateLimit: '"global-app-quota";r=0;t=90',
        'RateLimit-Reason': 'jira-quota-global-based',
      }),
      'search',
      now,
    );
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('waits for the longest of the headers Jira sent, as retrying earlier is refused again', async () => {
    const error = await jiraError(
      response(429, '', { 'Retry-After': '5', 'X-RateLimit-Reset': '2026-03-01T12:00:30.000Z' }),
      'search',
      now,
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('leaves retryAfterMs out of a 429 without any rate-limit header, and ignores Beta- advisories', async () => {
    const bare = await jiraError(response(429, { errorMessages: ['Rate limit exceeded.'] }), 'search', now);
    expect(bare.kind).toBe('RateLimited');
    expect(bare.retryAfterMs).toBeUndefined();
    const beta = await jiraError(
      response(429, '', { 'Beta-Retry-After': '3600', 'Beta-RateLimit': '"global-app-quota";t=3600' }),
      'search',
      now,
    );
    expect(beta.retryAfterMs).toBeUndefined();
  });

  it('reads Retry-After on a 503 too', async () => {
    const error = await jiraError(response(503, '', { 'Retry-After': '2' }), 'search', now);
    expect(error).toMatchObject({ kind: 'Unavailable', retryAfterMs: 2000 });
  });

  it('does not paste a gateway HTML page into the message', async () => {
    const error = await jiraError(response(502, '<html><body>Bad gateway</body></html>'), 'search', now);
    expect(error.kind).toBe('Unavailable');
    expect(error.message).not.toContain('<html>');
  });
});

describe('parseRetryAfter', () => {
  it('answers undefined for a missing or garbled header and 0 for a date in the past', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });
});

describe('jiraNetworkError', () => {
  it('calls a timeout Unavailable and says so', () => {
    const cause = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    const error = jiraNetworkError('read issue INC-1', cause);
    expect(error).toBeInstanceOf(AppError);
    expect(error.kind).toBe('Unavailable');
    expect(error.message).toContain('timed out');
  });
});

describe('errorKindForStatus', () => {
  it.each([
    [400, 'InvalidInput'],
    [413, 'InvalidInput'],
    [422, 'InvalidInput'],
    [401, 'Forbidden'],
    [404, 'NotFound'],
    [409, 'Conflict'],
    [429, 'RateLimited'],
    [504, 'Unavailable'],
    [302, 'Internal'],
  ] as const)('maps %i to %s', (status, kind) => {
    expect(errorKindForStatus(status)).toBe(kind);
  });
});
