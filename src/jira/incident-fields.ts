import { z } from 'zod';

/**
 * An incident's fields as the postmortem rules read them from a search: its dates, and the labels and
 * priority the severity may come from (a custom severity field rides along in the loose object).
 */
export const incidentRuleFields = z.looseObject({
  summary: z.string().default(''),
  created: z.string(),
  resolutiondate: z.string().nullish(),
  labels: z.array(z.string()).default([]),
  priority: z.looseObject({ name: z.string() }).nullish(),
});
