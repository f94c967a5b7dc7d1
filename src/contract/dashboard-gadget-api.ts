import { z } from 'zod';
import type { PostmortemStatus } from '../domain/postmortem';
import type { Comparison } from '../domain/trends';
import { answering, type ApiOf } from './resolver-contract';

export type { Comparison, PostmortemStatus };

/** How many rows each list shows when the gadget has not been configured. */
export const DEFAULT_GADGET_ROWS = 5;
export const MAX_GADGET_ROWS = 25;
/** As many projects as the global page's filter takes. */
export const MAX_GADGET_PROJECTS = 20;

// Normalised (trimmed, upper case) and de-duplicated, like the global page's project filter.
const projectKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]+$/, 'a Jira project key such as INC');

/**
 * A gadget's configuration, as its edit view submits it (`view.submit`) and Jira stores it per gadget
 * (`context.extension.gadgetConfiguration`, https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/).
 * A gadget never configured has `{}`: every project the viewer can browse, the default rows.
 * `refresh` is Jira's own field (auto-refresh in minutes, a positive integer), kept as Jira reads it.
 */
export const gadgetConfigSchema = z.strictObject({
  projectKeys: z
    .array(projectKey)
    .max(MAX_GADGET_PROJECTS, `at most ${MAX_GADGET_PROJECTS} projects`)
    .default([])
    .transform((keys) => [...new Set(keys)].sort()),
  rows: z
    .number()
    .int('a whole number of rows')
    .min(1, 'at least 1 row')
    .max(MAX_GADGET_ROWS, `at most ${MAX_GADGET_ROWS} rows`)
    .default(DEFAULT_GADGET_ROWS),
  refresh: z.number().int().positive().optional(),
});

export type GadgetConfig = z.output<typeof gadgetConfigSchema>;
export type GadgetConfigInput = z.input<typeof gadgetConfigSchema>;

/** An action item (child issue of a postmortem) past its due date and not done. */
export interface OverdueActionItem {
  key: string;
  url: string;
  summary: string;
  assignee: string | null;
  dueDate: string;
  daysOverdue: number;
  /** The incident whose postmortem created it; null when Jira does not say. */
  incidentKey: string | null;
}

/** A postmortem whose next deadline (48 h meeting or 5-business-day document) is near or past. */
export interface PostmortemDue {
  key: string;
  url: string;
  summary: string;
  status: PostmortemStatus | null;
  deadline: 'meeting' | 'document';
  dueAt: string;
  state: 'due-soon' | 'overdue';
}

/** A list cut to the configured rows; `more` says there were others. */
export interface GadgetList<T> {
  items: T[];
  more: boolean;
}

export interface FollowThroughView {
  /** When the figures were read (the gadget shows "Updated … ago"). */
  asOf: string;
  /** The projects asked for in the gadget's configuration; empty = every project the viewer can browse. */
  configuredProjects: string[];
  /** How many configured projects are left out because the viewer cannot browse them. */
  hiddenProjects: number;
  rows: number;
  overdueActionItems: GadgetList<OverdueActionItem>;
  postmortemsDue: GadgetList<PostmortemDue>;
  /** SEV-1 and SEV-2 incidents created this month (configured time zone) against last month, and their MTTR. */
  majorIncidents: {
    month: string;
    previousMonth: string;
    count: Comparison<number>;
    mttrMinutes: Comparison<number | null>;
  };
}

/**
 * Resolver calls behind the `jira:dashboardGadget` "Postmortem follow-through" (UI Kit,
 * static/dashboard-gadget). The configuration is not in the payload: the platform hands the resolver
 * the one Jira stored for the gadget.
 */
export const dashboardGadgetContract = {
  getFollowThrough: answering<FollowThroughView>()(z.strictObject({}), 'signed-in'),
};

export type DashboardGadgetApi = ApiOf<typeof dashboardGadgetContract>;
