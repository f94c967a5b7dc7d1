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
