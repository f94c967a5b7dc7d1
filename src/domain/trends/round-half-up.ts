/**
 * numerator ÷ denominator rounded half up, exactly, for non-negative integers (DESIGN rounds MTTR and
 * percentages "half up"; float division would turn 82.5 into 82.49999… for some inputs).
 */
export function roundHalfUpRatio(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('roundHalfUpRatio: denominator must be positive');
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Whole percent of part ÷ whole, rounded half up; null when whole is 0 (no data, not 0 %). */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundHalfUpRatio(100 * part, whole);
}
