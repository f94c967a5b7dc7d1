import { roundHalfUp } from './round-half-up';

export type TrendArrow = '↑' | '↓' | '→';

export interface Trend {
  readonly arrow: TrendArrow;
  /**
   * Whole percent change vs the previous month, rounded half up, as a magnitude (the arrow gives the
   * sign). Null when the previous month is 0 and this one is not: a change from nothing has no
   * percentage, so it is shown as the arrow alone ("↑"). 0 → 0 is "→ 0%".
   */
  readonly percent: number | null;
}

// DESIGN.md "Metric definitions — Trend": change vs previous month, whole percent half up, ↓ / ↑ / →.
export function trendOf(current: number | null, previous: number | null): Trend | null {
  if (current === null || previous === null) return null;
  if (current === previous) return { arrow: '→', percent: 0 };
  const arrow: TrendArrow = current > previous ? '↑' : '↓';
  if (previous === 0) return { arrow, percent: null };
  return { arrow, percent: roundHalfUp((Math.abs(current - previous) / Math.abs(previous)) * 100) };
}
