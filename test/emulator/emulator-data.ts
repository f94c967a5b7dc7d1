/**
 * Default directory data of the emulated site: users, projects with their issue types, and the
 * small helpers that turn request references ({key}, {id}, {name}) into full Jira beans.
 */
export interface EmulatorUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  accountType: 'atlassian' | 'app';
  active: boolean;
  timeZone: string;
}

export interface EmulatorIssueType {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
  description: string;
}

export interface EmulatorProject {
  id: string;
  key: string;
  name: string;
  issueTypes: EmulatorIssueType[];
}

/** The app's own account: requests made `asApp` carry it, so ignoreSelf can recognise them. */
export const APP_ACCOUNT_ID = '5d53f3cbc6b9320d9ea5bdc2';

export const DEFAULT_USERS: EmulatorUser[] = [
  user('5b10a2844c20165700ede21g', 'Mia Krystof', 'mia@example.com'),
  user('5b10ac8d82e05b22cc7d4ef5', 'Emma Richards', 'emma@example.com'),
  user('5b109f2e9729b51b54dc274d', 'Ravi Patel', 'ravi@example.com'),
  user('5b10a0effa615349cb016cd8', 'Lena Novak', 'lena@example.com'),
  {
    accountId: APP_ACCOUNT_ID,
    displayName: 'Postmortems for Jira',
    emailAddress: '',
    accountType: 'app',
    active: true,
    timeZone: 'UTC',
  },
];

const STANDARD_TYPES: EmulatorIssueType[] = [
  issueType('10000', 'Incident', false),
  issueType('10001', 'Task', false),
  issueType('10002', 'Sub-task', true),
];

export const DEFAULT_PROJECTS: EmulatorProject[] = [
  { id: '10000', key: 'INC', name: 'Incidents', issueTypes: STANDARD_TYPES },
  { id: '10010', key: 'OPS', name: 'Operations', issueTypes: STANDARD_TYPES },
  // Ids of Atlassian's OpenAPI examples (project 1000 in createIssues), so they are accepted as-is.
  { id: '1000', key: 'ED', name: 'Example Domain', issueTypes: STANDARD_TYPES },
  // Deliberately without a sub-task type: action items fall back to linked tasks here.
  {
    id: '10020',
    key: 'NOSUB',
    name: 'No Sub-tasks',
    issueTypes: [issueType('10101', 'Incident', false), issueType('10102', 'Task', false)],
  },
];

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, index) => ({
  id: String(index + 1),
  name,
}));

export const STATUSES: Record<
  string,
  { id: string; name: string; category: { id: number; key: string; name: string } }
> = {
  'to do': { id: '10000', name: 'To Do', category: { id: 2, key: 'new', name: 'To Do' } },
  'in progress': {
    id: '3',
    name: 'In Progress',
    category: { id: 4, key: 'indeterminate', name: 'In Progress' },
  },
  done: { id: '10001', name: 'Done', category: { id: 3, key: 'done', name: 'Done' } },
};

function user(accountId: string, displayName: string, emailAddress: string): EmulatorUser {
  return { accountId, displayName, emailAddress, accountType: 'atlassian', active: true, timeZone: 'UTC' };
}

function issueType(id: string, name: string, subtask: boolean): EmulatorIssueType {
  return { id, name, subtask, hierarchyLevel: subtask ? -1 : 0, description: `${name} issue type` };
}

/** Jira's timestamp format: 2025-03-14T09:12:00.000+0000. */
export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
