import type { JqlContext, StoredIssue } from '../../../../emulator/jql/compile-jql.types';

/** Issue beans shaped like GET /rest/api/3/issue answers, with only the fields a test cares about. */
export interface IssueSpec {
  key: string;
  id?: string;
  type?: string;
  priority?: string;
  status?: [name: string, category: 'new' | 'indeterminate' | 'done'];
  labels?: string[];
  components?: string[];
  parent?: string;
  assignee?: { accountId: string; displayName: string };
  reporter?: { accountId: string; displayName: string };
  created?: string;
  updated?: string;
  resolutiondate?: string;
  duedate?: string;
  summary?: string;
  description?: string;
  properties?: Record<string, unknown>;
}

const CATEGORY_NAMES = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;

function adf(text: string): unknown {
  return {
    type: 'doc',
    version: 1,
    content: text.split('\n').map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

let nextId = 10000;

export function issue(spec: IssueSpec): StoredIssue {
  const projectKey = spec.key.split('-')[0] ?? '';
  const [statusName, category] = spec.status ?? ['To Do', 'new'];
  nextId += 1;
  return {
    id: spec.id ?? String(nextId),
    key: spec.key,
    fields: {
      project: {
        key: projectKey,
        id: projectKey === 'INC' ? '10000' : '10001',
        name: `${projectKey} project`,
      },
      issuetype: { name: spec.type ?? 'Task', subtask: false },
      priority: spec.priority === undefined ? null : { name: spec.priority },
      status: { name: statusName, statusCategory: { key: category, name: CATEGORY_NAMES[category] } },
      labels: spec.labels ?? [],
      components: (spec.components ?? []).map((name) => ({ name })),
      parent: spec.parent === undefined ? undefined : { key: spec.parent },
      assignee: spec.assignee ?? null,
      reporter: spec.reporter ?? null,
      created: spec.created ?? '2025-03-01T10:00:00.000+0000',
      updated: spec.updated ?? spec.created ?? '2025-03-01T10:00:00.000+0000',
      resolutiondate: spec.resolutiondate ?? null,
      duedate: spec.duedate ?? null,
      summary: spec.summary ?? '',
      description: spec.description === undefined ? null : adf(spec.description),
    },
    properties: spec.properties ?? {},
  };
}

export function jqlContext(overrides: Partial<JqlContext> = {}): JqlContext {
  return {
    now: new Date('2025-03-20T12:00:00.000Z'),
    timeZone: 'UTC',
    currentAccountId: 'acc-alice',
    propertyAliases: [
      { propertyKey: 'postmortem-summary', path: 'status', type: 'string', searchAlias: 'postmortemStatus' },
      {
        propertyKey: 'postmortem-summary',
        path: 'severity',
        type: 'number',
        searchAlias: 'postmortemSeverity',
      },
      {
        propertyKey: 'postmortem-summary',
        path: 'finalizedAt',
        type: 'date',
        searchAlias: 'postmortemFinalizedAt',
      },
      {
        propertyKey: 'postmortem-summary',
        path: 'rootCause',
        type: 'text',
        searchAlias: 'postmortemRootCause',
      },
      { propertyKey: 'postmortem-summary', path: 'owner', type: 'user' },
    ],
    ...overrides,
  };
}

export const ALICE = { accountId: 'acc-alice', displayName: 'Alice Adams' };
export const BOB = { accountId: 'acc-bob', displayName: 'Bob Brown' };
