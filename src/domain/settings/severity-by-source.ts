import { normalizeSeverity, type Severity } from '../postmortem';
import type { AppSettings } from './app-settings';

export interface SeverityEvidence {
  labels: readonly string[];
  priorityName: string | null | undefined;
  /** The fields as Jira returns them, for a custom severity field. */
  fields?: Readonly<Record<string, unknown>>;
}

type SeveritySource = AppSettings['severitySource'];

/** The fields a search must request so `severityBySource` can read the configured source. */
export function severityFieldIds(source: SeveritySource): string[] {
  const fromSource = source.kind === 'custom-field' && source.customFieldId ? [source.customFieldId] : [];
  return ['labels', 'priority', ...fromSource];
}

function fromLabels(labels: readonly string[]): Severity | null {
  for (const label of labels) {
    const severity = normalizeSeverity(label);
    if (severity) return severity;
  }
  return null;
}

function fromPriority(source: SeveritySource, priorityName: string | null | undefined): Severity | null {
  const wanted = (priorityName ?? '').trim().toLowerCase();
  if (!wanted) return null;
  for (const [priority, severity] of Object.entries(source.priorityMapping)) {
    if (priority.trim().toLowerCase() === wanted) return severity;
  }
  return null;
}

/** A select list answers `{ value }`, a text field a string, a labels-like field a list. */
function fromCustomField(value: unknown): Severity | null {
  if (typeof value === 'string') return normalizeSeverity(value);
  if (Array.isArray(value)) {
    for (const entry of value) {
      const severity = fromCustomField(entry);
      if (severity) return severity;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return fromCustomField(record.value ?? record.name ?? null);
  }
  return null;
}

// DESIGN.md "Data conventions — Severity", as the admin configured it: labels, the priority mapping, or a custom field.
export function severityBySource(source: SeveritySource, evidence: SeverityEvidence): Severity | null {
  switch (source.kind) {
    case 'labels':
      return fromLabels(evidence.labels);
    case 'priority':
      return fromPriority(source, evidence.priorityName);
    case 'custom-field':
      return source.customFieldId ? fromCustomField(evidence.fields?.[source.customFieldId]) : null;
    case 'labels-then-priority':
      return fromLabels(evidence.labels) ?? fromPriority(source, evidence.priorityName);
  }
}
