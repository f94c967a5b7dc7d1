import type { Completion } from './report-types';

/** `9/11 (82%)` as in the reference; without the percent when nothing was created (0/0). */
export function formatCompletion(completion: Completion): string {
  const { done, created, percent } = completion;
  return percent === null ? `${done}/${created}` : `${done}/${created} (${percent}%)`;
}
