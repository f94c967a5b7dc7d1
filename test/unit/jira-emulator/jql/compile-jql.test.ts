import { compileJql } from '../../../../emulator/jql/compile-jql';
import { JqlError, type JqlContext, type StoredIssue } from '../../../../emulator/jql/compile-jql.types';
import { ALICE, BOB, issue, jqlContext } from './jql-fixtures';

const ISSUES: StoredIssue[] = [
  issue({
    key: 'INC-1',
    id: '101',
    type: 'Incident',
    priority: 'Highest',
    status: ['Done', 'done'],
    labels: ['postmortem', 'payments'],
    components: ['Checkout'],
    assignee: ALICE,
    reporter: BOB,
    created: '2025-01-10T09:00:00.000+0000',
    updated: '2025-03-19T09:00:00.000+0000',
    resolutiondate: '2025-01-11T09:00:00.000+0000',
    summary: 'Payment outage in checkout',
    description: 'Card payments failed for 42 minutes.\nRoot cause: expired certificate.',
    properties: {
      'postmortem-summary': {
        status: 'FINAL',
        severity: 1,
        finalizedAt: '2025-02-01T00:00:00.000Z',
        rootCause: 'expired TLS certificate',
        owner: 'acc-alice',
      },
    },
  }),
  issue({
    key: 'INC-2',
    id: '102',
    type: 'Incident',
    priority: 'High',
    status: ['In Progress', 'indeterminate'],
    labels: ['postmortem'],
    assignee: BOB,
    reporter: ALICE,
    created: '2025-02-28T23:30:00.000+0000',
    updated: '2025-03-20T11:00:00.000+0000',
    summary: 'Search latency spike',
    description: 'Elasticsearch nodes ran out of heap.',
    properties: {
      'postmortem-summary': { status: 'DRAFT', severity: 3 },
      'postmortem-action-source': { incidentKey: 'INC-1', tags: ['db', 'capacity'] },
    },
  }),
  issue({
    key: 'INC-10',
    id: '110',
    type: 'Incident',
    priority: 'Medium',
    status: ['Open', 'new'],
    created: '2025-03-15T14:23:00.000+0000',
    summary: 'Login errors for SSO users',
  }),
  issue({
    key: 'OPS-3',
    id: '203',
    type: 'Task',
    priority: 'Low',
    status: ['Done', 'done'],
    labels: ['action-item'],
    components: ['Database', 'Checkout'],
    parent: 'INC-1',
    assignee: ALICE,
    created: '2025-03-01T10:00:00.000+0000',
    resolutiondate: '2025-03-05T10:00:00.000+0000',
    duedate: '2025-03-10',
    summary: 'Rotate certificates automatically',
    properties: { 'postmortem-action-source': { incidentKey: 'INC-1' } },
  }),
  issue({
    key: 'OPS-4',
    id: '204',
    type: 'Sub-task',
    status: ['To Do', 'new'],
    labels: ['action-item', 'db'],
    parent: 'INC-2',
    created: '2025-03-01T10:00:00.000+0000',
    duedate: '2025-03-25',
    summary: 'Add heap alerts',
    properties: { 'postmortem-action-source': { incidentKey: 'INC-2' } },
  }),
];

function search(jql: string, context: JqlContext = jqlContext()): string[] {
  const compiled = compileJql(jql, context);
  return ISSUES.filter((candidate) => compiled.matches(candidate))
    .sort((a, b) => compiled.compare(a, b))
    .map((found) => found.key);
}

function keys(jql: string, context?: JqlContext): string[] {
  return search(jql, context).sort();
}

function jqlError(jql: string, context: JqlContext = jqlContext()): string[] {
  try {
    compileJql(jql, context);
  } catch (error) {
    if (error instanceof JqlError) return error.errorMessages;
    throw error;
  }
  throw new Error(`expected a JqlError for ${jql}`);
}

