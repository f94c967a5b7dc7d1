/**
 * In-process Jira Cloud emulator: the REST v3 subset the app uses, with Jira's shapes and errors,
 * product events with changelogs, fault injection and a request log. One entry point (`handle`)
 * serves the JiraPort adapter, node:http and tests alike, so every path sees the same behaviour.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraPort, JiraResponse, KvPort, SlackPort } from '../../src/ports';
import { compileJql } from './jql/compile-jql';
import { JqlError, type JqlContext, type StoredIssue } from './jql/compile-jql.types';
import {
  APP_ACCOUNT_ID,
  DEFAULT_PROJECTS,
  DEFAULT_USERS,
  PRIORITIES,
  STATUSES,
  jiraTimestamp,
  type EmulatorProject,
  type EmulatorUser,
} from './emulator-data';
import { createMemoryKvs } from './memory-kvs';
import { createSlackSink, type SlackSink } from './slack-sink';

export { APP_ACCOUNT_ID } from './emulator-data';

export interface EmulatorRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  accountId?: string;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogHistory {
  id: string;
  author: Record<string, unknown>;
  created: string;
  items: ChangelogItem[];
}

export interface IssueUpdatedEvent {
  eventType: 'avi:jira:updated:issue';
  atlassianId: string;
  selfGenerated: boolean;
  issue: { id: string; key: string; fields: Record<string, unknown> };
  changelog: { id: string; items: ChangelogItem[] };
  associatedUsers: Array<{ accountId: string }>;
}

export type IssueUpdatedListener = (event: IssueUpdatedEvent) => Promise<void> | void;

export interface DeliveryOptions {
  /** Extra copies of each event (product events are at-least-once). */
  duplicate?: number;
  delayMs?: number;
}

export type FaultResponse =
  { status: 429; retryAfterSeconds: number } | { status: 500 | 502 | 503 | 504 } | { hang: true };

export interface Fault {
  method?: string;
  pathPattern: RegExp | string;
  /** How many matching requests fail; unlimited when absent. */
  times?: number;
  response: FaultResponse;
}

export interface LoggedRequest {
  method: string;
  path: string;
  body: string | undefined;
  accountId: string;
}

export interface PropertyAlias {
  propertyKey: string;
  path: string;
  type: 'string' | 'text' | 'number' | 'date' | 'user';
  searchAlias?: string;
}

export interface JiraEmulatorOptions {
  now?: () => Date;
  timeZone?: string;
  propertyAliases?: PropertyAlias[];
  baseUrl?: string;
  /** Account used when a request names none (the "logged-in" preview user). */
  defaultAccountId?: string;
}

export interface IssueBean {
  id?: string;
  key: string;
  fields?: Record<string, unknown>;
  properties?: Record<string, unknown>;
  changelog?: { histories?: ChangelogHistory[] };
}

export interface PermissionGrant {
  browse: boolean;
  edit: boolean;
  create: boolean;
}

type RouteHandler = (ctx: RequestContext, params: string[]) => EmulatorResponse | Promise<EmulatorResponse>;

interface RequestContext {
  method: string;
  url: URL;
  body: unknown;
  accountId: string;
}

const API = '/rest/api/3';
const NOT_FOUND_ISSUE = 'Issue does not exist or you do not have permission to see it.';
const PROPERTY_LIMIT = 32768;

