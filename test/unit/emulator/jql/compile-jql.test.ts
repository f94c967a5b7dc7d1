import { compileJql } from '../../../emulator/jql/compile-jql';
import { JqlError } from '../../../emulator/jql/compile-jql.types';
import type { JqlContext, StoredIssue } from '../../../emulator/jql/compile-jql.types';
import { issue, jqlContext } from './jql-fixtures';

const ISSUES: StoredIssue[] = [
  issue({
    key: 'INC-1',
    summary: 'Payment outage in checkout',
    description: 'Card payments failed for 42 minutes after the gateway deploy.',
    labels: ['SEV-1', 'POSTMORTEM-FINAL'],
    priority: 'Highest',
    status: 'Closed',
    category: 'done',
    created: '2025-03-02T08:00:00.000+0000',
    resolved: '2025-03-02T09:00:00.000+0000',
    assignee: 'acc-me',
    reporter: 'acc-ana',
    components: ['payments', 'gateway'],
    comments: ['Rollback restored traffic'],
    properties: {
      'postmortem-summary': {
        status: 'FINAL',
        category: 'Deploy',
        finalizedAt: '2025-03-05T12:00:00.000Z',
        actionItemCount: 3,
        title: 'Gateway deploy broke card payments',
      },
    },
  }),
  issue({
    key: 'INC-2',
    summary: 'Search latency spike',
    labels: ['sev-2'],
    priority: 'High',
    status: 'In Review',
    category: 'indeterminate',
    created: '2025-03-10T16:30:00.000+0000',
    assignee: 'acc-bo',
    components: ['search'],
    properties: { 'postmortem-summary': { status: 'DRAFT', category: 'Capacity', actionItemCount: 0 } },
  }),
  issue({
    key: 'INC-10',
    summary: 'Login errors',
    priority: 'Medium',
    created: '2025-02-27T23:30:00.000+0000',
    updated: '2025-03-18T10:00:00.000+0000',
  }),
  issue({
    key: 'OPS-3',
    type: 'Sub-task',
    summary: 'Add canary stage to gateway deploys',
    labels: ['postmortem-action'],
    priority: 'Low',
    category: 'done',
    created: '2025-03-03T10:00:00.000+0000',
    resolved: '2025-03-12T10:00:00.000+0000',
    due: '2025-03-14',
    parent: 'INC-1',
    assignee: 'acc-ana',
  }),
  issue({
    key: 'OPS-4',
    type: 'Sub-task',
    summary: 'Alert on payment error rate',
    labels: ['postmortem-action'],
    created: '2025-03-03T10:05:00.000+0000',
    due: '2025-03-31',
    parent: 'INC-1',
  }),
];

function search(jql: string, context: JqlContext = jqlContext(), issues: StoredIssue[] = ISSUES): string[] {
  const compiled = compileJql(jql, context);
  return issues
    .filter((i) => compiled.matches(i))
    .sort(compiled.compare)
    .map((i) => i.key);
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
  throw new Error(`expected a JqlError for: ${jql}`);
}

