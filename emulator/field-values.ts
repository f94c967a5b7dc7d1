/** Turns the loose field values clients send (`{ key }`, `{ id }`, `{ name }`) into Jira's full beans. */
import {
  findProject,
  userBean,
  type Directory,
  type EmulatedIssueType,
  type EmulatedProject,
} from './directory';

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** `{ id }`, `{ key }`, `{ name }`, `{ accountId }` or a bare string: the first one given. */
export function reference(value: unknown, ...names: string[]): string | undefined {
  const direct = asString(value);
  if (direct !== undefined) return direct;
  const record = asRecord(value);
  for (const name of names) {
    const found = asString(record?.[name]);
    if (found !== undefined) return found;
  }
  return undefined;
}

// Jira's default scheme, plus the custom priority (id 20000) that Atlassian's REST examples use.
const PRIORITIES: Array<{ id: string; name: string }> = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
  { id: '20000', name: 'Blocker' },
];

export function priorityBean(baseUrl: string, value: unknown): Record<string, unknown> | undefined {
  const wanted = reference(value, 'name', 'id');
  const priority = PRIORITIES.find((p) => p.id === wanted || p.name.toLowerCase() === wanted?.toLowerCase());
  if (!priority) return undefined;
  return { self: `${baseUrl}/rest/api/3/priority/${priority.id}`, id: priority.id, name: priority.name };
}

const STATUSES: Array<{
  id: string;
  name: string;
  category: { id: number; key: string; name: string; colorName: string };
}> = [
  { id: '10000', name: 'To Do', category: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' } },
  {
    id: '3',
    name: 'In Progress',
    category: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  },
  { id: '10001', name: 'Done', category: { id: 3, key: 'done', name: 'Done', colorName: 'green' } },
];

export function statusBean(baseUrl: string, value: unknown): Record<string, unknown> | undefined {
  const wanted = reference(value, 'name', 'id');
  const status = STATUSES.find((s) => s.id === wanted || s.name.toLowerCase() === wanted?.toLowerCase());
  if (!status) return undefined;
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    id: status.id,
    name: status.name,
    statusCategory: {
      self: `${baseUrl}/rest/api/3/statuscategory/${status.category.id}`,
      ...status.category,
    },
  };
}

export function isDoneStatus(status: unknown): boolean {
  return asRecord(asRecord(status)?.statusCategory)?.key === 'done';
}

export function projectBean(baseUrl: string, project: EmulatedProject): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
  };
}

export function issueTypeBean(baseUrl: string, type: EmulatedIssueType): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    name: type.name,
    description: '',
    iconUrl: `${baseUrl}/images/icons/issuetypes/${type.name.toLowerCase()}.svg`,
    subtask: type.subtask,
    hierarchyLevel: type.subtask ? -1 : 0,
  };
}

export function findIssueType(project: EmulatedProject, value: unknown): EmulatedIssueType | undefined {
  const wanted = reference(value, 'id', 'name');
  return project.issueTypes.find((t) => t.id === wanted || t.name.toLowerCase() === wanted?.toLowerCase());
}

export function resolveProject(directory: Directory, value: unknown): EmulatedProject | undefined {
  const wanted = reference(value, 'id', 'key');
  return wanted === undefined ? undefined : findProject(directory, wanted);
}

/** A user bean, `null` for "unassigned", or `undefined` when no such user exists. */
export function resolveUser(
  directory: Directory,
  baseUrl: string,
  value: unknown,
): Record<string, unknown> | null | undefined {
  if (value === null) return null;
  const accountId = reference(value, 'accountId', 'id');
  const user = accountId === undefined ? undefined : directory.users.get(accountId);
  return user ? userBean(baseUrl, user) : undefined;
}

/** The value as Jira writes it in a changelog item: an id (`from`/`to`) and a display string. */
export function changelogValue(fieldId: string, value: unknown): { id: string | null; text: string | null } {
  if (value === null || value === undefined) return { id: null, text: null };
  if (fieldId === 'labels' && Array.isArray(value)) return { id: null, text: value.map(String).join(' ') };
  const record = asRecord(value);
  if (record) {
    const id = asString(record.accountId) ?? asString(record.id) ?? asString(record.key) ?? null;
    const text =
      asString(record.displayName) ?? asString(record.name) ?? asString(record.key) ?? JSON.stringify(value);
    return { id, text };
  }
  if (Array.isArray(value))
    return { id: null, text: value.map((v) => changelogValue(fieldId, v).text).join(', ') };
  const text = asString(value) ?? JSON.stringify(value);
  return { id: fieldId === 'summary' || fieldId === 'description' ? null : text, text };
}
