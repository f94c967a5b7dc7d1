import type { MaturityAssessment, MonthlyTrendReport, MonthPoint } from '../domain/trends';
import type { Result } from './errors';

export type { MaturityAssessment, MonthlyTrendReport, MonthPoint };

export interface TrendsView {
  month: string;
  /** The projects asked for; empty = every project the viewer can browse. */
  projectKeys: string[];
  /** The projects whose figures these are: those asked for, or every project the viewer can browse. */
  projectsShown: string[];
  report: MonthlyTrendReport;
  series: MonthPoint[];
  maturity: MaturityAssessment;
  /** The month's report in the reference's Markdown format (copy / download). */
  markdown: string;
  /** When the Jira reads behind the month began (the app computes the figures, not the viewer). */
  computedAt: string;
  /** The searches behind the report (its whole window) and, for the overview's link, the month alone. */
  jql: { incidents: string; actionItems: string; finalPostmortems: string; monthIncidents?: string };
}

export type TrendsAnswer =
  | { state: 'ready'; trends: TrendsView }
  /** A cold refresh too large for a resolver's 25 s runs in the async consumer; poll again. */
  | { state: 'computing'; startedAt: string; progress?: TrendsProgress };

/** How far the async consumer has read; `issuesTotal` is Jira's approximate count. */
export interface TrendsProgress {
  issuesRead: number;
  issuesTotal: number;
}

export interface PostmortemSearchHit {
  key: string;
  url: string;
  summary: string;
  severity: string | null;
  category: string | null;
  finalizedAt: string | null;
  rootCause: string;
}

export interface PostmortemSearch {
  text?: string;
  category?: string;
  severity?: string;
  /** Finalized on or after / before, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

/** Resolver calls behind the `jira:globalPage` "Incident learning" (Custom UI, static/global-page). */
export type GlobalPageApi = {
  getTrends: (payload: { month: string; projectKeys: string[] }) => Result<TrendsAnswer>;
  searchPostmortems: (payload: PostmortemSearch) => Result<{ jql: string; hits: PostmortemSearchHit[] }>;
};
