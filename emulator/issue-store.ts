/** The emulator's issues: create, edit (with changelog), seed, and lookup by id or key. */
import {
  appUserBean,
  canBrowseProject,
  mayCreate,
  permissionsOf,
  userBean,
  type Directory,
  type EmulatedProject,
} from './directory';
import { EMULATED_CUSTOM_FIELDS } from './field-routes';
import {
  asRecord,
  asString,
  changelogValue,
  findIssueType,
  isDoneStatus,
  issueTypeBean,
  priorityBean,
  projectBean,
  reference,
  resolveProject,
  resolveUser,
  statusBean,
} from './field-values';
import {
  jiraTimestamp,
  type ChangelogHistory,
  type ChangelogItem,
  type EmulatedIssue,
} from './emulator-types';
import type { SearchIndex } from './search-index';

export interface StoreContext {
  directory: Directory;
  baseUrl: string;
  now: () => Date;
  /** Every write goes here too; search reads it, after its lag. */
  searchIndex: SearchIndex;
}

export interface Actor {
  accountId: string;
  asApp: boolean;
}

export type FieldErrors = Record<string, string>;

export type CreateResult = { ok: true; issue: EmulatedIssue } | { ok: false; errors: FieldErrors };

export type EditResult =
  | { ok: true; issue: EmulatedIssue; history: ChangelogHistory | undefined }
  | { ok: false; errors: FieldErrors };

// Jira computes these itself; a client that sends them is told so.
const READ_ONLY_FIELDS = new Set([
  'created',
  'updated',
  'creator',
  'resolutiondate',
  'project',
  'subtasks',
  'issuelinks',
]);

const CUSTOM_FIELD = /^customfield_\d+$/;

/**
 * What a project's default create screen offers, custom fields included. Bulk create "can set the
 * fields that appear on the issues' create screens" (OpenAPI spec of POST /issue/bulk); any other
 * field is refused, per element.
 */
export const DEFAULT_CREATE_SCREEN = [
  'project',
  'issuetype',
  'parent',
  'summary',
  'description',
  'assignee',
  'reporter',
  'priority',
  'labels',
  'components',
  'duedate',
  ...EMULATED_CUSTOM_FIELDS.map((field) => field.id),
];

const notOnScreen = (fieldId: string) =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
export const NO_CREATE_PERMISSION = 'You do not have permission to create issues in this project.';

export interface IssueStore {
  find(idOrKey: string): EmulatedIssue | undefined;
  all(): EmulatedIssue[];
  create(input: unknown, actor: Actor): CreateResult;
  edit(issue: EmulatedIssue, input: unknown, actor: Actor): EditResult;
  /** A workflow transition to the named status (no transition screen: only the status changes). */
  transition(issue: EmulatedIssue, statusName: string, actor: Actor): EditResult;
  seed(bean: unknown): EmulatedIssue;
  self(issue: EmulatedIssue): string;
  clear(): void;
  /** Records a write made directly on issues (properties, links), for the search index. */
  touch(...issues: EmulatedIssue[]): void;
}

/** Who made a change (changelog `author`, comment `author`), as Jira shows them to anyone. */
export function actorUserBean(
  context: { directory: Directory; baseUrl: string },
  actor: Actor,
): Record<string, unknown> {
  if (actor.asApp) return appUserBean(context.baseUrl);
  const user = context.directory.users.get(actor.accountId);
  return user
    ? userBean(context.baseUrl, user)
    : { accountId: actor.accountId, displayName: actor.accountId, active: true };
}

