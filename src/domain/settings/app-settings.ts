import { z } from 'zod';

/** DESIGN.md "Data conventions": every default the app works with, configurable on the settings page. */
export const appSettingsSchema = z.object({
  incidentJql: z.string().trim().min(1).default('issuetype = Incident'),
  projectKeys: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'a Jira project key such as INC')).default([]),
  severitySource: z
    .object({
      kind: z.enum(['labels-then-priority', 'custom-field']).default('labels-then-priority'),
      customFieldId: z.string().optional(),
    })
    .default({ kind: 'labels-then-priority' }),
  categorySource: z.enum(['postmortem-then-component', 'component']).default('postmortem-then-component'),
  timeZone: z
    .string()
    .refine((zone) => isKnownTimeZone(zone), 'an IANA time zone such as Europe/Berlin')
    .default('UTC'),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')).default([]),
  userImpactMinutesThreshold: z.number().int().min(0).default(15),
  finalizationLabel: z.string().regex(/^\S+$/, 'a Jira label (no spaces)').default('POSTMORTEM-FINAL'),
  actionItemLabel: z.string().regex(/^\S+$/, 'a Jira label (no spaces)').default('postmortem-action'),
  actionItemFallbackIssueType: z.string().trim().min(1).default('Task'),
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
