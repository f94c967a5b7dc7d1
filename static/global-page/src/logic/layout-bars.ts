import { chartScale } from './chart-scale';

export interface ChartSeries {
  name: string;
  /** A design-token colour (already resolved with `token()`), so light and dark themes both work. */
  color: string;
  /** One value per category (month); null = no data, drawn as nothing. */
  values: ReadonlyArray<number | null>;
}

export interface BarRect {
  series: string;
  category: string;
  value: number;
  color: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarLayout {
  rects: BarRect[];
  ticks: Array<{ value: number; y: number }>;
  labels: Array<{ text: string; x: number }>;
}

export interface PlotBox {
  /** Left edge of the plot (room for the y-axis labels), top, and plot size in SVG units. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Stacked bars, one column per category; a single series is a plain bar chart. Pure geometry so the
 * chart can be tested in node: values stack bottom-up in series order, on a scale from 0.
 */
export function layoutBars(
  categories: readonly string[],
  series: readonly ChartSeries[],
  plot: PlotBox,
  options: { integers?: boolean; fixedMax?: number } = {},
): BarLayout {
  const totals = categories.map((_, index) =>
    series.reduce((sum, s) => sum + Math.max(0, s.values[index] ?? 0), 0),
  );
  const scale = chartScale(options.fixedMax === undefined ? totals : [...totals, options.fixedMax], {
    integers: options.integers ?? false,
  });
  const slot = categories.length === 0 ? 0 : plot.width / categories.length;
  // Bars fill 60 % of their slot; the gap keeps neighbouring months readable.
  const barWidth = slot * 0.6;
  const baseline = plot.top + plot.height;
  const rects: BarRect[] = [];
  categories.forEach((category, index) => {
    const x = plot.left + index * slot + (slot - barWidth) / 2;
    let stacked = 0;
    for (const s of series) {
      const value = s.values[index];
      if (value === null || value === undefined || value <= 0) continue;
      const bottom = scale.heightOf(stacked, plot.height);
      stacked += value;
      const top = scale.heightOf(stacked, plot.height);
      rects.push({
        series: s.name,
        category,
        value,
        color: s.color,
        x,
        y: baseline - top,
        width: barWidth,
        height: top - bottom,
      });
    }
  });
  return {
    rects,
    ticks: scale.ticks.map((value) => ({ value, y: baseline - scale.heightOf(value, plot.height) })),
    labels: categories.map((text, index) => ({ text, x: plot.left + index * slot + slot / 2 })),
  };
}
