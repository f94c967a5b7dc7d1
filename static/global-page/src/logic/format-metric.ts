import { NONE } from './format-trend';
import type { ProcessMetric } from './report-types';

const withUnit = (value: number, unit: ProcessMetric['unit']): string =>
  unit === '%' ? `${value}%` : `${value} business days`;

/** The measured value: `82%`, `3.4 business days`, or a dash when the month has no data. */
export function formatMetricValue(metric: ProcessMetric): string {
  return metric.value === null ? NONE : withUnit(metric.value, metric.unit);
}

/** The target as the reference words it: `100%`, `≤ 5 business days`, `≥ 80%`, `< 20%`. */
export function formatMetricTarget(metric: ProcessMetric): string {
  const target = withUnit(metric.target, metric.unit);
  return metric.comparator === '=' ? target : `${metric.comparator} ${target}`;
}
