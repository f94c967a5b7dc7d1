/** The site's users, projects and issue types, with per-account permissions. */

export interface EmulatedUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  /**
   * The profile shows the email address to anyone. Atlassian's default keeps it to the user (and
   * admins), and an app then cannot read it
   * (https://developer.atlassian.com/cloud/confluence/profile-visibility/, the same Atlassian account
   * settings for Jira): left out, the address is hidden.
   */
  emailVisible?: boolean;
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
  /** The field ids on the project's create screen; the default screen when left out. */
  createScreen?: string[];
  /**
   * Whether the project's workflow sets a resolution when an issue enters Done (and clears it when it
   * leaves). Company-managed defaults do; team-managed workflows by default never set one, so their
   * `resolutiondate` stays empty. Sets one when left out.
   */
  setsResolution?: boolean;
}

export interface AccountPermissions {
  browse: boolean;
  edit: boolean;
  /**
   * The project keys the account may browse (Browse Projects granted per project, as a permission
   * scheme does); every project when left out.
   */
  projects?: string[];
  /**
   * The issue security levels (by name) the account is a member of. An issue with a level is hidden
   * from everyone else, as Jira hides it from search, reads and counts; none when left out.
   */
  securityLevels?: string[];
  /** The global ADMINISTER permission (Jira admins); only the app has it unless granted. */
  administer?: boolean;
  /** CREATE_ISSUES in the projects the account browses; granted when left out. */
  create?: boolean;
  /** ASSIGNABLE_USER: issues may be assigned to the account; granted when left out. */
  assignable?: boolean;
  /** TRANSITION_ISSUES in the projects the account browses; granted when left out. */
  transition?: boolean;
  /** ADD_COMMENTS in the projects the account browses; granted when left out. */
  comment?: boolean;
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
    emailVisible: true,
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

/**
 * Create Issues, on top of browsing the project. The emulator's accounts that may not edit may not
 * create either (as before `create` existed); `create: false` takes it from an editor.
 */
export function mayCreate(held: AccountPermissions): boolean {
  return held.edit && held.create !== false;
}

/** Browse Projects on one project: the account-wide grant, narrowed by a per-project list when set. */
export function canBrowseProject(held: AccountPermissions, projectKey: string): boolean {
  return held.browse && (held.projects === undefined || held.projects.includes(projectKey.toUpperCase()));
}

/**
 * Whether the caller sees an issue: Browse Projects on its project and, for an issue with a security
 * level, membership of that level. The app (asApp) sees every issue.
 */
export function canBrowseIssue(
  held: AccountPermissions,
  issue: { key: string; fields: Record<string, unknown> },
  asApp: boolean,
): boolean {
  if (asApp) return true;
  const project = issue.fields.project as { key?: unknown } | undefined;
  const projectKey = typeof project?.key === 'string' ? project.key : (issue.key.split('-')[0] ?? '');
  if (!canBrowseProject(held, projectKey)) return false;
  const level = issue.fields.security as { name?: unknown } | null | undefined;
  return typeof level?.name !== 'string' || (held.securityLevels ?? []).includes(level.name);
}

/** The user as Jira answers it to `viewerAccountId` (the email only where the profile shows it to them). */
export function userBean(
  baseUrl: string,
  user: EmulatedUser,
  viewerAccountId?: string,
): Record<string, unknown> {
  const showsEmail = user.emailVisible === true || viewerAccountId === user.accountId;
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    ...(user.emailAddress && showsEmail ? { emailAddress: user.emailAddress } : {}),
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

/**
 * Prefix match on any word of the display name, or on the email address where the profile shows it
 * (a hidden address must not be found out by guessing prefixes), ignoring case.
 */
export function userMatches(user: EmulatedUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  const words = user.displayName.toLowerCase().split(/\s+/);
  return (
    words.some((word) => word.startsWith(q)) ||
    user.displayName.toLowerCase().startsWith(q) ||
    (user.emailVisible === true && (user.emailAddress?.toLowerCase().startsWith(q) ?? false))
  );
}
