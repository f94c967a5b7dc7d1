export type { IncidentRecord, ActionItemRecord } from './trend-records';
export { categoryOf, UNCATEGORIZED } from './category-of';
export { monthKeyOf } from './month-key-of';
export { severityOf } from './severity-of';
export { timeToRestoreMinutes } from './time-to-restore-minutes';
export { trendOf, type Trend, type TrendArrow, type Fraction } from './trend-of';
export { businessDaysBetween } from './business-days-between';
export {
  processMetrics,
  processMetricsOf,
  type ProcessMetric,
  type ProcessMetrics,
  type ProcessMetricsInput,
} from './process-metrics';
export {
  aggregateByMonth,
  aggregateByProjectMonth,
  emptyMonthAggregate,
  mergeMonthAggregates,
  projectMonthAggregator,
  type ProjectMonthAggregator,
  type AggregateOptions,
  type CategoryTally,
  type DueTally,
  type MonthAggregate,
} from './month-aggregate';
export {
  monthlyTrendReport,
  monthlyTrendReportOf,
  type MonthlyTrendReport,
  type MonthlyTrendReportInput,
  type Comparison,
  type Completion,
} from './monthly-trend-report';
export { trendRecommendations, type Recommendation, type TopCategory } from './trend-recommendations';
export { renderTrendReportMarkdown } from './render-trend-report-markdown';
export {
  twelveMonthSeries,
  twelveMonthSeriesOf,
  type MonthPoint,
  type TwelveMonthSeriesInput,
} from './twelve-month-series';
export {
  maturityLevel,
  type MaturityEvidence,
  type MaturityAssessment,
  type MaturityCriterion,
  type MaturityLevelRow,
  type MaturityLevelNumber,
} from './maturity-level';
export { maturityEvidence, type MaturityEvidenceInput } from './maturity-evidence';
