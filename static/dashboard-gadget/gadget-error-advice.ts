import type { AppErrorShape } from '../../src/contract/errors';
import { adviceFor, type ErrorAdvice, type PageAdvice } from '../shared/logic/error-advice';

const GADGET_ADVICE: PageAdvice = {
  Forbidden: {
    title: 'You do not have access',
    next: 'Log in to Jira, or ask a Jira admin for permission to browse the projects this gadget shows.',
    appearance: 'warning',
    retryable: false,
  },
  NotFound: {
    title: 'Not found',
    next: 'Reload the dashboard.',
    appearance: 'warning',
    retryable: true,
  },
  Conflict: {
    title: 'Changed meanwhile',
    next: 'Refresh the gadget.',
    appearance: 'warning',
    retryable: true,
  },
  InvalidInput: {
    title: 'The gadget needs configuring',
    next: "Open the gadget's menu, choose Edit, and save its configuration again.",
    appearance: 'error',
    retryable: false,
  },
};

/** The dashboard gadget: advice for an error answered by its resolver. */
export function gadgetErrorAdvice(error: AppErrorShape): ErrorAdvice {
  return adviceFor(error, GADGET_ADVICE);
}
