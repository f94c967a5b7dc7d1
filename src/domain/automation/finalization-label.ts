/** Step 3 of the reference: the label whose addition publishes a postmortem. */
export const FINALIZATION_LABEL = 'POSTMORTEM-FINAL';

export interface FieldChange {
  field: string;
  fieldId?: string | undefined;
  fromString?: string | null | undefined;
  toString?: string | null | undefined;
}

const labelTokens = (value: string | null | undefined) => new Set((value ?? '').split(/\s+/).filter(Boolean));

const touchesLabels = (item: FieldChange) => item.fieldId === 'labels' || item.field === 'labels';

/**
 * Step 3 ("Trigger: POSTMORTEM-FINAL label added"): true only when the label is absent before and
 * present after this change. Jira sends labels as space-separated `fromString`/`toString` tokens.
 */
export function wasLabelAdded(items: readonly FieldChange[], label: string = FINALIZATION_LABEL): boolean {
  return items.some(
    (item) =>
      touchesLabels(item) &&
      !labelTokens(item.fromString).has(label) &&
      labelTokens(item.toString).has(label),
  );
}

/** The label withdrawn in this change: the postmortem goes back to DRAFT, as the panel's Reopen does. */
export function wasLabelRemoved(items: readonly FieldChange[], label: string = FINALIZATION_LABEL): boolean {
  return items.some(
    (item) =>
      touchesLabels(item) &&
      labelTokens(item.fromString).has(label) &&
      !labelTokens(item.toString).has(label),
  );
}
