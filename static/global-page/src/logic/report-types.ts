import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';

// The contract re-exports the report only; the pieces the page formats are derived from it so
// they follow the backend's types without importing src/domain (lint forbids that).
export type Trend = NonNullable<MonthlyTrendReport['sev1']['trend']>;
export type Completion = MonthlyTrendReport['actionItemsCompleted']['current'];
export type ProcessMetric = MonthlyTrendReport['processMetrics']['postmortemCompletionRate'];
export type TopCategory = MonthlyTrendReport['topCategories'][number];
export type Recommendation = MonthlyTrendReport['recommendations'][number];