export function createIssueStore(context: StoreContext): IssueStore {
  const byId = new Map<string, EmulatedIssue>();
  const byKey = new Map<string, EmulatedIssue>();
  let nextId = 10000;
  let nextHistoryId = 10000;
  let lastCreatedAt = 0;
  const nextNumber = new Map<string, number>();

  const actorBean = (actor: Actor) => actorUserBean(context, actor);

  const index = (issue: EmulatedIssue): void => {
    byId.set(issue.id, issue);
    byKey.set(issue.key.toUpperCase(), issue);
    const [project, number] = issue.key.split('-');
    const n = Number(number);
    if (project && Number.isFinite(n)) nextNumber.set(project, Math.max(nextNumber.get(project) ?? 1, n + 1));
    nextId = Math.max(nextId, Number(issue.id) + 1 || nextId);
  };

  /** ASSIGNABLE_USER in the project (the app's account is no assignee). */
  const assignable = (user: Record<string, unknown>, project: EmulatedProject | undefined): boolean => {
    const accountId = asString(user.accountId) ?? '';
    if (!context.directory.users.has(accountId)) return false;
    const held = permissionsOf(context.directory, accountId, false);
    return held.assignable !== false && (project === undefined || canBrowseProject(held, project.key));
  };

  const find = (idOrKey: string): EmulatedIssue | undefined =>
    byId.get(idOrKey) ?? byKey.get(idOrKey.toUpperCase());

  const parentBean = (parent: EmulatedIssue): Record<string, unknown> => ({
    id: parent.id,
    key: parent.key,
    self: `${context.baseUrl}/rest/api/3/issue/${parent.id}`,
    fields: {
      summary: parent.fields.summary,
      status: parent.fields.status,
      priority: parent.fields.priority,
      issuetype: parent.fields.issuetype,
    },
  });

  /** A user field as sent on create: a bean, `null` (unassigned), or an error when no such user. */
  const userField = (
    fields: Record<string, unknown>,
    name: string,
    fallback: Record<string, unknown> | null,
  ): { value: Record<string, unknown> | null } | { error: string } => {
    if (!(name in fields)) return { value: fallback };
    const user = resolveUser(context.directory, context.baseUrl, fields[name]);
    return user === undefined
      ? { error: `User '${reference(fields[name], 'accountId', 'id') ?? ''}' does not exist.` }
      : { value: user };
  };

  /** Jira's create validation: every problem at once, keyed by field, as its ErrorCollection does. */
  const checkCreate = (fields: Record<string, unknown>, actor: Actor) => {
    const errors: FieldErrors = {};
    const project = resolveProject(context.directory, fields.project);
    if (!project) errors.project = 'Specify a valid project ID or key';
    else if (!actor.asApp) {
      const held = permissionsOf(context.directory, actor.accountId, false);
      if (!canBrowseProject(held, project.key) || !mayCreate(held)) errors.project = NO_CREATE_PERMISSION;
    }
    if (project) {
      const screen = project.createScreen ?? DEFAULT_CREATE_SCREEN;
      for (const fieldId of Object.keys(fields))
        if (!screen.includes(fieldId)) errors[fieldId] = notOnScreen(fieldId);
    }
    const type = project ? findIssueType(project, fields.issuetype) : undefined;
    if (project && !type) errors.issuetype = 'Specify a valid issue type';
    const summary = asString(fields.summary) ?? '';
    if (summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
    else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
    const parentRef = reference(fields.parent, 'key', 'id');
    const parent = parentRef === undefined ? undefined : find(parentRef);
    if (parentRef !== undefined && !parent) errors.parent = 'Could not find issue by id or key.';
    if (type?.subtask && parentRef === undefined)
      errors.parentId = 'Issue type is a sub-task but parent issue key or id not specified.';
    const assignee = userField(fields, 'assignee', null);
    if ('error' in assignee) errors.assignee = assignee.error;
    else if (assignee.value && !assignable(assignee.value, project))
      errors.assignee = cannotAssign(assignee.value);
    const reporter = userField(fields, 'reporter', actorBean(actor));
    if ('error' in reporter) errors.reporter = reporter.error;
    const priority = priorityBean(context.baseUrl, 'priority' in fields ? fields.priority : 'Medium');
    if (!priority) errors.priority = 'Specify the Priority (id or name) in the proper format';
    if (
      !project ||
      !type ||
      !priority ||
      'error' in assignee ||
      'error' in reporter ||
      Object.keys(errors).length > 0
    )
      return { ok: false as const, errors };
    return {
      ok: true as const,
      project,
      type,
      summary,
      parent,
      assignee: assignee.value,
      reporter: reporter.value,
      priority,
    };
  };

  const create = (input: unknown, actor: Actor): CreateResult => {
    const body = asRecord(input) ?? {};
    const fields = asRecord(body.fields) ?? {};
    const checked = checkCreate(fields, actor);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const { project, type, summary, parent, assignee, reporter, priority } = checked;

    // Creation instants strictly increase (as on a real site, where a bulk create takes time), so
    // ORDER BY created is stable even under a frozen test clock.
    lastCreatedAt = Math.max(context.now().getTime(), lastCreatedAt + 1);
    const now = jiraTimestamp(new Date(lastCreatedAt));
    const number = nextNumber.get(project.key) ?? 1;
    const issue: EmulatedIssue = {
      id: String(nextId),
      key: `${project.key}-${number}`,
      fields: {
        ...fields,
        summary,
        project: projectBean(context.baseUrl, project),
        issuetype: issueTypeBean(context.baseUrl, type),
        assignee,
        reporter,
        creator: actorBean(actor),
        priority,
        status: statusBean(context.baseUrl, 'To Do'),
        labels: labelsFrom(fields.labels, body.update),
        components: Array.isArray(fields.components) ? fields.components : [],
        description: fields.description ?? null,
        duedate: asString(fields.duedate) ?? null,
        created: now,
        updated: now,
        resolution: null,
        resolutiondate: null,
        statuscategorychangedate: now,
        issuelinks: [],
        subtasks: [],
        ...(parent ? { parent: parentBean(parent) } : {}),
      },
      properties: propertiesFrom(body.properties),
      histories: [],
    };
    index(issue);
    context.searchIndex.written(issue);
    if (parent && type.subtask) {
      (parent.fields.subtasks as unknown[]).push(parentBean(issue));
      context.searchIndex.written(parent);
    }
    return { ok: true, issue };
  };

  const edit = (issue: EmulatedIssue, input: unknown, actor: Actor): EditResult => {
    const body = asRecord(input) ?? {};
    const fields = asRecord(body.fields) ?? {};
    const update = asRecord(body.update) ?? {};
    const errors: FieldErrors = {};
    const next: Record<string, unknown> = {};
    for (const [fieldId, value] of Object.entries(fields)) {
      const resolved = resolveEdit(issue, fieldId, value);
      if ('error' in resolved) errors[fieldId] = resolved.error;
      else next[fieldId] = resolved.value;
    }
    for (const [fieldId, operations] of Object.entries(update)) {
      const current = fieldId in next ? next[fieldId] : issue.fields[fieldId];
      const applied = applyOperations(fieldId, current, operations);
      if ('error' in applied) {
        errors[fieldId] = applied.error;
        continue;
      }
      const resolved = resolveEdit(issue, fieldId, applied.value);
      if ('error' in resolved) errors[fieldId] = resolved.error;
      else next[fieldId] = resolved.value;
    }
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return change(issue, next, actor);
  };

  const transition = (issue: EmulatedIssue, statusName: string, actor: Actor): EditResult =>
    change(issue, { status: statusBean(context.baseUrl, statusName) }, actor);

  /** Writes changed fields with what Jira derives from a status change, and their changelog entry. */
  const change = (issue: EmulatedIssue, changed: Record<string, unknown>, actor: Actor): EditResult => {
    const now = jiraTimestamp(context.now());
    const derived = statusChangeEffects(issue, changed.status, now);
    const next = { ...changed, ...derived.logged };
    const items = changelogItems(issue.fields, next);
    if (items.length === 0) return { ok: true, issue, history: undefined };
    Object.assign(issue.fields, next, derived.unlogged, { updated: now });
    context.searchIndex.written(issue);
    const history: ChangelogHistory = {
      id: String(nextHistoryId++),
      author: actorBean(actor),
      created: now,
      items,
    };
    issue.histories.push(history);
    return { ok: true, issue, history };
  };

  /**
   * What Jira sets itself when an issue's status moves to another category: `statuscategorychangedate`
   * (not in the changelog), and — in workflows that set a resolution — the resolution on entering Done
   * (with `resolutiondate`) and its removal on leaving Done. A project whose workflow sets none
   * (`setsResolution: false`, as team-managed defaults) leaves both null.
   * https://support.atlassian.com/jira-cloud-administration/docs/best-practices-for-using-the-resolution-field/
   */
  const statusChangeEffects = (
    issue: EmulatedIssue,
    status: unknown,
    now: string,
  ): { logged: Record<string, unknown>; unlogged: Record<string, unknown> } => {
    const category = (bean: unknown) => asRecord(asRecord(bean)?.statusCategory)?.key;
    if (status === undefined || category(status) === category(issue.fields.status))
      return { logged: {}, unlogged: {} };
    const unlogged: Record<string, unknown> = { statuscategorychangedate: now };
    const project = resolveProject(context.directory, issue.fields.project);
    if (project?.setsResolution === false) return { logged: {}, unlogged };
    if (isDoneStatus(status)) {
      unlogged.resolutiondate = now;
      return { logged: { resolution: { id: '10000', name: 'Done' } }, unlogged };
    }
    if (!isDoneStatus(issue.fields.status)) return { logged: {}, unlogged };
    unlogged.resolutiondate = null;
    return { logged: { resolution: null }, unlogged };
  };

  const resolveEdit = (
    issue: EmulatedIssue,
    fieldId: string,
    value: unknown,
  ): { value: unknown } | { error: string } => {
    if (READ_ONLY_FIELDS.has(fieldId))
      return { error: `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.` };
    switch (fieldId) {
      case 'summary':
        return typeof value === 'string' && value.trim() !== ''
          ? { value }
          : { error: 'You must specify a summary of the issue.' };
      case 'labels':
        return Array.isArray(value) && value.every((l) => typeof l === 'string' && !/\s/.test(l))
          ? { value: [...new Set(value as string[])] }
          : { error: 'The label must not contain spaces.' };
      case 'assignee':
      case 'reporter': {
        const user = resolveUser(context.directory, context.baseUrl, value);
        if (user === undefined)
          return { error: `User '${reference(value, 'accountId', 'id') ?? ''}' does not exist.` };
        const project = resolveProject(context.directory, issue.fields.project);
        if (fieldId === 'assignee' && user !== null && !assignable(user, project))
          return { error: cannotAssign(user) };
        return { value: user };
      }
      case 'priority': {
        const priority = priorityBean(context.baseUrl, value);
        return priority
          ? { value: priority }
          : { error: 'Specify the Priority (id or name) in the proper format' };
      }
      // Jira moves an issue's status only through a workflow transition (POST /issue/{key}/transitions);
      // an edit naming it is refused like any field off the edit screen.
      case 'status':
        return { error: notOnScreen(fieldId) };
      case 'issuetype': {
        const project = resolveProject(context.directory, issue.fields.project);
        const type = project ? findIssueType(project, value) : undefined;
        return type
          ? { value: issueTypeBean(context.baseUrl, type) }
          : { error: 'Specify a valid issue type' };
      }
      case 'duedate':
        return value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
          ? { value }
          : {
              error:
                'Error parsing date string: ' + (typeof value === 'string' ? value : JSON.stringify(value)),
            };
      default:
        return { value };
    }
  };

  const seed = (input: unknown): EmulatedIssue => {
    const bean = asRecord(input) ?? {};
    const key = asString(bean.key);
    if (!key || !/^[A-Z][A-Z0-9_]*-\d+$/i.test(key))
      throw new Error(`seeded issue needs a key like ABC-1, got ${String(bean.key)}`);
    const existing = find(key);
    const fields = { ...(asRecord(bean.fields) ?? {}) };
    const project = ensureProject(context.directory, key.split('-')[0] ?? key, fields.project);
    const now = jiraTimestamp(context.now());
    const normalized: Record<string, unknown> = {
      summary: '',
      labels: [],
      components: [],
      description: null,
      duedate: null,
      assignee: null,
      resolution: null,
      resolutiondate: null,
      issuelinks: [],
      subtasks: [],
      created: now,
      updated: now,
      ...fields,
    };
    normalized.project = projectBean(context.baseUrl, project);
    const type = findIssueType(project, fields.issuetype) ?? project.issueTypes[0];
    if (type) normalized.issuetype = issueTypeBean(context.baseUrl, type);
    normalized.status = statusBean(context.baseUrl, fields.status ?? 'To Do') ?? fields.status;
    // A seed without it entered a Done status when it was resolved (unknown when it never was), and
    // any other status when it was created.
    normalized.statuscategorychangedate ??= isDoneStatus(normalized.status)
      ? (normalized.resolutiondate ?? null)
      : normalized.created;
    normalized.priority = priorityBean(context.baseUrl, fields.priority ?? 'Medium') ?? fields.priority;
    for (const role of ['assignee', 'reporter', 'creator'] as const) {
      if (fields[role] !== undefined)
        normalized[role] = resolveUser(context.directory, context.baseUrl, fields[role]) ?? fields[role];
    }
    const parentRef = reference(fields.parent, 'key', 'id');
    const parent = parentRef === undefined ? undefined : find(parentRef);
    if (parent) normalized.parent = parentBean(parent);
    const issue: EmulatedIssue = {
      id: asString(bean.id) ?? existing?.id ?? String(nextId),
      key: key.toUpperCase(),
      fields: normalized,
      properties: { ...(asRecord(bean.properties) ?? {}) },
      histories: seededHistories(bean.changelog).map((h) => ({ ...h, id: h.id || String(nextHistoryId++) })),
    };
    // New changelog ids continue after the seeded ones, so ids keep increasing per issue.
    for (const history of issue.histories)
      nextHistoryId = Math.max(nextHistoryId, Number(history.id) + 1 || 0);
    if (existing) byId.delete(existing.id);
    index(issue);
    context.searchIndex.seeded(issue, existing?.id);
    return issue;
  };

  return {
    find,
    all: () => [...byId.values()],
    create,
    edit,
    transition,
    seed,
    self: (issue) => `${context.baseUrl}/rest/api/3/issue/${issue.id}`,
    touch: (...issues) => {
      for (const issue of issues) context.searchIndex.written(issue);
    },
    clear: () => {
      context.searchIndex.clear();
      byId.clear();
      byKey.clear();
      nextNumber.clear();
      nextId = 10000;
      nextHistoryId = 10000;
      lastCreatedAt = 0;
    },
  };
}

// Jira's words when the account lacks ASSIGNABLE_USER in the project.
function cannotAssign(user: Record<string, unknown>): string {
  return `User '${asString(user.accountId) ?? ''}' cannot be assigned issues.`;
}

function ensureProject(directory: Directory, key: string, value: unknown): EmulatedProject {
  const found = resolveProject(directory, value) ?? resolveProject(directory, key);
  if (found) return found;
  // Seeding history for a project the site lacks: create it, as an admin would have.
  const project: EmulatedProject = {
    id: String(10000 + directory.projects.length),
    key: key.toUpperCase(),
    name: key.toUpperCase(),
    issueTypes: [...(directory.projects[0]?.issueTypes ?? [])],
  };
  directory.projects.push(project);
  return project;
}

function labelsFrom(labels: unknown, update: unknown): string[] {
  let result = Array.isArray(labels) ? labels.filter((l): l is string => typeof l === 'string') : [];
  const operations = asRecord(update)?.labels;
  if (operations !== undefined) {
    const applied = applyOperations('labels', result, operations);
    if ('value' in applied && Array.isArray(applied.value)) result = applied.value as string[];
  }
  return [...new Set(result)];
}

function propertiesFrom(value: unknown): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (!Array.isArray(value)) return properties;
  for (const entry of value) {
    const record = asRecord(entry);
    const key = asString(record?.key);
    if (record && key) properties[key] = record.value;
  }
  return properties;
}

