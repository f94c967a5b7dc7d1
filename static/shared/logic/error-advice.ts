import type { AppErrorShape, ErrorKind } from '../../../src/contract/errors';

export interface ErrorAdvice {
  title: string;
  /** What the user can do next. */
  next: string;
  appearance: 'error' | 'warning' | 'information';
  retryable: boolean;
}

/** The kinds that say nothing about what the user was doing: every page advises them alike. */
const COMMON_ADVICE = {
  RateLimited: {
    title: 'Jira is busy',
    next: 'Wait a few seconds and try again.',
    appearance: 'warning',
    retryable: true,
  },
  Unavailable: {
    title: 'The app cannot be reached',
    next: 'Check your connection and try again.',
    appearance: 'error',
    retryable: true,
  },
  NotImplemented: {
    title: 'Not available yet',
    next: 'This part of the app is not available on this site yet.',
    appearance: 'information',
    retryable: false,
  },
  Internal: {
    title: 'Something went wrong',
    next: 'Try again; if it keeps failing, tell your Jira admin.',
    appearance: 'error',
    retryable: true,
  },
} satisfies Partial<Record<ErrorKind, ErrorAdvice>>;

type CommonKind = keyof typeof COMMON_ADVICE;

/** What each page says itself: the kinds whose next step depends on what the user was doing there. */
export type PageAdvice = Record<Exclude<ErrorKind, CommonKind>, ErrorAdvice>;

const isCommon = (kind: ErrorKind): kind is CommonKind => kind in COMMON_ADVICE;

/** One message per error kind, always with a next step, so an error is never a dead end. */
export function adviceFor(error: AppErrorShape, page: PageAdvice): ErrorAdvice {
  return isCommon(error.kind) ? COMMON_ADVICE[error.kind] : page[error.kind];
}
