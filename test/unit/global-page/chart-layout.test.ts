import { chartScale } from '../../../static/global-page/src/logic/chart-scale';
import { layoutBars } from '../../../static/global-page/src/logic/layout-bars';

describe('chartScale', () => {
  it('rounds the axis up to a nice step', () => {
    const scale = chartScale([3, 7, 38]);
    expect(scale.max).toBe(40);
    expect(scale.ticks).toEqual([0, 10, 20, 30, 40]);
  });
  it('uses 2.5-steps where they fit best', () => {
    expect(chartScale([9]).ticks).toEqual([0, 2.5, 5, 7.5, 10]);
  });
  it('keeps counts on whole ticks', () => {
    const scale = chartScale([3], { integers: true });
    expect(scale.ticks.every(Number.isInteger)).toBe(true);
    expect(scale.max).toBeGreaterThanOrEqual(3);
  });
  it('draws a baseline for an all-zero or empty series instead of dividing by zero', () => {
    expect(chartScale([0, 0]).max).toBe(1);
    expect(chartScale([]).ticks).toEqual([0, 1]);
    expect(chartScale([0]).heightOf(0, 100)).toBe(0);
  });
  it('maps values to heights within the plot', () => {
    const scale = chartScale([50, 100]);
    expect(scale.max).toBe(100);
    expect(scale.heightOf(50, 200)).toBe(100);
    expect(scale.heightOf(-5, 200)).toBe(0);
    expect(scale.heightOf(500, 200)).toBe(200);
  });
  it('ignores non-finite values', () => {
    expect(chartScale([Number.NaN, 4], { integers: true }).max).toBe(4);
  });
});

const plot = { left: 40, top: 10, width: 300, height: 100 };

describe('layoutBars', () => {
  it('stacks series bottom-up per month on one scale', () => {
    // Totals 4 and 10 → axis 0..10 (integers): 10 px per incident.
    const layout = layoutBars(
      ['2025-01', '2025-02'],
      [
        { name: 'SEV-1', color: 'red', values: [1, 4] },
        { name: 'SEV-2', color: 'amber', values: [3, 6] },
      ],
      plot,
      { integers: true },
    );
    expect(layout.ticks.at(-1)).toEqual({ value: 10, y: 10 });
    const feb = layout.rects.filter((r) => r.category === '2025-02');
    expect(feb.map((r) => [r.series, r.y, r.height])).toEqual([
      ['SEV-1', 70, 40],
      ['SEV-2', 10, 60],
    ]);
    const jan = layout.rects.filter((r) => r.category === '2025-01');
    expect(jan.map((r) => [r.series, r.y, r.height])).toEqual([
      ['SEV-1', 100, 10],
      ['SEV-2', 70, 30],
    ]);
  });
  it('centres bars of 60% slot width in each slot', () => {
    const layout = layoutBars(['a', 'b', 'c'], [{ name: 's', color: 'c', values: [1, 1, 1] }], plot);
    // Slot 100 px → bar 60 px, 20 px margin each side.
    expect(layout.rects.map((r) => [r.x, r.width])).toEqual([
      [60, 60],
      [160, 60],
      [260, 60],
    ]);
    expect(layout.labels.map((l) => l.x)).toEqual([90, 190, 290]);
  });
  it('draws nothing for null or zero values', () => {
    const layout = layoutBars(['a', 'b'], [{ name: 's', color: 'c', values: [null, 0] }], plot);
    expect(layout.rects).toEqual([]);
    expect(layout.ticks[0]).toEqual({ value: 0, y: 110 });
  });
  it('keeps a percentage chart on a 0–100 axis', () => {
    const layout = layoutBars(['a'], [{ name: 's', color: 'c', values: [50] }], plot, { fixedMax: 100 });
    expect(layout.ticks.at(-1)?.value).toBe(100);
    expect(layout.rects[0]?.height).toBe(50);
  });
});
