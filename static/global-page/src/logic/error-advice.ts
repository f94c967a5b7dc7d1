import type { AppErrorShape } from '../../../../src/contract/errors';

export interface ErrorAdvice {
  title: string;
  /** What the user can do next. */
  next: string;
  appearance: 'error' | 'warning' | 'information';
  retryable: boolean;
}

/** Where the error happened: the same kind needs different advice for the report and the search. */
export type ErrorContext = 'report' | 'search';

/** One message per error kind, always with a next step, so an error is never a dead end. */
export function errorAdvice(error: AppErrorShape, context: ErrorContext = 'report'): ErrorAdvice {
  switch (error.kind) {
    case 'Forbidden':
      return {
        title: 'You do not have access to these incidents',
        next: 'Ask a Jira admin for Browse projects permission, or remove projects you cannot see from the filter.',
        appearance: 'warning',
        retryable: false,
      };
    case 'NotFound':
      return {
        title: context === 'search' ? 'The postmortem index was not found' : 'Nothing found for this filter',
        next: 'Check the project keys in the filter; a project may have been renamed or deleted.',
        appearance: 'warning',
        retryable: true,
      };
    case 'Conflict':
      return {
        title: 'The report is being refreshed',
        next: 'Try again in a few seconds.',
        appearance: 'warning',
        retryable: true,
      };
    case 'InvalidInput':
      return context === 'search'
        ? {
            title: 'The search could not run',
            next: 'Check the search fields (dates as YYYY-MM-DD, text under 200 characters) and try again.',
            appearance: 'error',
            retryable: false,
          }
        : {
            title: 'The month or project filter is not valid',
            next: 'Pick a month from the list and enter up to 20 project keys like INC, OPS.',
            appearance: 'error',
            retryable: false,
          };
    case 'RateLimited':
      return {
        title: 'Jira is busy',
        next: 'Wait a few seconds and try again.',
        appearance: 'warning',
        retryable: true,
      };
    case 'Unavailable':
      return {
        title: 'The app cannot be reached',
        next: 'Check your connection and try again.',
        appearance: 'error',
        retryable: true,
      };
    case 'NotImplemented':
      return {
        title: 'Not available yet',
        next: 'This part of the app is not available on this site yet.',
        appearance: 'information',
        retryable: false,
      };
    case 'Internal':
      return {
        title: 'Something went wrong',
        next: 'Try again; if it keeps failing, tell your Jira admin.',
        appearance: 'error',
        retryable: true,
      };
  }
}