/** `update.<field>` verbs: `set`, and for list fields `add` / `remove`. */
function applyOperations(
  fieldId: string,
  current: unknown,
  operations: unknown,
): { value: unknown } | { error: string } {
  if (!Array.isArray(operations)) return { error: `Operations for '${fieldId}' must be a list.` };
  let value = current;
  for (const operation of operations) {
    const op = asRecord(operation) ?? {};
    const verbs = Object.keys(op);
    if (verbs.length !== 1) return { error: `Each operation on '${fieldId}' needs exactly one verb.` };
    const verb = verbs[0] ?? '';
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    if (verb === 'set') value = op.set;
    else if (verb === 'add') value = list.includes(op.add) ? list : [...list, op.add];
    else if (verb === 'remove') value = list.filter((entry) => !sameEntry(entry, op.remove));
    else return { error: `Operation '${verb}' is not supported for '${fieldId}'.` };
  }
  return { value };
}

function sameEntry(a: unknown, b: unknown): boolean {
  return (
    a === b ||
    (reference(a, 'id', 'name', 'key') !== undefined &&
      reference(a, 'id', 'name', 'key') === reference(b, 'id', 'name', 'key'))
  );
}

function changelogItems(before: Record<string, unknown>, after: Record<string, unknown>): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  for (const [fieldId, value] of Object.entries(after)) {
    const from = changelogValue(fieldId, before[fieldId]);
    const to = changelogValue(fieldId, value);
    if (JSON.stringify(before[fieldId] ?? null) === JSON.stringify(value ?? null)) continue;
    items.push({
      field: fieldId,
      fieldtype: CUSTOM_FIELD.test(fieldId) ? 'custom' : 'jira',
      fieldId,
      from: from.id,
      fromString: from.text,
      to: to.id,
      toString: to.text,
    });
  }
  return items;
}

function seededHistories(changelog: unknown): ChangelogHistory[] {
  const histories = asRecord(changelog)?.histories;
  if (!Array.isArray(histories)) return [];
  return histories.map((entry) => {
    const record = asRecord(entry) ?? {};
    return {
      id: asString(record.id) ?? '',
      author: asRecord(record.author) ?? {},
      created: asString(record.created) ?? '',
      items: Array.isArray(record.items) ? (record.items as ChangelogItem[]) : [],
    };
  });
}
