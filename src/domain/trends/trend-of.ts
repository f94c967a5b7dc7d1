import { roundHalfUpRatio } from './round-half-up';

export type TrendArrow = '↑' | '↓' | '→';

export interface Trend {
  arrow: TrendArrow;
  /** Relative change vs the previous month, whole percent rounded half up; null when the previous month was 0. */
  percent: number | null;
}

/** A value as an exact fraction, so rates (done/created) compare without float error. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

const asFraction = (value: number | Fraction): Fraction =>
  typeof value === 'number' ? { numerator: value, denominator: 1 } : value;

/**
 * DESIGN "Metric definitions — Trend": change vs the previous month in whole percent, rounded half up,
 * ↓ / ↑ / → (→ when equal). Zero previous month: 0 → 0 is "→ 0 %"; 0 → n is "↑" with no percent
 * (a change from nothing has no finite ratio). Null when either month has no value (e.g. no MTTR).
 * Inputs are non-negative integers or fractions of them.
 */
export function trendOf(current: number | Fraction | null, previous: number | Fraction | null): Trend | null {
  if (current === null || previous === null) return null;
  const cur = asFraction(current);
  const prev = asFraction(previous);
  // cur/prev − 1 = (c·p' − p·c') / (p·c'), all integers.
  const curScaled = cur.numerator * prev.denominator;
  const prevScaled = prev.numerator * cur.denominator;
  if (curScaled === prevScaled) return { arrow: '→', percent: 0 };
  const arrow: TrendArrow = curScaled > prevScaled ? '↑' : '↓';
  if (prevScaled === 0) return { arrow, percent: null };
  return { arrow, percent: roundHalfUpRatio(100 * Math.abs(curScaled - prevScaled), prevScaled) };
}
