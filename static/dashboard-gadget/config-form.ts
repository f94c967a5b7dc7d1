import {
  DEFAULT_GADGET_ROWS,
  gadgetConfigSchema,
  type GadgetConfig,
} from '../../src/contract/dashboard-gadget-api';

/** The edit view's fields as typed: project keys separated by commas or spaces, and the rows. */
export interface ConfigForm {
  projectKeys: string;
  rows: string;
}

export type ConfigCheck =
  { ok: true; config: GadgetConfig } | { ok: false; problems: Partial<Record<keyof ConfigForm, string>> };

/** The form as the stored configuration fills it; what it cannot read starts from the defaults. */
export function configForm(stored: Record<string, unknown>): ConfigForm {
  const keys = Array.isArray(stored.projectKeys)
    ? stored.projectKeys.filter((key) => typeof key === 'string')
    : [];
  const rows = typeof stored.rows === 'number' ? stored.rows : DEFAULT_GADGET_ROWS;
  return { projectKeys: keys.join(', '), rows: String(rows) };
}

/**
 * The configuration to submit, checked by the same schema the resolver reads it with, so a gadget
 * is never saved with a configuration it would then refuse. Jira's own `refresh` is kept as stored.
 */
export function checkConfigForm(form: ConfigForm, stored: Record<string, unknown>): ConfigCheck {
  const rows = form.rows.trim();
  const parsed = gadgetConfigSchema.safeParse({
    projectKeys: form.projectKeys.split(/[\s,]+/).filter((key) => key.length > 0),
    rows: /^\d+$/.test(rows) ? Number(rows) : Number.NaN,
    ...(typeof stored.refresh === 'number' ? { refresh: stored.refresh } : {}),
  });
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems: Partial<Record<keyof ConfigForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'rows' ? 'rows' : 'projectKeys';
    problems[field] ??= field === 'rows' ? `Rows: ${issue.message}.` : `Projects: ${issue.message}.`;
  }
  return { ok: false, problems };
}
