import type { Trend } from './report-types';

export const NONE = '–';

/** `↓ 50%`, or the arrow alone when there is no finite percent (0 → n) or the reference shows none. */
export function formatTrend(trend: Trend | null, withPercent = true): string {
  if (trend === null) return NONE;
  return withPercent && trend.percent !== null ? `${trend.arrow} ${trend.percent}%` : trend.arrow;
}