export function createJiraEmulator(options: JiraEmulatorOptions = {}) {
  const now = options.now ?? (() => new Date());
  const baseUrl = options.baseUrl ?? 'https://your-domain.atlassian.net';
  const defaultAccountId = options.defaultAccountId ?? DEFAULT_USERS[0]!.accountId;
  const store = new Map<string, StoredIssue>();
  const histories = new Map<string, ChangelogHistory[]>();
  const permissions = new Map<string, PermissionGrant>();
  const listeners: IssueUpdatedListener[] = [];
  const pending = new Set<Promise<void>>();
  const faultList: Array<Fault & { used: number }> = [];
  const requests: LoggedRequest[] = [];
  const users: EmulatorUser[] = [...DEFAULT_USERS];
  const projects: EmulatorProject[] = [...DEFAULT_PROJECTS];
  const slack: SlackSink = createSlackSink(now);
  let delivery: DeliveryOptions = {};
  let nextIssueId = 10000;
  let nextHistoryId = 100000;
  const projectCounters = new Map<string, number>();
  // Sorted hits per (account, JQL), valid until the next write: paging 50,000 issues must not
  // re-filter and re-sort the whole store for every page.
  let version = 0;
  const searchCache = new Map<string, { version: number; hits: StoredIssue[] }>();

  // ---------- helpers over state ----------
  const userBean = (accountId: string): Record<string, unknown> => {
    const found = users.find((candidate) => candidate.accountId === accountId);
    return {
      self: `${baseUrl}${API}/user?accountId=${accountId}`,
      accountId,
      displayName: found?.displayName ?? accountId,
      active: found?.active ?? true,
      timeZone: found?.timeZone ?? 'UTC',
      accountType: found?.accountType ?? 'atlassian',
      avatarUrls: {},
    };
  };
  const grant = (accountId: string): PermissionGrant =>
    permissions.get(accountId) ?? { browse: true, edit: true, create: true };
  const findIssue = (idOrKey: string): StoredIssue | undefined => {
    const upper = idOrKey.toUpperCase();
    const byKey = store.get(upper);
    if (byKey) return byKey;
    for (const issue of store.values()) if (issue.id === idOrKey) return issue;
    return undefined;
  };
  const visibleIssue = (ctx: RequestContext, idOrKey: string): StoredIssue | undefined => {
    const issue = findIssue(idOrKey);
    return issue && grant(ctx.accountId).browse ? issue : undefined;
  };
  const jqlContext = (accountId: string): JqlContext => ({
    now: now(),
    timeZone: options.timeZone ?? 'UTC',
    currentAccountId: accountId,
    propertyAliases: options.propertyAliases ?? [],
  });
  const findProject = (ref: unknown): EmulatorProject | undefined => {
    const record = asRecord(ref);
    return projects.find(
      (project) =>
        project.id === str(record.id) ||
        project.key === str(record.key)?.toUpperCase() ||
        project.key === (typeof ref === 'string' ? ref.toUpperCase() : undefined) ||
        project.id === ref,
    );
  };

  function normalizeFields(
    fields: Record<string, unknown>,
    key: string,
    createdBy: string,
  ): Record<string, unknown> {
    const projectKey = key.split('-')[0] ?? '';
    const project = findProject(fields.project ?? projectKey) ?? findProject(projectKey);
    const created = str(fields.created) ?? jiraTimestamp(now());
    const out: Record<string, unknown> = {
      summary: '',
      labels: [],
      components: [],
      issuelinks: [],
      subtasks: [],
      description: null,
      duedate: null,
      resolution: null,
      resolutiondate: null,
      assignee: null,
      ...fields,
      created,
      updated: str(fields.updated) ?? created,
    };
    if (project)
      out.project = {
        self: `${baseUrl}${API}/project/${project.id}`,
        id: project.id,
        key: project.key,
        name: project.name,
      };
    out.issuetype = resolveIssueType(project, fields.issuetype) ?? fields.issuetype ?? null;
    out.status = resolveStatus(fields.status);
    out.priority = resolvePriority(fields.priority);
    out.reporter = resolveUser(fields.reporter) ?? userBean(createdBy);
    out.creator = resolveUser(fields.creator) ?? userBean(createdBy);
    out.assignee = resolveUser(fields.assignee);
    out.parent = resolveParent(fields.parent);
    if (out.parent === null) delete out.parent;
    return out;
  }

  function resolveIssueType(
    project: EmulatorProject | undefined,
    ref: unknown,
  ): Record<string, unknown> | undefined {
    const record = asRecord(ref);
    const found = project?.issueTypes.find(
      (type) => type.id === str(record.id) || type.name.toLowerCase() === str(record.name)?.toLowerCase(),
    );
    return found ? { self: `${baseUrl}${API}/issuetype/${found.id}`, ...found } : undefined;
  }

  function resolveStatus(ref: unknown): Record<string, unknown> {
    const record = asRecord(ref);
    const name = (str(record.name) ?? 'To Do').toLowerCase();
    const known = STATUSES[name];
    if (!known) return { ...record };
    return {
      self: `${baseUrl}${API}/status/${known.id}`,
      id: known.id,
      name: known.name,
      statusCategory: {
        self: `${baseUrl}${API}/statuscategory/${known.category.id}`,
        ...known.category,
        colorName: 'blue-gray',
      },
    };
  }

  function resolvePriority(ref: unknown): Record<string, unknown> {
    const record = asRecord(ref);
    const found = PRIORITIES.find(
      (priority) =>
        priority.id === str(record.id) || priority.name.toLowerCase() === str(record.name)?.toLowerCase(),
    );
    const priority = found ?? PRIORITIES[2]!;
    return { self: `${baseUrl}${API}/priority/${priority.id}`, ...priority };
  }

  function resolveUser(ref: unknown): Record<string, unknown> | null {
    const accountId = str(asRecord(ref).accountId);
    return accountId ? userBean(accountId) : null;
  }

  function resolveParent(ref: unknown): Record<string, unknown> | null {
    const record = asRecord(ref);
    const parent = findIssue(str(record.key) ?? str(record.id) ?? '');
    if (!parent) return ref === undefined || ref === null ? null : record;
    return {
      id: parent.id,
      key: parent.key,
      self: issueSelf(parent),
      fields: { summary: parent.fields.summary },
    };
  }

  const issueSelf = (issue: StoredIssue): string => `${baseUrl}${API}/issue/${issue.id}`;

  function seedOne(bean: IssueBean): StoredIssue {
    const key = bean.key.toUpperCase();
    const projectKey = key.split('-')[0] ?? '';
    const number = Number(key.split('-')[1] ?? 0);
    projectCounters.set(projectKey, Math.max(projectCounters.get(projectKey) ?? 0, number));
    const id = bean.id ?? String(++nextIssueId);
    nextIssueId = Math.max(nextIssueId, Number(id) || 0);
    const issue: StoredIssue = {
      id,
      key,
      fields: normalizeFields(bean.fields ?? {}, key, defaultAccountId),
      properties: { ...(bean.properties ?? {}) },
    };
    store.set(key, issue);
    histories.set(key, [...(bean.changelog?.histories ?? [])]);
    return issue;
  }

  // ---------- projection ----------
  function projectIssue(
    issue: StoredIssue,
    fieldsParam: string[] | undefined,
    expand: string[],
    properties: string[] = [],
  ): Record<string, unknown> {
    const all =
      fieldsParam === undefined || fieldsParam.includes('*all') || fieldsParam.includes('*navigable');
    const excluded = new Set(
      (fieldsParam ?? []).filter((name) => name.startsWith('-')).map((name) => name.slice(1)),
    );
    const wanted = new Set(fieldsParam ?? []);
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(issue.fields)) {
      if (!excluded.has(name) && (all || wanted.has(name))) fields[name] = value;
    }
    const bean: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: issue.id,
      self: issueSelf(issue),
      key: issue.key,
      fields,
    };
    if (expand.includes('changelog')) {
      const list = histories.get(issue.key) ?? [];
      bean.changelog = { startAt: 0, maxResults: list.length, total: list.length, histories: list };
    }
    const chosen = properties.includes('*all') ? Object.keys(issue.properties) : properties;
    const props = Object.fromEntries(
      chosen.filter((key) => key in issue.properties).map((key) => [key, issue.properties[key]]),
    );
    if (Object.keys(props).length > 0) bean.properties = props;
    return bean;
  }

  // ---------- edits and events ----------
  function applyEdit(
    ctx: RequestContext,
    issue: StoredIssue,
    body: Record<string, unknown>,
  ): ChangelogItem[] {
    const items: ChangelogItem[] = [];
    const before = structuredClone(issue.fields);
    const fields = asRecord(body.fields);
    const update = asRecord(body.update);
    const nextFields: Record<string, unknown> = { ...issue.fields, ...fields };
    let labels = stringArray(nextFields.labels);
    for (const op of Array.isArray(update.labels) ? update.labels : []) {
      const record = asRecord(op);
      if (Array.isArray(record.set)) labels = stringArray(record.set);
      if (typeof record.add === 'string' && !labels.includes(record.add)) labels = [...labels, record.add];
      if (typeof record.remove === 'string') labels = labels.filter((label) => label !== record.remove);
    }
    nextFields.labels = labels;
    const normalized = normalizeFields(
      { ...nextFields, created: issue.fields.created, updated: jiraTimestamp(now()) },
      issue.key,
      ctx.accountId,
    );
    for (const name of [...Object.keys(fields), ...(update.labels ? ['labels'] : [])]) {
      const item = changeItem(name, before[name], normalized[name]);
      if (item && !items.some((existing) => existing.fieldId === name)) items.push(item);
    }
    issue.fields = items.length > 0 ? normalized : { ...normalized, updated: before.updated };
    return items;
  }

  function recordChange(ctx: RequestContext, issue: StoredIssue, items: ChangelogItem[]): void {
    if (items.length === 0) return;
    const history: ChangelogHistory = {
      id: String(++nextHistoryId),
      author: userBean(ctx.accountId),
      created: jiraTimestamp(now()),
      items,
    };
    histories.set(issue.key, [...(histories.get(issue.key) ?? []), history]);
    const event: IssueUpdatedEvent = {
      eventType: 'avi:jira:updated:issue',
      atlassianId: ctx.accountId,
      selfGenerated: ctx.accountId === APP_ACCOUNT_ID,
      issue: { id: issue.id, key: issue.key, fields: structuredClone(issue.fields) },
      changelog: { id: history.id, items },
      associatedUsers: [{ accountId: ctx.accountId }],
    };
    deliver(event);
  }

  function deliver(event: IssueUpdatedEvent): void {
    const copies = 1 + (delivery.duplicate ?? 0);
    for (let copy = 0; copy < copies; copy++) {
      for (const listener of listeners) {
        const task = (async () => {
          if (delivery.delayMs) await new Promise((resolve) => setTimeout(resolve, delivery.delayMs));
          await listener(structuredClone(event));
        })();
        pending.add(task);
        void task.finally(() => pending.delete(task));
      }
    }
  }

  // ---------- create ----------
  function createIssue(
    ctx: RequestContext,
    body: unknown,
  ): { ok: true; issue: StoredIssue } | { ok: false; errors: Record<string, string>; messages: string[] } {
    const fields = asRecord(asRecord(body).fields);
    const errors: Record<string, string> = {};
    const project = findProject(fields.project);
    if (!project) errors.project = 'Specify a valid project ID or key';
    const type = project ? resolveIssueType(project, fields.issuetype) : undefined;
    if (project && !type) errors.issuetype = 'Specify an issue type';
    if (typeof fields.summary !== 'string' || fields.summary.trim() === '')
      errors.summary = 'You must specify a summary of the issue.';
    if (type?.subtask === true) {
      const parentRef = asRecord(fields.parent);
      if (!findIssue(str(parentRef.key) ?? str(parentRef.id) ?? ''))
        errors.parent = 'Given parent issue does not belong to appropriate hierarchy.';
    }
    if (!grant(ctx.accountId).create)
      return {
        ok: false,
        errors: {},
        messages: ['You do not have permission to create issues in this project.'],
      };
    if (Object.keys(errors).length > 0 || !project) return { ok: false, errors, messages: [] };
    const number = (projectCounters.get(project.key) ?? 0) + 1;
    projectCounters.set(project.key, number);
    const key = `${project.key}-${number}`;
    const issue: StoredIssue = {
      id: String(++nextIssueId),
      key,
      fields: normalizeFields(fields, key, ctx.accountId),
      properties: {},
    };
    store.set(key, issue);
    histories.set(key, []);
    const parentKey = str(asRecord(issue.fields.parent).key);
    const parent = parentKey ? findIssue(parentKey) : undefined;
    if (parent && type?.subtask) {
      parent.fields.subtasks = [
        ...(Array.isArray(parent.fields.subtasks) ? parent.fields.subtasks : []),
        { id: issue.id, key, self: issueSelf(issue), fields: { summary: issue.fields.summary } },
      ];
    }
    return { ok: true, issue };
  }

  const created = (issue: StoredIssue) => ({ id: issue.id, key: issue.key, self: issueSelf(issue) });

  // ---------- routes ----------
  const routes: Array<[string, RegExp, RouteHandler]> = [
    [
      'GET',
      /^\/rest\/api\/3\/search$/,
      () =>
        json(410, {
          errorMessages: [
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
          ],
          errors: {},
        }),
    ],
    [
      'POST',
      /^\/rest\/api\/3\/search$/,
      () =>
        json(410, {
          errorMessages: [
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
          ],
          errors: {},
        }),
    ],
    ['GET', /^\/rest\/api\/3\/search\/jql$/, (ctx) => search(ctx, searchParamsFromQuery(ctx.url))],
    ['POST', /^\/rest\/api\/3\/search\/jql$/, (ctx) => search(ctx, searchParamsFromBody(ctx.body))],
    ['POST', /^\/rest\/api\/3\/search\/approximate-count$/, (ctx) => approximateCount(ctx)],
    ['POST', /^\/rest\/api\/3\/jql\/parse$/, (ctx) => parseJql(ctx)],
    ['POST', /^\/rest\/api\/3\/issue\/bulk$/, (ctx) => bulkCreate(ctx)],
    [
      'GET',
      /^\/rest\/api\/3\/issue\/createmeta\/([^/]+)\/issuetypes$/,
      (ctx, [project]) => createMeta(project ?? ''),
    ],
    [
      'POST',
      /^\/rest\/api\/3\/issue$/,
      (ctx) => {
        const result = createIssue(ctx, ctx.body);
        return result.ok
          ? json(201, created(result.issue))
          : json(result.messages.length > 0 ? 403 : 400, {
              errorMessages: result.messages,
              errors: result.errors,
            });
      },
    ],
    ['GET', /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/, (ctx, [key]) => changelogPage(ctx, key ?? '')],
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)\/properties$/,
      (ctx, [key]) =>
        withIssue(ctx, key, (issue) =>
          json(200, {
            keys: Object.keys(issue.properties).map((name) => ({
              key: name,
              self: `${issueSelf(issue)}/properties/${encodeURIComponent(name)}`,
            })),
          }),
        ),
    ],
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/,
      (ctx, [key, prop]) =>
        withIssue(ctx, key, (issue) => {
          const name = decodeURIComponent(prop ?? '');
          return name in issue.properties
            ? json(200, { key: name, value: issue.properties[name] })
            : json(404, { errorMessages: [`The property with key '${name}' does not exist.`], errors: {} });
        }),
    ],
    [
      'PUT',
      /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/,
      (ctx, [key, prop]) =>
        withIssue(ctx, key, (issue) => putProperty(ctx, issue, decodeURIComponent(prop ?? ''))),
    ],
    [
      'DELETE',
      /^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/,
      (ctx, [key, prop]) =>
        withIssue(ctx, key, (issue) => {
          if (!grant(ctx.accountId).edit)
            return json(403, {
              errorMessages: ['You do not have permission to edit this issue.'],
              errors: {},
            });
          const name = decodeURIComponent(prop ?? '');
          if (!(name in issue.properties))
            return json(404, {
              errorMessages: [`The property with key '${name}' does not exist.`],
              errors: {},
            });
          delete issue.properties[name];
          return noContent();
        }),
    ],
    [
      'GET',
      /^\/rest\/api\/3\/issue\/([^/]+)$/,
      (ctx, [key]) =>
        withIssue(ctx, key, (issue) =>
          json(
            200,
            projectIssue(
              issue,
              listParam(ctx.url, 'fields'),
              listParam(ctx.url, 'expand') ?? [],
              listParam(ctx.url, 'properties'),
            ),
          ),
        ),
    ],
    [
      'PUT',
      /^\/rest\/api\/3\/issue\/([^/]+)$/,
      (ctx, [key]) =>
        withIssue(ctx, key, (issue) => {
          if (!grant(ctx.accountId).edit)
            return json(403, {
              errorMessages: ['You do not have permission to edit this issue.'],
              errors: {},
            });
          recordChange(ctx, issue, applyEdit(ctx, issue, asRecord(ctx.body)));
          return noContent();
        }),
    ],
    ['POST', /^\/rest\/api\/3\/issueLink$/, (ctx) => linkIssues(ctx)],
    [
      'GET',
      /^\/rest\/api\/3\/myself$/,
      (ctx) =>
        json(200, {
          ...userBean(ctx.accountId),
          emailAddress: users.find((u) => u.accountId === ctx.accountId)?.emailAddress ?? '',
        }),
    ],
    [
      'GET',
      /^\/rest\/api\/3\/user$/,
      (ctx) => {
        const accountId = ctx.url.searchParams.get('accountId') ?? '';
        return users.some((u) => u.accountId === accountId)
          ? json(200, userBean(accountId))
          : json(404, {
              errorMessages: [`Specified user does not exist or you do not have required permissions`],
              errors: {},
            });
      },
    ],
    [
      'GET',
      /^\/rest\/api\/3\/user\/search$/,
      (ctx) => {
        const query = (
          ctx.url.searchParams.get('query') ??
          ctx.url.searchParams.get('accountId') ??
          ''
        ).toLowerCase();
        const matches = users.filter(
          (u) =>
            u.accountType === 'atlassian' &&
            (u.displayName.toLowerCase().includes(query) ||
              u.emailAddress.toLowerCase().startsWith(query) ||
              u.accountId === query),
        );
        return json(
          200,
          matches.map((u) => userBean(u.accountId)),
        );
      },
    ],
    ['GET', /^\/rest\/api\/3\/mypermissions$/, (ctx) => myPermissions(ctx)],
    [
      'GET',
      /^\/rest\/api\/3\/project\/search$/,
      () =>
        json(200, {
          self: `${baseUrl}${API}/project/search`,
          startAt: 0,
          maxResults: 50,
          total: projects.length,
          isLast: true,
          values: projects.map((p) => ({
            self: `${baseUrl}${API}/project/${p.id}`,
            id: p.id,
            key: p.key,
            name: p.name,
          })),
        }),
    ],
    [
      'POST',
      /^\/__slack\/webhook$/,
      (ctx) => {
        const answer = slack.receive(typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body));
        return { status: answer.status, headers: { 'content-type': 'text/plain' }, body: answer.body };
      },
    ],
    ['GET', /^\/__slack\/messages$/, () => json(200, slack.messages)],
    [
      'POST',
      /^\/__emulator\/issues$/,
      (ctx) => {
        const beans = Array.isArray(ctx.body) ? ctx.body : asRecord(ctx.body).issues;
        const seeded = (Array.isArray(beans) ? beans : []).filter(isIssueBean).map(seedOne);
        return json(201, { seeded: seeded.length });
      },
    ],
    [
      'POST',
      /^\/__emulator\/reset$/,
      () => {
        reset();
        return noContent();
      },
    ],
    ['GET', /^\/__emulator\/issues$/, () => json(200, [...store.values()])],
  ];

  function withIssue(
    ctx: RequestContext,
    idOrKey: string | undefined,
    then: (issue: StoredIssue) => EmulatorResponse,
  ): EmulatorResponse {
    const issue = visibleIssue(ctx, decodeURIComponent(idOrKey ?? ''));
    return issue ? then(issue) : json(404, { errorMessages: [NOT_FOUND_ISSUE], errors: {} });
  }

  interface SearchParams {
    jql: string;
    nextPageToken?: string;
    maxResults?: number;
    fields?: string[];
    expand: string[];
    properties: string[];
  }

  function search(ctx: RequestContext, params: SearchParams | string): EmulatorResponse {
    if (typeof params === 'string') return json(400, { errorMessages: [params], errors: {} });
    const compiled = compileOr400(ctx, params.jql);
    if ('status' in compiled) return compiled;
    if (!compiled.bounded) {
      return json(400, {
        errorMessages: [
          'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
        ],
        errors: {},
      });
    }
    const idOnly = params.fields === undefined || (params.fields.length === 1 && params.fields[0] === 'id');
    const cap = idOnly ? 5000 : 100;
    const maxResults = Math.min(Math.max(params.maxResults ?? 50, 1), cap);
    const offset = decodeToken(params.nextPageToken);
    if (offset === undefined)
      return json(400, {
        errorMessages: ['The provided next page token is invalid or expired.'],
        errors: {},
      });
    const hits = sortedHits(ctx, params.jql, compiled);
    const page = hits.slice(offset, offset + maxResults);
    const isLast = offset + maxResults >= hits.length;
    const issues = page.map((issue) =>
      idOnly && params.expand.length === 0 && params.properties.length === 0
        ? { id: issue.id }
        : projectIssue(issue, params.fields ?? [], params.expand, params.properties),
    );
    return json(
      200,
      isLast ? { issues, isLast } : { issues, nextPageToken: encodeToken(offset + maxResults), isLast },
    );
  }

  function sortedHits(
    ctx: RequestContext,
    jql: string,
    compiled: { matches(issue: StoredIssue): boolean; compare(a: StoredIssue, b: StoredIssue): number },
  ): StoredIssue[] {
    if (!grant(ctx.accountId).browse) return [];
    // The minute is part of the key because relative dates (-30d, now()) move with the clock.
    const key = `${ctx.accountId}\u0000${Math.floor(now().getTime() / 60_000)}\u0000${jql}`;
    const cached = searchCache.get(key);
    if (cached && cached.version === version) return cached.hits;
    if (searchCache.size > 100) searchCache.clear();
    const hits = [...store.values()].filter((issue) => compiled.matches(issue)).sort(compiled.compare);
    searchCache.set(key, { version, hits });
    return hits;
  }

  function compileOr400(ctx: RequestContext, jql: string) {
    try {
      return compileJql(jql, jqlContext(ctx.accountId));
    } catch (error) {
      if (error instanceof JqlError) return json(400, { errorMessages: error.errorMessages, errors: {} });
      throw error;
    }
  }

  function approximateCount(ctx: RequestContext): EmulatorResponse {
    const jql = str(asRecord(ctx.body).jql);
    if (jql === undefined) return json(400, { errorMessages: ['JQL query is required.'], errors: {} });
    const compiled = compileOr400(ctx, jql);
    if ('status' in compiled) return compiled;
    if (!compiled.bounded)
      return json(400, {
        errorMessages: [
          'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
        ],
        errors: {},
      });
    const count = grant(ctx.accountId).browse
      ? [...store.values()].filter((issue) => compiled.matches(issue)).length
      : 0;
    return json(200, { count });
  }

  function parseJql(ctx: RequestContext): EmulatorResponse {
    const queries = asRecord(ctx.body).queries;
    if (!Array.isArray(queries)) return json(400, { errorMessages: ['queries is required'], errors: {} });
    const parsed = queries.map((query: unknown) => {
      const text = typeof query === 'string' ? query : '';
      try {
        compileJql(text, jqlContext(ctx.accountId));
        return { query: text, structure: {} };
      } catch (error) {
        if (error instanceof JqlError) return { query: text, errors: error.errorMessages };
        throw error;
      }
    });
    return json(200, { queries: parsed });
  }

  function bulkCreate(ctx: RequestContext): EmulatorResponse {
    const updates = asRecord(ctx.body).issueUpdates;
    if (!Array.isArray(updates))
      return json(400, { errorMessages: ['issueUpdates is required'], errors: {} });
    if (updates.length > 50) {
      return json(400, {
        errorMessages: ['The number of issues to create in bulk exceeds the limit of 50.'],
        errors: {},
      });
    }
    const issues: Array<Record<string, unknown>> = [];
    const errors: Array<Record<string, unknown>> = [];
    updates.forEach((update: unknown, index) => {
      const result = createIssue(ctx, update);
      if (result.ok) issues.push(created(result.issue));
      else
        errors.push({
          status: 400,
          elementErrors: { errorMessages: result.messages, errors: result.errors },
          failedElementNumber: index,
        });
    });
    return json(issues.length === 0 && errors.length > 0 ? 400 : 201, { issues, errors });
  }

  function createMeta(projectIdOrKey: string): EmulatorResponse {
    const project = findProject(decodeURIComponent(projectIdOrKey));
    if (!project)
      return json(404, { errorMessages: ['No project could be found with key or id.'], errors: {} });
    const issueTypes = project.issueTypes.map((type) => ({
      self: `${baseUrl}${API}/issuetype/${type.id}`,
      ...type,
      iconUrl: '',
    }));
    return json(200, { issueTypes, maxResults: 50, startAt: 0, total: issueTypes.length });
  }

  function changelogPage(ctx: RequestContext, key: string): EmulatorResponse {
    return withIssue(ctx, key, (issue) => {
      const list = histories.get(issue.key) ?? [];
      const startAt = Number(ctx.url.searchParams.get('startAt') ?? 0) || 0;
      const maxResults = Math.min(Number(ctx.url.searchParams.get('maxResults') ?? 100) || 100, 100);
      const values = list.slice(startAt, startAt + maxResults);
      return json(200, {
        self: `${issueSelf(issue)}/changelog`,
        maxResults,
        startAt,
        total: list.length,
        isLast: startAt + maxResults >= list.length,
        values,
      });
    });
  }

  function putProperty(ctx: RequestContext, issue: StoredIssue, name: string): EmulatorResponse {
    if (!grant(ctx.accountId).edit)
      return json(403, { errorMessages: ['You do not have permission to edit this issue.'], errors: {} });
    if (name.length > 255)
      return json(400, {
        errorMessages: ['The property key cannot be longer than 255 characters.'],
        errors: {},
      });
    const raw = typeof ctx.body === 'string' ? ctx.body : JSON.stringify(ctx.body);
    if (raw.length > PROPERTY_LIMIT) {
      return json(400, {
        errorMessages: [`The property value cannot be longer than ${PROPERTY_LIMIT} characters.`],
        errors: {},
      });
    }
    const existed = name in issue.properties;
    issue.properties[name] = ctx.body;
    return existed ? json(200, {}) : json(201, {});
  }

  function linkIssues(ctx: RequestContext): EmulatorResponse {
    const body = asRecord(ctx.body);
    const inward = findIssue(str(asRecord(body.inwardIssue).key) ?? str(asRecord(body.inwardIssue).id) ?? '');
    const outward = findIssue(
      str(asRecord(body.outwardIssue).key) ?? str(asRecord(body.outwardIssue).id) ?? '',
    );
    const typeName = str(asRecord(body.type).name) ?? 'Relates';
    if (!inward || !outward) return json(404, { errorMessages: [NOT_FOUND_ISSUE], errors: {} });
    const id = String(++nextHistoryId);
    const type = {
      id: '10000',
      name: typeName,
      inward: typeName.toLowerCase(),
      outward: typeName.toLowerCase(),
    };
    const ref = (issue: StoredIssue) => ({
      id: issue.id,
      key: issue.key,
      self: issueSelf(issue),
      fields: { summary: issue.fields.summary },
    });
    inward.fields.issuelinks = [...linksOf(inward), { id, type, outwardIssue: ref(outward) }];
    outward.fields.issuelinks = [...linksOf(outward), { id, type, inwardIssue: ref(inward) }];
    return { status: 201, headers: {}, body: '' };
  }

  function myPermissions(ctx: RequestContext): EmulatorResponse {
    const wanted = (ctx.url.searchParams.get('permissions') ?? '').split(',').filter(Boolean);
    if (wanted.length === 0)
      return json(400, { errorMessages: ['The permissions query parameter is required.'], errors: {} });
    const issueKey = ctx.url.searchParams.get('issueKey') ?? ctx.url.searchParams.get('issueId');
    if (issueKey && !visibleIssue(ctx, issueKey))
      return json(404, { errorMessages: [NOT_FOUND_ISSUE], errors: {} });
    const current = grant(ctx.accountId);
    const has: Record<string, boolean> = {
      BROWSE_PROJECTS: current.browse,
      EDIT_ISSUES: current.edit,
      CREATE_ISSUES: current.create,
    };
    const permissionsBody = Object.fromEntries(
      wanted.map((key, index) => [
        key,
        {
          id: String(index + 1),
          key,
          name: key,
          type: 'PROJECT',
          description: key,
          havePermission: has[key] ?? current.browse,
        },
      ]),
    );
    return json(200, { permissions: permissionsBody });
  }

  function reset(): void {
    version++;
    store.clear();
    histories.clear();
    permissions.clear();
    faultList.length = 0;
    requests.length = 0;
    projectCounters.clear();
    slack.reset();
    delivery = {};
  }

  // ---------- entry points ----------
  async function handle(req: EmulatorRequest): Promise<EmulatorResponse> {
    const url = new URL(req.path, baseUrl);
    const method = req.method.toUpperCase();
    const accountId = req.accountId ?? defaultAccountId;
    requests.push({ method, path: url.pathname + url.search, body: req.body, accountId });
    if (method !== 'GET' && !/\/(search|jql)\//.test(url.pathname)) version++;
    const fault = takeFault(method, url.pathname + url.search);
    if (fault) return faultResponse(fault);
    let body: unknown = undefined;
    if (req.body !== undefined && req.body !== '') {
      try {
        body = JSON.parse(req.body);
      } catch {
        if (url.pathname === '/__slack/webhook') body = req.body;
        else
          return json(400, {
            errorMessages: ['Unexpected character in request body: not valid JSON.'],
            errors: {},
          });
      }
    }
    if (url.pathname === '/__slack/webhook' && req.body !== undefined) body = req.body;
    for (const [routeMethod, pattern, handler] of routes) {
      const match = routeMethod === method ? pattern.exec(url.pathname) : null;
      if (match) return handler({ method, url, body, accountId }, match.slice(1));
    }
    return json(404, { errorMessages: [`No emulated endpoint for ${method} ${url.pathname}`], errors: {} });
  }

  function takeFault(method: string, path: string): FaultResponse | undefined {
    const fault = faultList.find(
      (candidate) =>
        (candidate.method === undefined || candidate.method.toUpperCase() === method) &&
        (typeof candidate.pathPattern === 'string'
          ? path.includes(candidate.pathPattern)
          : candidate.pathPattern.test(path)) &&
        (candidate.times === undefined || candidate.used < candidate.times),
    );
    if (!fault) return undefined;
    fault.used++;
    return fault.response;
  }

  function faultResponse(fault: FaultResponse): Promise<EmulatorResponse> | EmulatorResponse {
    if ('hang' in fault) return new Promise<EmulatorResponse>(() => undefined);
    if (fault.status === 429) {
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds) },
        body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
      };
    }
    return json(fault.status, { errorMessages: ['Internal server error'], errors: {} });
  }

  function jiraPort(asAccountId?: string): JiraPort {
    return {
      requestJira: async (path, init) => {
        const answer = await handle({
          method: init?.method ?? 'GET',
          path: path.value,
          headers: init?.headers,
          body: init?.body,
          accountId: asAccountId ?? defaultAccountId,
        });
        return toResponse(answer);
      },
    };
  }

  async function nodeHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers[name] = value;
    const answer = await handle({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers,
      body: Buffer.concat(chunks).toString('utf8') || undefined,
      accountId: headers['x-emulator-account-id'],
    });
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  return {
    handle,
    jiraPort,
    /** Requests the app makes as itself (asApp): their edits are flagged selfGenerated. */
    appJiraPort: (): JiraPort => jiraPort(APP_ACCOUNT_ID),
    nodeHandler,
    seed: (beans: IssueBean[]): void => {
      version++;
      beans.forEach(seedOne);
    },
    reset,
    issues: (): StoredIssue[] => [...store.values()].map((issue) => structuredClone(issue)),
    issue: (key: string): StoredIssue | undefined => {
      const found = findIssue(key);
      return found ? structuredClone(found) : undefined;
    },
    changelog: (key: string): ChangelogHistory[] => structuredClone(histories.get(key.toUpperCase()) ?? []),
    users,
    projects,
    setPermissions: (accountId: string, grantFor: Partial<PermissionGrant>): void => {
      version++;
      permissions.set(accountId, { ...grant(accountId), ...grantFor });
    },
    onIssueUpdated: (listener: IssueUpdatedListener): (() => void) => {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    setDelivery: (next: DeliveryOptions): void => {
      delivery = { ...next };
    },
    /** Resolves when every event delivered so far has been handled. */
    settle: async (): Promise<void> => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    faults: {
      add: (fault: Fault): void => void faultList.push({ ...fault, used: 0 }),
      clear: (): void => void (faultList.length = 0),
    },
    requests,
    slack,
    slackPort: (): SlackPort => slack.port(),
    createKvs: (): KvPort => createMemoryKvs(),
  };
}

