/** The site's users, projects and issue types, with per-account permissions. */

export interface EmulatedUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  active: boolean;
  timeZone: string;
}

export interface EmulatedIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

export interface EmulatedProject {
  id: string;
  key: string;
  name: string;
  issueTypes: EmulatedIssueType[];
}

export interface AccountPermissions {
  browse: boolean;
  edit: boolean;
  /** The global ADMINISTER permission (Jira admins); only the app has it unless granted. */
  administer?: boolean;
}

export const DEFAULT_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';
/** The app's own account (Forge apps act as a user of type "app"). */
export const APP_ACCOUNT_ID = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

// Atlassian's examples (corpus) assign to 5b109f2e9729b51b54dc274d and report as 5b10a2844c20165700ede21g.
const DEFAULT_USERS: EmulatedUser[] = [
  {
    accountId: DEFAULT_ACCOUNT_ID,
    displayName: 'Mia Krystof',
    emailAddress: 'mia@example.com',
    active: true,
    timeZone: 'UTC',
  },
  {
    accountId: '5b109f2e9729b51b54dc274d',
    displayName: 'Alex Rivera',
    emailAddress: 'alex.rivera@example.com',
    active: true,
    timeZone: 'UTC',
  },
  {
    accountId: '5b10a2844c20165700ede21g',
    displayName: 'Maria Chen',
    emailAddress: 'maria.chen@example.com',
    active: true,
    timeZone: 'UTC',
  },
  {
    accountId: '6a20bb1c93f06d33dd1e5f01',
    displayName: 'DB Engineer',
    emailAddress: 'db@example.com',
    active: true,
    timeZone: 'UTC',
  },
  {
    accountId: '6a20bb1c93f06d33dd1e5f02',
    displayName: 'Priya Nair',
    emailAddress: 'priya.nair@example.com',
    active: true,
    timeZone: 'UTC',
  },
  {
    accountId: '6a20bb1c93f06d33dd1e5f03',
    displayName: 'Sam Okafor',
    emailAddress: 'sam.okafor@example.com',
    active: true,
    timeZone: 'UTC',
  },
];

const TASK: EmulatedIssueType = { id: '10000', name: 'Task', subtask: false };
const BUG: EmulatedIssueType = { id: '10001', name: 'Bug', subtask: false };
const INCIDENT: EmulatedIssueType = { id: '10002', name: 'Incident', subtask: false };
const SUBTASK: EmulatedIssueType = { id: '10003', name: 'Subtask', subtask: true };

const DEFAULT_PROJECTS: EmulatedProject[] = [
  { id: '10000', key: 'INC', name: 'Incidents', issueTypes: [TASK, BUG, INCIDENT, SUBTASK] },
  // No sub-task type: the app falls back to linked tasks here.
  { id: '10001', key: 'OPS', name: 'Operations', issueTypes: [TASK, INCIDENT] },
];

export interface Directory {
  users: Map<string, EmulatedUser>;
  projects: EmulatedProject[];
  permissions: Map<string, AccountPermissions>;
}

export function defaultDirectory(): Directory {
  return {
    users: new Map(DEFAULT_USERS.map((user) => [user.accountId, { ...user }])),
    projects: DEFAULT_PROJECTS.map((project) => ({ ...project, issueTypes: [...project.issueTypes] })),
    permissions: new Map(),
  };
}

export function findProject(directory: Directory, idOrKey: string): EmulatedProject | undefined {
  const wanted = idOrKey.toUpperCase();
  return directory.projects.find((p) => p.id === idOrKey || p.key.toUpperCase() === wanted);
}

export function permissionsOf(directory: Directory, accountId: string, asApp: boolean): AccountPermissions {
  if (asApp) return { browse: true, edit: true };
  return directory.permissions.get(accountId) ?? { browse: true, edit: true };
}

export function userBean(baseUrl: string, user: EmulatedUser): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: { '48x48': `${baseUrl}/avatar/${user.accountId}.png` },
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

export function appUserBean(baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${APP_ACCOUNT_ID}`,
    accountId: APP_ACCOUNT_ID,
    accountType: 'app',
    avatarUrls: {},
    displayName: 'Postmortems for Jira',
    active: true,
  };
}

/** Prefix match on any word of the display name, or on the email address, ignoring case. */
export function userMatches(user: EmulatedUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  const words = user.displayName.toLowerCase().split(/\s+/);
  return (
    words.some((word) => word.startsWith(q)) ||
    user.displayName.toLowerCase().startsWith(q) ||
    (user.emailAddress?.toLowerCase().startsWith(q) ?? false)
  );
}
