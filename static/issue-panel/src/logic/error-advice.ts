import type { AppErrorShape } from '../../../../src/contract/errors';

export interface ErrorAdvice {
  title: string;
  /** What the user can do next. */
  next: string;
  appearance: 'error' | 'warning' | 'information';
  retryable: boolean;
}

/** One message per error kind, always with a next step, so an error is never a dead end. */
export function errorAdvice(error: AppErrorShape): ErrorAdvice {
  switch (error.kind) {
    case 'Forbidden':
      return {
        title: 'You do not have access',
        next: 'Ask a Jira admin or the project lead for permission to browse or edit this issue.',
        appearance: 'warning',
        retryable: false,
      };
    case 'NotFound':
      return {
        title: 'Issue not found',
        next: 'The issue may have been deleted or moved. Reload the page.',
        appearance: 'warning',
        retryable: true,
      };
    case 'Conflict':
      return {
        title: 'Someone else saved this postmortem',
        next: 'Load their version; your edits stay saved in this browser.',
        appearance: 'warning',
        retryable: true,
      };
    case 'InvalidInput':
      return {
        title: 'Some fields are not valid',
        next: 'Check the highlighted fields and try again.',
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
