import { z } from 'zod';
import { APPROVALS_REQUIRED } from '../review/review-record';

const severity = z.enum(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);

/** Jira's default priorities, as DESIGN "Data conventions" maps them. */
export const DEFAULT_PRIORITY_MAPPING: Record<string, 'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4'> = {
  Highest: 'SEV-1',
  High: 'SEV-2',
  Medium: 'SEV-3',
  Low: 'SEV-4',
  Lowest: 'SEV-4',
};

/** A Jira project key (INC, OPS_2): the one pattern, for the settings and the resolver payloads. */
export const projectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'a Jira project key such as INC');

/** DESIGN.md "Data conventions": every default the app works with, configurable on the settings page. */
export const appSettingsSchema = z.object({
  incidentJql: z.string().trim().min(1).default('issuetype = Incident'),
  projectKeys: z.array(projectKeySchema).default([]),
  // DESIGN "Data conventions — Severity": a SEV label wins, else the priority mapped to a severity; or a custom field.
  severitySource: z
    .object({
      kind: z
        .enum(['labels-then-priority', 'labels', 'priority', 'custom-field'])
        .default('labels-then-priority'),
      customFieldId: z
        .string()
        .regex(/^customfield_\d+$/, 'a custom field id such as customfield_10050')
        .optional(),
      priorityMapping: z.record(z.string().trim().min(1), severity).default(DEFAULT_PRIORITY_MAPPING),
    })
    .superRefine((source, context) => {
      if (source.kind === 'custom-field' && !source.customFieldId)
        context.addIssue({
          code: 'custom',
          path: ['customFieldId'],
          message: 'Pick the custom field that holds the severity.',
        });
    })
    .default({ kind: 'labels-then-priority', priorityMapping: DEFAULT_PRIORITY_MAPPING }),
  categorySource: z.enum(['postmortem-then-component', 'component']).default('postmortem-then-component'),
  timeZone: z
    .string()
    .refine((zone) => isKnownTimeZone(zone), 'an IANA time zone such as Europe/Berlin')
    .default('UTC'),
  holidays: z
    .array(
      z
        .string()
        .refine(isCalendarDay, { error: (issue) => `"${String(issue.input)}" is not a date as YYYY-MM-DD` }),
    )
    .max(366)
    .default([]),
  userImpactMinutesThreshold: z.number().int().min(0).default(15),
  finalizationLabel: z.string().regex(/^\S+$/, 'a Jira label (no spaces)').default('POSTMORTEM-FINAL'),
  actionItemLabel: z.string().regex(/^\S+$/, 'a Jira label (no spaces)').default('postmortem-action'),
  actionItemFallbackIssueType: z.string().trim().min(1).default('Task'),
  // Issue 17: an action item this many days past its due day gets one comment on its child; null: never.
  escalateOverdueAfterDays: z.number().int().min(1).max(365).nullable().default(7),
  // Issue 15: how many current approvals Finalize needs; none keeps finalization as it was before reviews.
  approvalsRequired: z.enum(APPROVALS_REQUIRED).default('none'),
  // Issue 15 "Templates sized to severity": the minor severities written with the short template
  // (summary, impact, what happened, action items); SEV-1/2 always keep the full one. None by default.
  shortTemplateSeverities: z.array(z.enum(['SEV-3', 'SEV-4'])).default([]),
  // Reference "Maturity Levels": the criteria Jira data cannot show, declared by an admin.
  maturityDeclarations: z
    .object({
      crossTeamSharing: z.boolean().default(false),
      learningLoopInArchitectureReviews: z.boolean().default(false),
    })
    .default({ crossTeamSharing: false, learningLoopInArchitectureReviews: false }),
});

export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_SETTINGS: AppSettings = appSettingsSchema.parse({});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `YYYY-MM-DD` naming a day that exists (not 2026-02-30). */
function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
