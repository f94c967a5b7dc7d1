import type { Trend } from './report-types';

/** Screen-reader wording for a trend cell, since "↓" alone is read as "downwards arrow". */
export function describeTrend(trend: Trend | null): string {
  if (trend === null) return 'no comparison available';
  if (trend.arrow === '→') return 'unchanged';
  const direction = trend.arrow === '↑' ? 'up' : 'down';
  return trend.percent === null ? `${direction} from zero` : `${direction} ${trend.percent}%`;
}
