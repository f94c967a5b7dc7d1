import { z } from 'zod';
import { SEVERITIES } from '../domain/postmortem';
import { projectKeySchema } from '../domain/settings/app-settings';
import type { MaturityAssessment, MonthlyTrendReport, MonthPoint } from '../domain/trends';
import { answering, type ApiOf } from './resolver-contract';

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

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
// Normalised (trimmed, upper case) and de-duplicated, so `["inc", "INC"]` is one project, not two.
const projectKey = z.string().trim().toUpperCase().pipe(projectKeySchema);
const projectKeys = z
  .array(projectKey)
  .max(20)
  .transform((keys) => [...new Set(keys)].sort());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const postmortemSearchSchema = z.object({
  text: z.string().max(200).optional(),
  category: z.string().max(255).optional(),
  severity: z.enum(SEVERITIES).optional(),
  /** Finalized on or after / before, YYYY-MM-DD. */
  from: day.optional(),
  to: day.optional(),
});

export type PostmortemSearch = z.infer<typeof postmortemSearchSchema>;

/**
 * Resolver calls behind the `jira:globalPage` "Incident learning" (Custom UI, static/global-page). Every
 * Jira read behind them is made as the viewer, so each sees only the projects they may browse.
 */
export const globalPageContract = {
  getTrends: answering<TrendsAnswer>()(z.object({ month, projectKeys }), 'signed-in'),
  searchPostmortems: answering<{ jql: string; hits: PostmortemSearchHit[] }>()(
    postmortemSearchSchema,
    'signed-in',
  ),
};

export type GlobalPageApi = ApiOf<typeof globalPageContract>;
