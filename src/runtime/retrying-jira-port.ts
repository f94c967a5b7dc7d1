import { retryDelayFromHeaders } from '../jira/jira-errors';
import type { JiraRoute } from '../jira/route';
import { backoff, isRetryable, type BackoffOptions } from '../jira/retry-policy';
import type { Clock, JiraPort, JiraRequestInit, JiraResponse } from '../ports';

export interface RetryingJiraPortOptions extends BackoffOptions {
  clock: Clock;
  /** What the invocation may spend on Jira from now, waits included: no retry starts past it. */
  budgetMs: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /**
   * The caller gave up (a sibling read failed and the answer is out): no attempt or wait starts after
   * it aborts, and a wait under way ends; the request rejects with the abort's reason.
   */
  signal?: AbortSignal;
}

/**
 * POSTs that only read. Every other POST creates something (issue, bulk create, issue link), and
 * "the same request sent twice" may create it twice.
 */
const READING_POSTS = new Set([
  '/rest/api/3/search/jql',
  '/rest/api/3/search/approximate-count',
  '/rest/api/3/jql/parse',
  '/rest/api/3/issue/bulkfetch',
]);

/**
 * Whether sending the request again can do no harm whatever happened to the first one: GET, PUT and
 * DELETE are idempotent (RFC 9110 §9.2.2), and so are the POSTs that only read.
 */
export function isIdempotentJiraRequest(path: JiraRoute, init?: JiraRequestInit): boolean {
  const method = init?.method ?? 'GET';
  if (method !== 'POST') return true;
  return READING_POSTS.has(path.value.split('?')[0] ?? '');
}

/**
 * The one retry for Jira requests, wrapped around a (time-boxed) port for one invocation: each request
 * is sent again on a 429, a 5xx or a failure below HTTP (timeouts included), waiting what Jira's
 * rate-limit headers name (Retry-After, X-RateLimit-Reset, RateLimit: `retryDelayFromHeaders`, per
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/) or backing off with jitter, as
 * long as the attempts and the invocation's budget last. Then the last answer goes back as it came (a
 * 429 or 5xx response, or the thrown error), for the caller to map and the platform to retry later.
 *
 * A request that creates (a non-reading POST) opts out, except on 429: Jira did nothing then. A 5xx
 * or a timeout on a create may hide what Jira did create, and only the caller can find that out.
 * Retrying per request means a paginated read resumes from the page that failed.
 */
export function retryingJiraPort(jira: JiraPort, options: RetryingJiraPortOptions): JiraPort {
  const { clock, maxAttempts, signal } = options;
  const deadline = clock.now().getTime() + options.budgetMs;
  return {
    async requestJira(path, init) {
      const repeatable = isIdempotentJiraRequest(path, init);
      for (let attempt = 1; ; attempt += 1) {
        signal?.throwIfAborted();
        let last: { response: JiraResponse } | { error: unknown };
        try {
          const response = await jira.requestJira(path, init);
          const worthRetry = response.status === 429 || (repeatable && response.status >= 500);
          if (!worthRetry) return response;
          last = { response };
        } catch (error) {
          if (!repeatable || !isRetryable(error)) throw error;
          last = { error };
        }
        const named =
          'response' in last ? retryDelayFromHeaders(last.response.headers, clock.now()) : undefined;
        const delayMs = backoff(attempt, named, options);
        if (attempt >= maxAttempts || clock.now().getTime() + delayMs > deadline) {
          if ('response' in last) return last.response;
          throw last.error;
        }
        await clock.sleep(delayMs, signal);
      }
    },
  };
}
