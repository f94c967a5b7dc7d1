import type { MonthAggregate } from './month-aggregate';
import { roundHalfUpRatio } from './round-half-up';

// DESIGN "Metric definitions — MTTR": mean time to restore over the month's resolved incidents, whole minutes, half up.
export function mttrMinutes(
  bucket: Pick<MonthAggregate, 'resolvedIncidents' | 'restoreMsSum'>,
): number | null {
  if (bucket.resolvedIncidents === 0) return null;
  return roundHalfUpRatio(bucket.restoreMsSum, bucket.resolvedIncidents * 60_000);
}
