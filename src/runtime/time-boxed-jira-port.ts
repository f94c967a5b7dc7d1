import type { JiraPort } from '../ports';

/**
 * Every Jira request answers within `timeoutMs` or fails as a timeout (which the retry policy and the
 * error mapping treat as "Jira could not be reached"), so a hung connection costs one attempt, not
 * the consumer's whole 900 s. The request itself may still complete at Jira: callers whose writes
 * are not idempotent must treat a timeout as "unknown outcome", not as "not done".
 */
export function timeBoxedJiraPort(jira: JiraPort, timeoutMs: number): JiraPort {
  return {
    requestJira(path, init) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`Jira did not answer within ${timeoutMs} ms`);
          error.name = 'TimeoutError';
          reject(error);
        }, timeoutMs);
      });
      return Promise.race([jira.requestJira(path, init), timeout]).finally(() => clearTimeout(timer));
    },
  };
}