describe('compileJql: operators', () => {
  it('= and != (!= never returns issues whose field is empty, as Jira)', () => {
    expect(keys('priority = High')).toEqual(['INC-2']);
    expect(keys('priority != High')).toEqual(['INC-1', 'INC-10', 'OPS-3']);
  });

  it('IN and NOT IN, including EMPTY inside the list', () => {
    expect(keys('priority in (Highest, High)')).toEqual(['INC-1', 'INC-2']);
    expect(keys('priority not in (Highest, High)')).toEqual(['INC-10', 'OPS-3']);
    expect(keys('priority in (Low, EMPTY)')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('IS EMPTY and IS NOT EMPTY (also = EMPTY)', () => {
    expect(keys('resolved is EMPTY')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
    expect(keys('resolved is not empty')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('assignee = EMPTY')).toEqual(['INC-10', 'OPS-4']);
  });

  it('> >= < <= on dates', () => {
    expect(keys('created > "2025-03-03 10:00"')).toEqual(['INC-2', 'OPS-4']);
    expect(keys('created >= "2025-03-03 10:00"')).toEqual(['INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('created < "2025-03-01"')).toEqual(['INC-10']);
    expect(keys('created <= "2025-03-02 08:00"')).toEqual(['INC-1', 'INC-10']);
  });

  it('AND binds tighter than OR; parentheses and NOT change that', () => {
    expect(keys('priority = Low OR priority = High AND labels = sev-2')).toEqual(['INC-2', 'OPS-3']);
    expect(keys('(priority = Low OR priority = High) AND labels = sev-2')).toEqual(['INC-2']);
    expect(keys('NOT issuetype = Incident')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('issuetype = Incident AND NOT (labels = SEV-1 OR labels = SEV-2)')).toEqual(['INC-10']);
  });

  it('~ and !~ search text case-insensitively by word prefix, with * wildcards and quoted phrases', () => {
    expect(keys('summary ~ payment')).toEqual(['INC-1', 'OPS-4']);
    expect(keys('summary ~ "PAY*"')).toEqual(['INC-1', 'OPS-4']);
    expect(keys('summary ~ "gate*deploy"')).toEqual([]);
    expect(keys('summary ~ "outage checkout"')).toEqual(['INC-1']);
    expect(keys('summary ~ "\\"checkout outage\\""')).toEqual([]);
    expect(keys('summary ~ "\\"outage in checkout\\""')).toEqual(['INC-1']);
    expect(keys('summary !~ payment')).toEqual(['INC-10', 'INC-2', 'OPS-3']);
    expect(keys('summary ~ ment')).toEqual([]);
  });
});

describe('compileJql: fields', () => {
  it('project by key, id or name, case-insensitively', () => {
    expect(keys('project = ops')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('project = 10000')).toEqual(['INC-1', 'INC-10', 'INC-2']);
    expect(keys('project = "OPS project"')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('issuetype and its alias type, with subTaskIssueTypes() and standardIssueTypes()', () => {
    expect(keys('issuetype = "sub-task"')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('issuetype in subTaskIssueTypes()')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('issuetype in standardIssueTypes() AND issuetype != Incident')).toEqual([]);
    expect(keys('type not in standardIssueTypes()')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('type = Incident')).toEqual(['INC-1', 'INC-10', 'INC-2']);
  });

  it('labels match any label, case-insensitively', () => {
    expect(keys('labels = postmortem-final')).toEqual(['INC-1']);
    expect(keys('labels in (SEV-1, SEV-2)')).toEqual(['INC-1', 'INC-2']);
    expect(keys('labels != SEV-1')).toEqual(['INC-2', 'OPS-3', 'OPS-4']);
    expect(keys('labels is EMPTY')).toEqual(['INC-10']);
  });

  it('status, statusCategory (key or name) and priority', () => {
    expect(keys('status = "in review"')).toEqual(['INC-2']);
    expect(keys('statusCategory = Done')).toEqual(['INC-1', 'OPS-3']);
    expect(keys('statusCategory in (new, "In Progress")')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
    expect(keys('statusCategory != done')).toEqual(['INC-10', 'INC-2', 'OPS-4']);
    expect(keys('priority = highest')).toEqual(['INC-1']);
  });

  it('created, createdDate, resolved, resolutiondate, updated', () => {
    expect(keys('createdDate >= "2025-03-10"')).toEqual(['INC-2']);
    expect(keys('resolved >= "2025-03-10"')).toEqual(['OPS-3']);
    expect(keys('resolutiondate < "2025-03-10"')).toEqual(['INC-1']);
    expect(keys('updated >= -2d')).toEqual(['INC-10']);
  });

  it('duedate and due compare calendar days', () => {
    expect(keys('duedate = "2025-03-14"')).toEqual(['OPS-3']);
    expect(keys('due <= endOfMonth()')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('due < now()')).toEqual(['OPS-3']);
    expect(keys('due is empty')).toEqual(['INC-1', 'INC-10', 'INC-2']);
  });

  it('parent by key or id', () => {
    expect(keys('parent = INC-1')).toEqual(['OPS-3', 'OPS-4']);
    expect(keys('parent in (10001)')).toEqual(['OPS-3', 'OPS-4']);
  });

  it('assignee and reporter by accountId, display name or currentUser()', () => {
    expect(keys('assignee = currentUser()')).toEqual(['INC-1']);
    expect(keys('assignee in (acc-bo, Ana)')).toEqual(['INC-2', 'OPS-3']);
    expect(keys('assignee in currentUser()')).toEqual(['INC-1']);
    expect(keys('reporter = acc-ana')).toEqual(['INC-1']);
    expect(keys('assignee != currentUser()')).toEqual(['INC-2', 'OPS-3']);
  });

  it('component matches any component', () => {
    expect(keys('component = gateway')).toEqual(['INC-1']);
    expect(keys('component not in (payments)')).toEqual(['INC-2']);
  });

  it('summary, description and text (summary + description + comments)', () => {
    expect(keys('description ~ gateway')).toEqual(['INC-1']);
    expect(keys('text ~ rollback')).toEqual(['INC-1']);
    expect(keys('text ~ canary')).toEqual(['OPS-3']);
    expect(keys('description is empty')).toEqual(['INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
  });

  it('key, issuekey and id, including ranges within a project', () => {
    expect(keys('key = INC-10')).toEqual(['INC-10']);
    expect(keys('issuekey in (inc-1, OPS-4)')).toEqual(['INC-1', 'OPS-4']);
    expect(keys('key > INC-2')).toEqual(['INC-10']);
    expect(keys('key <= OPS-3')).toEqual(['OPS-3']);
    expect(keys('key = 10003')).toEqual(['OPS-3']);
    expect(keys('id >= 10004')).toEqual(['INC-10', 'OPS-4']);
  });

  it('resolution = Unresolved means no resolution', () => {
    expect(keys('resolution = Unresolved')).toEqual(['INC-1', 'INC-10', 'INC-2', 'OPS-3', 'OPS-4']);
  });

  it('field names are case-insensitive', () => {
    expect(keys('PRIORITY = High AND StatusCategory = indeterminate')).toEqual(['INC-2']);
  });
});

describe('compileJql: indexed entity properties', () => {
  it('by searchAlias', () => {
    expect(keys('pmStatus = FINAL')).toEqual(['INC-1']);
    expect(keys('pmStatus in (final, draft)')).toEqual(['INC-1', 'INC-2']);
    expect(keys('pmStatus is EMPTY')).toEqual(['INC-10', 'OPS-3', 'OPS-4']);
    expect(keys('pmCategory != Deploy')).toEqual(['INC-2']);
  });

  it('as issue.property[key].path', () => {
    expect(keys('issue.property[postmortem-summary].status = FINAL')).toEqual(['INC-1']);
    expect(keys('issue.property["postmortem-summary"].category = capacity')).toEqual(['INC-2']);
  });

  it('number, date and text properties', () => {
    expect(keys('pmActionItems > 0')).toEqual(['INC-1']);
    expect(keys('pmActionItems >= 0')).toEqual(['INC-1', 'INC-2']);
    expect(keys('pmFinalizedAt >= startOfMonth() AND pmFinalizedAt < "2025-03-06"')).toEqual(['INC-1']);
    expect(keys('issue.property[postmortem-summary].title ~ "card*"')).toEqual(['INC-1']);
  });

  it('a property path that is not indexed does not exist', () => {
    expect(jqlError('issue.property[postmortem-summary].secret = x')).toEqual([
      "Field 'issue.property[postmortem-summary].secret' does not exist or you do not have permission to view it.",
    ]);
  });
});

describe('compileJql: ORDER BY', () => {
  it('defaults to created DESC, then key DESC', () => {
    expect(search('project in (INC, OPS)')).toEqual(['INC-2', 'OPS-4', 'OPS-3', 'INC-1', 'INC-10']);
  });

  it('sorts by several fields and directions', () => {
    expect(search('project = INC ORDER BY key')).toEqual(['INC-1', 'INC-2', 'INC-10']);
    expect(search('project = OPS ORDER BY duedate desc')).toEqual(['OPS-4', 'OPS-3']);
    expect(search('labels is not empty ORDER BY statusCategory ASC, created DESC')).toEqual([
      'OPS-4',
      'INC-2',
      'OPS-3',
      'INC-1',
    ]);
  });

  it('ranks priorities Highest..Lowest and puts empty values last when ascending', () => {
    expect(search('project in (INC, OPS) ORDER BY priority DESC')).toEqual([
      'OPS-4',
      'INC-1',
      'INC-2',
      'INC-10',
      'OPS-3',
    ]);
    expect(search('project in (INC, OPS) ORDER BY priority ASC')).toEqual([
      'OPS-3',
      'INC-10',
      'INC-2',
      'INC-1',
      'OPS-4',
    ]);
  });

  it('sorts by an entity property alias', () => {
    expect(search('pmStatus is not empty ORDER BY pmStatus')).toEqual(['INC-2', 'INC-1']);
  });
});

describe('compileJql: bounded', () => {
  it('is false for an empty query or one with only ORDER BY', () => {
    expect(compileJql('', jqlContext()).bounded).toBe(false);
    expect(compileJql('  ', jqlContext()).bounded).toBe(false);
    expect(compileJql('ORDER BY created DESC', jqlContext()).bounded).toBe(false);
    expect(compileJql('project = INC ORDER BY created', jqlContext()).bounded).toBe(true);
  });

  it('an unbounded query still matches everything (the REST layer decides whether to reject it)', () => {
    expect(search('ORDER BY key ASC')).toEqual(['INC-1', 'INC-2', 'INC-10', 'OPS-3', 'OPS-4']);
  });
});

describe('compileJql: errors use Jira messages', () => {
  it('unknown field', () => {
    expect(jqlError('foo = bar')).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
    expect(jqlError('project = INC ORDER BY foo')).toEqual([
      "Field 'foo' does not exist or you do not have permission to view it.",
    ]);
  });

  it('unknown function', () => {
    expect(jqlError('created > startOfDecade()')).toEqual(["Unable to find JQL function 'startOfDecade()'."]);
  });

  it('function that does not fit the field', () => {
    expect(jqlError('priority in subTaskIssueTypes()')).toEqual([
      "A value provided by the function 'subTaskIssueTypes' is invalid for the field 'priority'.",
    ]);
    expect(jqlError('created = currentUser()')).toEqual([
      "A value provided by the function 'currentUser' is invalid for the field 'created'.",
    ]);
  });

  it('operator the field does not support', () => {
    expect(jqlError('summary = "x"')).toEqual(["The operator '=' is not supported by the 'summary' field."]);
    expect(jqlError('labels > a')).toEqual(["The operator '>' is not supported by the 'labels' field."]);
    expect(jqlError('status was Done')).toEqual([
      "The operator 'was' is not supported by the 'status' field.",
    ]);
  });

  it('values an operator cannot use', () => {
    expect(jqlError('key > 10003')).toEqual([
      "The operator '>' does not support the value '10003' for field 'key'.",
    ]);
    expect(jqlError('created > EMPTY')[0]).toMatch(/^Error in the JQL Query: mismatched input 'EMPTY'/);
    expect(jqlError('pmActionItems = many')).toEqual([
      "The value 'many' is invalid for the field 'pmActionItems'.",
    ]);
  });

  it('invalid date value', () => {
    expect(jqlError('created > "March 1st"')[0]).toMatch(
      /^Date value 'March 1st' for field 'created' is invalid\./,
    );
    expect(jqlError('created > "2025-02-30"')[0]).toMatch(/^Date value '2025-02-30'/);
  });

  it('syntax errors', () => {
    expect(jqlError('project = ')[0]).toMatch(/^Error in the JQL Query: .*\(line 1, character 11\)\.$/);
    expect(jqlError('project = INC AND')[0]).toMatch(/^Error in the JQL Query: /);
    expect(jqlError('(project = INC')[0]).toMatch(/^Error in the JQL Query: /);
  });

  it('the grammar itself rejects IN without a list and = with a list', () => {
    expect(jqlError('priority in High')[0]).toMatch(/^Error in the JQL Query: .*expecting '\('/);
    expect(jqlError('priority = (High, Low)')[0]).toMatch(/^Error in the JQL Query: extraneous input '\('/);
  });

  it('JqlError carries Jira 400 body messages', () => {
    const error = new JqlError(['a', 'b']);
    expect(error.message).toBe('a b');
    expect(error).toBeInstanceOf(Error);
  });
});
