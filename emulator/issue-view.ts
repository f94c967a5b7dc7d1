/** Renders a stored issue the way Jira answers it: chosen fields, properties and expanded changelog. */
import type { EmulatedIssue } from './emulator-types';

const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

/** `fields` as Jira reads it: `*all`/`*navigable`, names, and `-name` exclusions. */
export function selectFields(all: Record<string, unknown>, requested: string[]): Record<string, unknown> {
  const wantsAll = requested.some((f) => f === '*all' || f === '*navigable');
  const excluded = new Set(requested.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const named = requested.filter((f) => !f.startsWith('-') && !f.startsWith('*'));
  const selected: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all)) {
    if (excluded.has(name)) continue;
    if (wantsAll || named.includes(name)) selected[name] = value;
  }
  return selected;
}

export function selectProperties(issue: EmulatedIssue, requested: string[]): Record<string, unknown> {
  const all = requested.includes('*all');
  const selected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(issue.properties)) {
    if (all || requested.includes(key)) selected[key] = value;
  }
  return selected;
}

export interface IssueViewOptions {
  fields: string[];
  expand: string[];
  properties: string[];
}

/** Shares the stored values: every caller serialises the view straight away (no copy needed). */
export function issueView(
  issue: EmulatedIssue,
  self: string,
  options: IssueViewOptions,
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    expand: EXPAND,
    id: issue.id,
    self,
    key: issue.key,
    fields: selectFields(issue.fields, options.fields),
  };
  if (options.properties.length > 0) view.properties = selectProperties(issue, options.properties);
  if (options.expand.includes('changelog')) {
    view.changelog = {
      startAt: 0,
      maxResults: issue.histories.length,
      total: issue.histories.length,
      histories: issue.histories,
    };
  }
  return view;
}
