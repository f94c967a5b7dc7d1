import type { Finding } from '../../../../src/contract/issue-panel-api';

export interface BlockerProgress {
  blocker: Finding;
  fixed: boolean;
}

const sameProblem = (a: Finding, b: Finding) => a.path === b.path && a.code === b.code;

/**
 * The blockers reported at the last Finalize, each marked fixed once the live checks no longer find
 * it. Fixed entries stay in the list (ticked off) rather than vanish: the Finalize button sits below
 * the list, and a list that shrinks while the user fixes things would move it under their pointer.
 */
export function blockerProgress(
  reported: readonly Finding[],
  current: readonly Finding[],
): BlockerProgress[] {
  return reported.map((blocker) => ({
    blocker,
    fixed: !current.some((candidate) => sameProblem(candidate, blocker)),
  }));
}
