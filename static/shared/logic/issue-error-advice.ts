import type { AppErrorShape } from '../../../src/contract/errors';
import { adviceFor, type ErrorAdvice, type PageAdvice } from './error-advice';

const PANEL_ADVICE: PageAdvice = {
  Forbidden: {
    title: 'You do not have access',
    next: 'Ask a Jira admin or the project lead for permission to browse or edit this issue.',
    appearance: 'warning',
    retryable: false,
  },
  NotFound: {
    title: 'Issue not found',
    next: 'The issue may have been deleted or moved. Reload the page.',
    appearance: 'warning',
    retryable: true,
  },
  Conflict: {
    title: 'Someone else saved this postmortem',
    next: 'Load their version; your edits stay saved in this browser.',
    appearance: 'warning',
    retryable: true,
  },
  InvalidInput: {
    title: 'Some fields are not valid',
    next: 'Check the highlighted fields and try again.',
    appearance: 'error',
    retryable: false,
  },
};

/** The issue panel and glance: advice for an error answered by its resolvers. */
export function issueErrorAdvice(error: AppErrorShape): ErrorAdvice {
  return adviceFor(error, PANEL_ADVICE);
}
