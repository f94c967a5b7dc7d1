import { describeTrend } from '../../../static/global-page/src/logic/describe-trend';
import { formatCompletion } from '../../../static/global-page/src/logic/format-completion';
import { formatMetricTarget, formatMetricValue } from '../../../static/global-page/src/logic/format-metric';
import { formatMinutes } from '../../../static/global-page/src/logic/format-minutes';
import { formatTrend } from '../../../static/global-page/src/logic/format-trend';
import { jqlSearchUrl } from '../../../static/global-page/src/logic/jql-search-url';
import { markdownFileName } from '../../../static/global-page/src/logic/markdown-file-name';
import { metricStatus } from '../../../static/global-page/src/logic/metric-status';
import { monthLabel } from '../../../src/domain/trends/month-label';
import type { ProcessMetric } from '../../../static/global-page/src/logic/report-types';

describe('formatTrend', () => {
  it('shows arrow and percent as the reference (↓ 50%)', () => {
    expect(formatTrend({ arrow: '↓', percent: 50 })).toBe('↓ 50%');
    expect(formatTrend({ arrow: '→', percent: 0 })).toBe('→ 0%');
  });
  it('shows the arrow alone from zero or when the row has no percent', () => {
    expect(formatTrend({ arrow: '↑', percent: null })).toBe('↑');
    expect(formatTrend({ arrow: '↑', percent: 64 }, false)).toBe('↑');
  });
  it('shows a dash without a comparison', () => {
    expect(formatTrend(null)).toBe('–');
  });
});

describe('describeTrend', () => {
  it('words the trend for screen readers', () => {
    expect(describeTrend({ arrow: '↓', percent: 31 })).toBe('down 31%');
    expect(describeTrend({ arrow: '↑', percent: null })).toBe('up from zero');
    expect(describeTrend({ arrow: '→', percent: 0 })).toBe('unchanged');
    expect(describeTrend(null)).toBe('no comparison available');
  });
});

describe('formatCompletion', () => {
  it('is done/created (pct%) as in the reference', () => {
    expect(formatCompletion({ done: 9, created: 11, percent: 82 })).toBe('9/11 (82%)');
    expect(formatCompletion({ done: 8, created: 16, percent: 50 })).toBe('8/16 (50%)');
  });
  it('drops the percent when nothing was created', () => {
    expect(formatCompletion({ done: 0, created: 0, percent: null })).toBe('0/0');
  });
});

describe('formatMinutes', () => {
  it('is minutes or a dash', () => {
    expect(formatMinutes(38)).toBe('38 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(null)).toBe('–');
  });
});

const metric = (patch: Partial<ProcessMetric>): ProcessMetric => ({
  value: 82,
  unit: '%',
  target: 80,
  comparator: '≥',
  met: true,
  numerator: 9,
  denominator: 11,
  ...patch,
});

describe('process metric formatting', () => {
  it('formats value and target per unit and comparator', () => {
    expect(formatMetricValue(metric({}))).toBe('82%');
    expect(formatMetricTarget(metric({}))).toBe('≥ 80%');
    expect(formatMetricTarget(metric({ target: 100, comparator: '=' }))).toBe('100%');
    expect(formatMetricTarget(metric({ target: 20, comparator: '<' }))).toBe('< 20%');
    const days = metric({ value: 3.4, unit: 'business days', target: 5, comparator: '≤' });
    expect(formatMetricValue(days)).toBe('3.4 business days');
    expect(formatMetricTarget(days)).toBe('≤ 5 business days');
    expect(formatMetricValue(metric({ value: null }))).toBe('–');
  });
  it('maps met to a lozenge, null to no data', () => {
    expect(metricStatus({ met: true })).toEqual({ text: 'Met', appearance: 'success' });
    expect(metricStatus({ met: false })).toEqual({ text: 'Not met', appearance: 'removed' });
    expect(metricStatus({ met: null })).toEqual({ text: 'No data', appearance: 'default' });
  });
});

describe('monthLabel', () => {
  it('names the month long or short', () => {
    expect(monthLabel('2025-02')).toBe('February 2025');
    expect(monthLabel('2025-02', true)).toBe('Feb 2025');
    expect(monthLabel('2024-12', true)).toBe('Dec 2024');
  });
  it('returns unknown text unchanged', () => {
    expect(monthLabel('2025-13')).toBe('2025-13');
  });
});

describe('jqlSearchUrl', () => {
  it('encodes the JQL for the issue navigator', () => {
    expect(jqlSearchUrl('project = INC AND labels = "postmortem-action"')).toBe(
      '/issues/?jql=project%20%3D%20INC%20AND%20labels%20%3D%20%22postmortem-action%22',
    );
  });
  it('prefixes the site URL without a double slash', () => {
    expect(jqlSearchUrl('a = b', 'https://acme.atlassian.net/')).toBe(
      'https://acme.atlassian.net/issues/?jql=a%20%3D%20b',
    );
  });
});

describe('markdownFileName', () => {
  it('is incident-trend-report-YYYY-MM.md', () => {
    expect(markdownFileName('2025-02')).toBe('incident-trend-report-2025-02.md');
  });
});