export type JiraEmulator = ReturnType<typeof createJiraEmulator>;

// ---------- pure helpers ----------
function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function noContent(): EmulatorResponse {
  return { status: 204, headers: {}, body: '' };
}

function toResponse(answer: EmulatorResponse): JiraResponse {
  const lower = Object.fromEntries(
    Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    headers: { get: (name) => lower[name.toLowerCase()] ?? null },
    text: async () => answer.body,
    json: async (): Promise<unknown> => JSON.parse(answer.body),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function linksOf(issue: StoredIssue): unknown[] {
  return Array.isArray(issue.fields.issuelinks) ? issue.fields.issuelinks : [];
}

function isIssueBean(value: unknown): value is IssueBean {
  return typeof asRecord(value).key === 'string';
}

function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
}

function searchParamsFromQuery(url: URL) {
  const jql = url.searchParams.get('jql') ?? '';
  const maxResults = url.searchParams.get('maxResults');
  return {
    jql,
    nextPageToken: url.searchParams.get('nextPageToken') ?? undefined,
    maxResults: maxResults === null ? undefined : Number(maxResults),
    fields: listParam(url, 'fields'),
    expand: listParam(url, 'expand') ?? [],
    properties: listParam(url, 'properties') ?? [],
  };
}

function searchParamsFromBody(body: unknown) {
  const record = asRecord(body);
  if (typeof record.jql !== 'string') return 'The jql parameter is required.';
  const expand = typeof record.expand === 'string' ? record.expand.split(',') : stringArray(record.expand);
  return {
    jql: record.jql,
    nextPageToken: str(record.nextPageToken),
    maxResults: typeof record.maxResults === 'number' ? record.maxResults : undefined,
    fields: Array.isArray(record.fields) ? stringArray(record.fields) : undefined,
    expand,
    properties: stringArray(record.properties),
  };
}

// Opaque like Jira's tokens: callers must not parse them, so they are base64 of an offset.
function encodeToken(offset: number): string {
  return Buffer.from(`emu:${offset}`).toString('base64url');
}

function decodeToken(token: string | undefined): number | undefined {
  if (token === undefined || token === '') return 0;
  const match = /^emu:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

/** One changelog item as Jira writes it: ids in from/to, display text in fromString/toString. */
function changeItem(fieldId: string, before: unknown, after: unknown): ChangelogItem | undefined {
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return undefined;
  const [from, fromString] = describe(fieldId, before);
  const [to, toString] = describe(fieldId, after);
  return { field: fieldId, fieldtype: 'jira', fieldId, from, fromString, to, toString };
}

function describe(fieldId: string, value: unknown): [string | null, string | null] {
  if (value === null || value === undefined) return [null, null];
  if (fieldId === 'labels') return [null, stringArray(value).join(' ')];
  if (typeof value === 'string' || typeof value === 'number')
    return fieldId === 'duedate' ? [String(value), String(value)] : [null, String(value)];
  const record = asRecord(value);
  if (typeof record.accountId === 'string')
    return [record.accountId, str(record.displayName) ?? record.accountId];
  return [str(record.id) ?? null, str(record.name) ?? str(record.key) ?? JSON.stringify(value)];
}
