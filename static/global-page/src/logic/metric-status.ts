import type { ProcessMetric } from './report-types';

export interface MetricStatus {
  text: 'Met' | 'Not met' | 'No data';
  appearance: 'success' | 'removed' | 'default';
}

/** The Lozenge for a metric; `met: null` means no data in the month, which is neither good nor bad. */
export function metricStatus(metric: Pick<ProcessMetric, 'met'>): MetricStatus {
  if (metric.met === null) return { text: 'No data', appearance: 'default' };
  return metric.met ? { text: 'Met', appearance: 'success' } : { text: 'Not met', appearance: 'removed' };
}