describe('compileJql: equality and lists', () => {
  it('= matches project by key, name or id, case-insensitively', () => {
    expect(keys('project = INC')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('project = inc')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('project = "OPS project"')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('project = 10001')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('!= leaves out issues whose field is empty, as Jira does', () => {
    expect(keys('priority != High')).toEqual(['INC-1', 'INC-10', 'OPS-3']);
    expect(keys('assignee != acc-bob')).toEqual(['INC-1', 'OPS-3']);
  });

  it('IN and NOT IN take lists, with EMPTY allowed as a member', () => {
    expect(keys('priority in (highest, "Low")')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('priority not in (Highest, Low)')).toEqual(['INC-10', 'INC-2']);
    expect(keys('priority in (Medium, EMPTY)')).toEqual(['INC-10', 'OPS-4']);
  });

  it('= EMPTY and != EMPTY mean IS EMPTY and IS NOT EMPTY', () => {
    expect(keys('duedate = EMPTY')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('duedate != empty')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('a quoted "EMPTY" is a plain value, not the keyword', () => {
    expect(keys('labels = "EMPTY"')).toEqual([]);
  });
});

describe('compileJql: IS EMPTY / IS NOT EMPTY / IS NULL', () => {
  it('checks object, array and date fields', () => {
    expect(keys('assignee is EMPTY')).toEqual(['INC-10', 'OPS-4']);
    expect(keys('labels IS NOT EMPTY')).toEqual(['INC-1', 'INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('resolutiondate is null')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
    expect(keys('parent is not null')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('checks text fields by their text', () => {
    expect(keys('description is empty')).toEqual(['INC-10', 'OPS-3', 'OPS-4']);
    expect(keys('description is not empty')).toEqual(['INC-1', 'INC-2']);
  });
});

describe('compileJql: AND, OR, NOT and parentheses', () => {
  it('AND binds tighter than OR', () => {
    expect(keys('project = OPS AND priority = Low OR priority = Highest')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('project = OPS AND (priority = Low OR priority = Highest)')).toEqual(['OPS-3']);
  });

  it('NOT negates a clause the way Jira rewrites it (empty values stay out)', () => {
    expect(keys('NOT priority = Highest')).toEqual(['INC-10', 'INC-2', 'OPS-3']);
    expect(keys('not (project = INC or labels = db)')).toEqual(['OPS-3']);
    expect(keys('NOT assignee is EMPTY')).toEqual(['INC-1', 'INC-2', 'OPS-3']);
    expect(keys('NOT NOT project = OPS')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('NOT over a comparison flips it', () => {
    expect(keys('NOT created >= "2025-03-01"')).toEqual(['INC-1', 'INC-2']);
  });
});

describe('compileJql: fields', () => {
  it('issuetype and its alias type compare names case-insensitively', () => {
    expect(keys('issuetype = incident')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('type in (Task, "Sub-task")')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('status and statusCategory (by key or name)', () => {
    expect(keys('status = "in progress"')).toEqual(['INC-2']);
    expect(keys('statusCategory = Done')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('statusCategory != done')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
    expect(keys('statusCategory in ("To Do", indeterminate)')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
  });

  it('labels match any element', () => {
    expect(keys('labels = postmortem')).toEqual(['INC-1', 'INC-2']);
    expect(keys('labels != postmortem')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('labels in (payments, db)')).toEqual(['INC-1', 'OPS-4']);
  });

  it('component matches any component name', () => {
    expect(keys('component = checkout')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('component = Database')).toEqual(['OPS-3']);
  });

  it('parent by key', () => {
    expect(keys('parent = INC-1')).toEqual(['OPS-3']);
    expect(keys('parent in (INC-1, inc-2)')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('assignee and reporter by accountId or display name, and currentUser()', () => {
    expect(keys('assignee = acc-alice')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('assignee = "Bob Brown"')).toEqual(['INC-2']);
    expect(keys('reporter = currentUser()')).toEqual(['INC-2']);
    expect(keys('assignee = currentUser()', jqlContext({ currentAccountId: 'acc-bob' }))).toEqual(['INC-2']);
    expect(keys('assignee in (currentUser(), EMPTY)')).toEqual(['INC-1', 'INC-10', 'OPS-3', 'OPS-4']);
  });

  it('key and issuekey, including comparisons within a project', () => {
    expect(keys('key = inc-10')).toEqual(['INC-10']);
    expect(keys('issuekey in (INC-1, OPS-4)')).toEqual(['INC-1', 'OPS-4']);
    expect(keys('key > INC-1')).toEqual(['INC-10', 'INC-2']);
    expect(keys('key <= INC-2')).toEqual(['INC-1', 'INC-2']);
    expect(keys('key = 204')).toEqual(['OPS-4']);
  });

  it('id compares numerically', () => {
    expect(keys('id = 102')).toEqual(['INC-2']);
    expect(keys('id >= 110')).toEqual(['INC-10', 'OPS-3', 'OPS-4']);
  });

  it('priority compares by scheme rank, Highest being greatest', () => {
    expect(keys('priority >= High')).toEqual(['INC-1', 'INC-2']);
    expect(keys('priority < medium')).toEqual(['OPS-3']);
    expect(jqlError('priority > Urgent')).toEqual([
      "The value 'Urgent' does not exist for the field 'priority'.",
    ]);
  });

  it('resolution = Unresolved means no resolution', () => {
    expect(keys('resolution = Unresolved')).toEqual(['INC-1', 'INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('resolution is not empty')).toEqual([]);
  });
});

describe('compileJql: text search (~ and !~)', () => {
  it('matches words case-insensitively', () => {
    expect(keys('summary ~ payment')).toEqual(['INC-1']);
    expect(keys('summary ~ "LOGIN"')).toEqual(['INC-10']);
    expect(keys('summary ~ pay')).toEqual([]);
  });

  it('* is a wildcard and a plural s is ignored', () => {
    expect(keys('summary ~ "pay*"')).toEqual(['INC-1']);
    expect(keys('summary ~ "certificate"')).toEqual(['OPS-3']);
    expect(keys('summary ~ "*tency"')).toEqual(['INC-2']);
  });

  it('needs every term, and a quoted phrase in order', () => {
    expect(keys('summary ~ "search spike"')).toEqual(['INC-2']);
    expect(keys('summary ~ "search outage"')).toEqual([]);
    expect(keys('summary ~ "\\"latency spike\\""')).toEqual(['INC-2']);
    expect(keys('summary ~ "\\"spike latency\\""')).toEqual([]);
  });

  it('description searches the ADF text; text searches summary and description', () => {
    expect(keys('description ~ heap')).toEqual(['INC-2']);
    expect(keys('text ~ heap')).toEqual(['INC-2', 'OPS-4']);
    expect(keys('text ~ "expired"')).toEqual(['INC-1']);
  });

  it('!~ excludes matches and empty text', () => {
    expect(keys('description !~ heap')).toEqual(['INC-1']);
    expect(keys('project = INC AND summary !~ outage')).toEqual(['INC-10', 'INC-2']);
  });
});

describe('compileJql: dates', () => {
  it('compares against date literals at midnight in the context time zone', () => {
    expect(keys('created >= "2025-03-01"')).toEqual(['INC-10', 'OPS-3', 'OPS-4']);
    expect(keys('created < "2025/03/01"')).toEqual(['INC-1', 'INC-2']);
    expect(keys('created < 2025-03-01')).toEqual(['INC-1', 'INC-2']);
    expect(keys('created = "2025-03-15 14:23"')).toEqual(['INC-10']);
    expect(keys('created > "2025-03-15 14:22" and created < "2025-03-15 14:24"')).toEqual(['INC-10']);
  });

  it('reads date literals in the context zone: 2025-02-28T23:30Z is March in Europe/Berlin', () => {
    const berlin = jqlContext({ timeZone: 'Europe/Berlin' });
    expect(keys('project = INC AND created >= "2025-03-01"', berlin)).toEqual(['INC-10', 'INC-2']);
    expect(keys('project = INC AND created >= "2025-03-01"')).toEqual(['INC-10']);
  });

  it('startOfMonth/endOfMonth follow the context zone across the month boundary', () => {
    const berlin = jqlContext({ timeZone: 'Europe/Berlin', now: new Date('2025-04-10T12:00:00Z') });
    const lastMonth = 'created >= startOfMonth(-1) AND created <= endOfMonth(-1)';
    expect(keys(lastMonth, berlin)).toEqual(['INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
    expect(keys(lastMonth, jqlContext({ now: new Date('2025-04-10T12:00:00Z') }))).toEqual([
      'INC-10',
      'OPS-3',
      'OPS-4',
    ]);
  });

  it('relative periods count back from now', () => {
    // now = 2025-03-20T12:00Z
    expect(keys('created >= -5d')).toEqual(['INC-10']);
    expect(keys('created >= -3w')).toEqual(['INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('updated >= "-4h"')).toEqual(['INC-2']);
    expect(keys('updated > "-1w 2d"')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    // INC-10 was updated at 2025-03-15T14:23Z: between now-4d22h and now-4d21h.
    expect(keys('updated > "-4d 22h"')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('updated > "-4d 21h"')).toEqual(['INC-1', 'INC-2']);
    expect(keys('duedate <= 5d')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('startOfDay, endOfDay, startOfYear and now()', () => {
    expect(keys('updated >= startOfDay()')).toEqual(['INC-2']);
    expect(keys('updated >= startOfDay(-1) AND updated <= endOfDay(-1)')).toEqual(['INC-1']);
    expect(keys('created >= startOfYear()')).toEqual(['INC-1', 'INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('created >= startOfYear(-1) and created < startOfYear()')).toEqual([]);
    expect(keys('updated > now()')).toEqual([]);
    expect(keys('duedate < now()')).toEqual(['OPS-3']);
  });

  it('endOfDay() includes the last second of the day', () => {
    const late = issue({ key: 'X-1', created: '2025-03-20T23:59:30.000+0000' });
    expect(compileJql('created <= endOfDay()', jqlContext()).matches(late)).toBe(true);
    expect(compileJql('created < startOfDay(1)', jqlContext()).matches(late)).toBe(true);
    expect(compileJql('created > endOfDay()', jqlContext()).matches(late)).toBe(false);
  });

  it('createdDate, resolved/resolutiondate and due/duedate are aliases', () => {
    expect(keys('createdDate < "2025-02-01"')).toEqual(['INC-1']);
    expect(keys('resolved >= "2025-03-01"')).toEqual(['OPS-3']);
    expect(keys('resolutiondate < "2025-03-01"')).toEqual(['INC-1']);
    expect(keys('due = "2025-03-25"')).toEqual(['OPS-4']);
    expect(keys('duedate < startOfDay()')).toEqual(['OPS-3']);
  });

  it('statusCategory != Done AND duedate < now() finds overdue action items', () => {
    const now = jqlContext({ now: new Date('2025-03-26T00:00:00Z') });
    expect(keys('statusCategory != Done AND duedate < now()', now)).toEqual(['OPS-4']);
  });
});

describe('compileJql: entity properties', () => {
  it('by searchAlias (string, number, date, text)', () => {
    expect(keys('postmortemStatus = FINAL')).toEqual(['INC-1']);
    expect(keys('postmortemStatus != FINAL')).toEqual(['INC-2']);
    expect(keys('postmortemStatus in (FINAL, DRAFT)')).toEqual(['INC-1', 'INC-2']);
    expect(keys('postmortemSeverity <= 2')).toEqual(['INC-1']);
    expect(keys('postmortemSeverity > 1')).toEqual(['INC-2']);
    expect(keys('postmortemFinalizedAt < "2025-03-01"')).toEqual(['INC-1']);
    expect(keys('postmortemRootCause ~ tls')).toEqual(['INC-1']);
    expect(keys('postmortemStatus is empty')).toEqual(['INC-10', 'OPS-3', 'OPS-4']);
  });

  it('as issue.property[key].path', () => {
    expect(keys('issue.property[postmortem-summary].status = FINAL')).toEqual(['INC-1']);
    expect(keys('issue.property[postmortem-summary].severity >= 3')).toEqual(['INC-2']);
    expect(keys('issue.property[postmortem-summary].owner = currentUser()')).toEqual(['INC-1']);
  });

  it('finds nothing by a property path the manifest does not declare, as Jira indexes none', () => {
    // INC-2 and OPS-3 store incidentKey "INC-1", but the fixture's manifest declares no such path.
    expect(keys('issue.property[postmortem-action-source].incidentKey = "INC-1"')).toEqual([]);
    expect(keys('issue.property[postmortem-action-source].tags = capacity')).toEqual([]);
  });
});

describe('compileJql: ORDER BY and default order', () => {
  it('defaults to created DESC, then key DESC', () => {
    expect(search('project in (INC, OPS)')).toEqual(['INC-10', 'OPS-4', 'OPS-3', 'INC-2', 'INC-1']);
  });

  it('sorts keys by project, then number', () => {
    expect(search('project = INC ORDER BY key')).toEqual(['INC-1', 'INC-2', 'INC-10']);
    expect(search('project = INC ORDER BY issuekey DESC')).toEqual(['INC-10', 'INC-2', 'INC-1']);
  });

  it('puts EMPTY last ascending and first descending', () => {
    expect(search('project = INC ORDER BY resolutiondate ASC')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(search('project = OPS ORDER BY duedate desc')).toEqual(['OPS-4', 'OPS-3']);
    expect(search('labels is not empty ORDER BY duedate DESC')).toEqual(['INC-2', 'INC-1', 'OPS-4', 'OPS-3']);
  });

  it('sorts priority by rank and accepts several fields', () => {
    expect(search('priority is not empty ORDER BY priority DESC')).toEqual([
      'INC-1',
      'INC-2',
      'INC-10',
      'OPS-3',
    ]);
    expect(search('project in (INC, OPS) ORDER BY statusCategory ASC, created DESC')).toEqual([
      'INC-10',
      'OPS-4',
      'INC-2',
      'OPS-3',
      'INC-1',
    ]);
  });

  it('sorts by property alias and summary', () => {
    expect(search('postmortemStatus is not empty ORDER BY postmortemStatus')).toEqual(['INC-2', 'INC-1']);
    expect(search('project = OPS ORDER BY summary ASC')).toEqual(['OPS-4', 'OPS-3']);
  });

  it('ORDER BY alone is allowed and matches everything', () => {
    expect(search('ORDER BY key ASC')).toEqual(['INC-1', 'INC-2', 'INC-10', 'OPS-3', 'OPS-4']);
  });
});

describe('compileJql: bounded', () => {
  it('is false for an empty query or one with only ORDER BY', () => {
    expect(compileJql('', jqlContext()).bounded).toBe(false);
    expect(compileJql('   ', jqlContext()).bounded).toBe(false);
    expect(compileJql('ORDER BY created DESC', jqlContext()).bounded).toBe(false);
    expect(compileJql('project = INC ORDER BY created', jqlContext()).bounded).toBe(true);
    expect(compileJql('created >= -30d', jqlContext()).bounded).toBe(true);
  });
});

describe('compileJql: errors answer Jira messages', () => {
  it('rejects unknown fields, in clauses and in ORDER BY', () => {
    expect(jqlError('foo = bar')).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
    expect(jqlError('project = INC ORDER BY foo')).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
    expect(jqlError('project.property[x].y = 1')[0]).toContain('does not exist');
  });

  it('rejects unknown functions and functions of the wrong kind', () => {
    expect(jqlError('created > fooBar()')).toEqual(["Unable to find JQL function 'fooBar()'."]);
    expect(jqlError('project = now()')).toEqual([
      "A value provided by the function 'now' is invalid for the field 'project'.",
    ]);
    expect(jqlError('created > startOfMonth(x)')[0]).toContain('startOfMonth');
  });

  it('rejects bad syntax with "Error in the JQL Query"', () => {
    for (const bad of ['project = ', 'project = INC AND', '(project = INC', 'project INC', 'ORDER BY']) {
      expect(jqlError(bad)[0]).toMatch(/^Error in the JQL Query: /);
    }
  });

  it('rejects operators a field does not support', () => {
    expect(jqlError('project ~ INC')).toEqual(["The operator '~' is not supported by the 'project' field."]);
    expect(jqlError('summary = outage')).toEqual([
      "The operator '=' is not supported by the 'summary' field.",
    ]);
    expect(jqlError('status was Done')).toEqual([
      "The operator 'was' is not supported by the 'status' field.",
    ]);
    expect(jqlError('status changed')).toEqual([
      "The operator 'changed' is not supported by the 'status' field.",
    ]);
    expect(jqlError('labels > a')).toEqual(["The operator '>' is not supported by the 'labels' field."]);
  });

  it('rejects an empty text search and lists where one value is expected', () => {
    expect(jqlError('summary ~ ""')).toEqual([
      "The field 'summary' does not support searching for an empty string.",
    ]);
    expect(jqlError('project = (INC, OPS)')[0]).toMatch(
      /^Error in the JQL Query: extraneous input '\(' .* \(line 1, character 11\)\.$/,
    );
    expect(jqlError('created > (-1d, -2d)')[0]).toMatch(/^Error in the JQL Query: extraneous input '\('/);
    expect(jqlError('project in (INC, now())')).toEqual([
      "A value provided by the function 'now' is invalid for the field 'project'.",
    ]);
  });

  it('rejects invalid date values', () => {
    expect(jqlError('created > "2025-02-30"')[0]).toMatch(
      /^Date value '2025-02-30' for field 'created' is invalid/,
    );
    expect(jqlError('created > yesterday')[0]).toMatch(/^Date value 'yesterday'/);
  });

  it("is a JqlError carrying Jira's errorMessages", () => {
    expect(() => compileJql('foo = 1', jqlContext())).toThrow(JqlError);
  });
});
