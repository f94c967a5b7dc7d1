import type { AppErrorShape } from '../../../../src/contract/errors';
import { adviceFor, type ErrorAdvice, type PageAdvice } from '../../../shared/logic/error-advice';

/** Where the error happened: the same kind needs different advice for the report and the search. */
export type ErrorContext = 'report' | 'search';

const REPORT_ADVICE: PageAdvice = {
  Forbidden: {
    title: 'You do not have access to these incidents',
    next: 'Ask a Jira admin for Browse projects permission, or remove projects you cannot see from the filter.',
    appearance: 'warning',
    retryable: false,
  },
  NotFound: {
    title: 'Nothing found for this filter',
    next: 'Check the project keys in the filter; a project may have been renamed or deleted.',
    appearance: 'warning',
    retryable: true,
  },
  Conflict: {
    title: 'The report is being refreshed',
    next: 'Try again in a few seconds.',
    appearance: 'warning',
    retryable: true,
  },
  InvalidInput: {
    title: 'The month or project filter is not valid',
    next: 'Pick a month from the list and enter up to 20 project keys like INC, OPS.',
    appearance: 'error',
    retryable: false,
  },
};

const SEARCH_ADVICE: PageAdvice = {
  ...REPORT_ADVICE,
  NotFound: { ...REPORT_ADVICE.NotFound, title: 'The postmortem index was not found' },
  InvalidInput: {
    title: 'The search could not run',
    next: 'Check the search fields (dates as YYYY-MM-DD, text under 200 characters) and try again.',
    appearance: 'error',
    retryable: false,
  },
};

/** The global page's advice for an error of its report or of its postmortem search. */
export function errorAdvice(error: AppErrorShape, context: ErrorContext = 'report'): ErrorAdvice {
  return adviceFor(error, context === 'search' ? SEARCH_ADVICE : REPORT_ADVICE);
}
