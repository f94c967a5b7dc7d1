import type { IncidentRecord } from './trend-records';

export const UNCATEGORIZED = 'Uncategorized';

// DESIGN "Data conventions — Category": the postmortem's category, else the first component, else
// Uncategorized — unless the caller already read it from the admin's configured source.
export function categoryOf(incident: Pick<IncidentRecord, 'postmortem' | 'components' | 'category'>): string {
  if (incident.category !== undefined) return incident.category?.trim() || UNCATEGORIZED;
  const fromPostmortem = incident.postmortem?.category?.trim();
  if (fromPostmortem) return fromPostmortem;
  const component = incident.components[0]?.trim();
  return component ? component : UNCATEGORIZED;
}
