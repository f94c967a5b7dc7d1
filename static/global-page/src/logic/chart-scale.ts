export interface ChartScale {
  /** The axis maximum: a "nice" number ≥ the data maximum, so gridlines land on round values. */
  max: number;
  ticks: number[];
  /** Pixel height of a value on a plot `height` pixels tall, never negative or taller than the plot. */
  heightOf: (value: number, height: number) => number;
}

/**
 * 1, 2, 2.5, 5 × 10^k: the smallest such step giving at most `maxTicks` intervals up to `dataMax`.
 * Counts skip 2.5 (rounding it up to 3 would give odd axes like 0, 3, 6, 9, 12).
 */
function niceStep(dataMax: number, maxTicks: number, integers: boolean): number {
  const rough = dataMax / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const factor of integers ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    if (step >= rough) return step;
  }
  return 10 * magnitude;
}

/**
 * A linear scale from 0 for bar charts. An all-zero (or empty) series still gets an axis up to 1 so
 * the chart draws its baseline instead of dividing by zero. `integers` keeps counts on whole ticks.
 */
export function chartScale(
  values: readonly number[],
  options: { maxTicks?: number; integers?: boolean } = {},
) {
  const maxTicks = options.maxTicks ?? 4;
  const dataMax = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  let step = dataMax === 0 ? 1 : niceStep(dataMax, maxTicks, options.integers ?? false);
  if (options.integers) step = Math.max(1, Math.ceil(step));
  const max = Math.max(step, Math.ceil(dataMax / step) * step);
  const ticks: number[] = [];
  // Rounded to avoid 0.30000000000000004-style labels from repeated float addition.
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Math.round(tick * 1000) / 1000);
  const scale: ChartScale = {
    max,
    ticks,
    heightOf: (value, height) => (value <= 0 ? 0 : Math.min(height, (value / max) * height)),
  };
  return scale;
}
