import { NONE } from './format-trend';

/** `38 min`, the reference's MTTR unit; a dash when the month has no resolved incident. */
export function formatMinutes(minutes: number | null): string {
  return minutes === null ? NONE : `${minutes} min`;
}
