import type { JqlContext, StoredIssue } from '../../../emulator/jql/compile-jql.types';

/** Wednesday 2025-03-19 10:00 UTC: mid-month, so month boundaries are unambiguous. */
export const NOW = new Date('2025-03-19T10:00:00.000Z');

export function jqlContext(overrides: Partial<JqlContext> = {}): JqlContext {
  return {
    now: NOW,
    timeZone: 'UTC',
    currentAccountId: 'acc-me',
    propertyAliases: [
      { propertyKey: 'postmortem-summary', path: 'status', type: 'string', searchAlias: 'pmStatus' },
      { propertyKey: 'postmortem-summary', path: 'category', type: 'string', searchAlias: 'pmCategory' },
      { propertyKey: 'postmortem-summary', path: 'finalizedAt', type: 'date', searchAlias: 'pmFinalizedAt' },
      {
        propertyKey: 'postmortem-summary',
        path: 'actionItemCount',
        type: 'number',
        searchAlias: 'pmActionItems',
      },
      { propertyKey: 'postmortem-summary', path: 'title', type: 'text' },
    ],
    ...overrides,
  };
}

const CATEGORY_NAMES = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;

export interface IssueSpec {
  key: string;
  type?: string;
  summary?: string;
  description?: string;
  labels?: string[];
  priority?: string;
  status?: string;
  category?: keyof typeof CATEGORY_NAMES;
  created?: string;
  updated?: string;
  resolved?: string;
  due?: string;
  parent?: string;
  assignee?: string;
  reporter?: string;
  components?: string[];
  comments?: string[];
  properties?: Record<string, unknown>;
}

function adf(text: string): unknown {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function user(accountId: string): unknown {
  return { accountId, displayName: accountId.replace(/^acc-/, '').replace(/^./, (c) => c.toUpperCase()) };
}

/** A stored issue bean shaped like `GET /rest/api/3/issue/{key}`, from a terse spec. */
export function issue(spec: IssueSpec): StoredIssue {
  const number = Number(spec.key.split('-')[1]);
  const projectKey = spec.key.split('-')[0] ?? 'INC';
  const category = spec.category ?? 'new';
  return {
    id: String(10000 + number),
    key: spec.key,
    properties: spec.properties ?? {},
    fields: {
      project: {
        key: projectKey,
        id: projectKey === 'INC' ? '10000' : '10001',
        name: `${projectKey} project`,
      },
      issuetype: {
        name: spec.type ?? 'Incident',
        id: spec.type === 'Sub-task' ? '10003' : '10002',
        subtask: spec.type === 'Sub-task',
      },
      summary: spec.summary ?? `Issue ${spec.key}`,
      description: spec.description === undefined ? null : adf(spec.description),
      labels: spec.labels ?? [],
      priority: spec.priority === undefined ? null : { name: spec.priority, id: '3' },
      status: {
        name: spec.status ?? CATEGORY_NAMES[category],
        statusCategory: { key: category, name: CATEGORY_NAMES[category] },
      },
      created: spec.created ?? '2025-03-01T09:00:00.000+0000',
      updated: spec.updated ?? spec.created ?? '2025-03-01T09:00:00.000+0000',
      resolutiondate: spec.resolved ?? null,
      duedate: spec.due ?? null,
      parent:
        spec.parent === undefined
          ? undefined
          : { key: spec.parent, id: String(10000 + Number(spec.parent.split('-')[1])) },
      assignee: spec.assignee === undefined ? null : user(spec.assignee),
      reporter: spec.reporter === undefined ? null : user(spec.reporter),
      components: (spec.components ?? []).map((name) => ({ name })),
      comment: { comments: (spec.comments ?? []).map((text) => ({ body: adf(text) })) },
    },
  };
}
