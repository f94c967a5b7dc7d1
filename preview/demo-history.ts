/**
 * Demo incidents for issue 15's history features, relative to `now` so the preview always shows them
 * fresh: an incident with a changelog, comments and a linked follow-up (timeline from Jira); an earlier
 * FINAL postmortem of the same category whose fix is still open (Seen before); a SEV-3 incident
 * (the short template).
 */
import { emptyPostmortem, indexedSummary, type PostmortemDocument } from '../src/domain/postmortem';
import { POSTMORTEM_SUMMARY_PROPERTY } from '../src/jira/postmortem-summary-property';
import type { DemoData, DemoIssue } from './demo-data';

const MINUTE = 60_000;
const DAY = 86_400_000;
const jiraTime = (date: Date) => date.toISOString().replace('Z', '+0000');
const day = (date: Date) => date.toISOString().slice(0, 10);
const MIA = { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Mia Krystof' };
const ALEX = { accountId: '5b109f2e9729b51b54dc274d', displayName: 'Alex Rivera' };

const STATUS = {
  todo: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
  progress: { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } },
  done: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
};

const paragraph = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** One changelog entry as Jira answers it (author, created, items with ids and display strings). */
function change(
  id: string,
  at: Date,
  author: typeof MIA,
  items: Array<[string, string | null, string | null]>,
) {
  return {
    id,
    author,
    created: jiraTime(at),
    items: items.map(([field, fromString, toString]) => ({
      field,
      fieldtype: 'jira',
      fieldId: field,
      from: null,
      fromString,
      to: null,
      toString,
    })),
  };
}

export interface HistoryDemoKeys {
  /** The incident with a changelog, comments and a linked follow-up. */
  withHistory: string;
  /** The earlier FINAL postmortem of the same category. */
  earlierFinal: string;
  /** The SEV-3 incident. */
  minor: string;
}

/** The demo's history incidents, numbered from `first` in project INC. */
export function historyDemo(now: Date, first: number): DemoData & { keys: HistoryDemoKeys } {
  const key = (offset: number) => `INC-${first + offset}`;
  const keys = { withHistory: key(0), earlierFinal: key(2), minor: key(5) };
  const created = new Date(Math.floor((now.getTime() - 2 * DAY) / MINUTE) * MINUTE);
  const at = (minutes: number) => new Date(created.getTime() + minutes * MINUTE);
  const followUp = key(1);
  const issues: DemoIssue[] = [
    {
      key: keys.withHistory,
      fields: {
        summary: 'Checkout errors after cache flush',
        issuetype: { name: 'Incident', subtask: false },
        project: { key: 'INC' },
        status: STATUS.done,
        priority: { name: 'Highest' },
        labels: ['SEV-2'],
        components: [{ name: 'Database' }],
        created: jiraTime(created),
        updated: jiraTime(at(70)),
        resolutiondate: jiraTime(at(70)),
        reporter: MIA,
        assignee: ALEX,
        issuelinks: [{ id: '10001', type: { name: 'Relates' }, outwardIssue: { key: followUp } }],
        comment: {
          comments: [
            {
              author: ALEX,
              body: paragraph('Cache flush ran at the start; orders DB connection pool at 100%.'),
              created: jiraTime(at(12)),
            },
            {
              author: MIA,
              body: paragraph('Paused the cache warm-up job; error rate recovering.'),
              created: jiraTime(at(35)),
            },
          ],
        },
      },
      // As GET issue?expand=changelog answers it; the emulator serves it from GET /issue/{key}/changelog.
      changelog: {
        histories: [
          change('20001', at(4), MIA, [['assignee', null, ALEX.displayName]]),
          change('20002', at(8), ALEX, [
            ['status', 'To Do', 'In Progress'],
            ['priority', 'High', 'Highest'],
          ]),
          change('20003', at(70), ALEX, [['status', 'In Progress', 'Done']]),
        ],
      },
    },
    {
      key: followUp,
      fields: {
        summary: 'Rate-limit the cache warm-up job',
        issuetype: { name: 'Task', subtask: false },
        project: { key: 'INC' },
        status: STATUS.todo,
        created: jiraTime(at(40)),
        updated: jiraTime(at(40)),
        reporter: MIA,
        issuelinks: [{ id: '10001', type: { name: 'Relates' }, inwardIssue: { key: keys.withHistory } }],
      },
    },
  ];
  const earlierCreated = new Date(now.getTime() - 60 * DAY);
  const finalizedAt = new Date(earlierCreated.getTime() + 3 * DAY);
  const earlier = emptyPostmortem({
    incidentId: keys.earlierFinal,
    title: 'Orders DB connection pool exhausted after cache eviction',
    date: day(earlierCreated),
    severity: 'SEV-2',
    writtenBy: ALEX.displayName,
    category: 'Database',
  });
  const earlierFixes: Array<{ action: string; done: boolean; due: Date }> = [
    {
      action: 'Alert on orders DB connection pool above 80%',
      done: true,
      due: new Date(now.getTime() - 40 * DAY),
    },
    {
      action: 'Warm the cache gradually after an eviction',
      done: false,
      due: new Date(now.getTime() - 20 * DAY),
    },
  ];
  const earlierDocument: PostmortemDocument = {
    ...earlier,
    header: { ...earlier.header, status: 'FINAL', finalizedAt: finalizedAt.toISOString() },
    impact: { ...earlier.impact, text: 'Checkout failed for 25 minutes.' },
    rootCause: {
      text: 'A cache eviction sent every read to the orders database and exhausted its connection pool.',
      summary: 'Cache eviction exhausted the orders DB connection pool',
    },
    actionItems: earlierFixes.map((fix, index) => ({
      id: `ai-${index + 1}`,
      action: fix.action,
      owner: ALEX,
      dueDate: day(fix.due),
      externalRef: null,
      createdIssueKey: key(3 + index),
    })),
  };
  issues.push({
    key: keys.earlierFinal,
    fields: {
      summary: earlierDocument.header.title,
      issuetype: { name: 'Incident', subtask: false },
      project: { key: 'INC' },
      status: STATUS.done,
      priority: { name: 'High' },
      labels: ['SEV-2'],
      components: [{ name: 'Database' }],
      created: jiraTime(earlierCreated),
      updated: jiraTime(finalizedAt),
      resolutiondate: jiraTime(new Date(earlierCreated.getTime() + 25 * MINUTE)),
      reporter: ALEX,
    },
    properties: { [POSTMORTEM_SUMMARY_PROPERTY]: indexedSummary(earlierDocument) },
  });
  earlierFixes.forEach((fix, index) =>
    issues.push({
      key: key(3 + index),
      fields: {
        summary: fix.action,
        issuetype: { name: 'Subtask', subtask: true },
        project: { key: 'INC' },
        parent: { key: keys.earlierFinal },
        status: fix.done ? STATUS.done : STATUS.progress,
        labels: ['postmortem-action'],
        created: jiraTime(finalizedAt),
        updated: jiraTime(finalizedAt),
        resolutiondate: fix.done ? jiraTime(new Date(fix.due.getTime() - DAY)) : null,
        duedate: day(fix.due),
        assignee: ALEX,
      },
      properties: {
        'postmortem-action-source': { incidentKey: keys.earlierFinal, rowId: `ai-${index + 1}` },
      },
    }),
  );

  const minorCreated = new Date(now.getTime() - DAY);
  issues.push({
    key: keys.minor,
    fields: {
      summary: 'Admin report export slow',
      issuetype: { name: 'Incident', subtask: false },
      project: { key: 'INC' },
      status: STATUS.done,
      priority: { name: 'Medium' },
      labels: ['SEV-3'],
      components: [{ name: 'Reporting' }],
      created: jiraTime(minorCreated),
      updated: jiraTime(new Date(minorCreated.getTime() + 90 * MINUTE)),
      resolutiondate: jiraTime(new Date(minorCreated.getTime() + 90 * MINUTE)),
      reporter: MIA,
    },
  });

  const draft = emptyPostmortem({
    incidentId: keys.withHistory,
    title: 'Checkout errors after cache flush',
    date: day(created),
    severity: 'SEV-2',
    writtenBy: MIA.displayName,
    category: 'Database',
  });
  const withHistoryDocument: PostmortemDocument = {
    ...draft,
    header: {
      ...draft.header,
      startTime: `${day(created)} ${created.toISOString().slice(11, 16)}`,
      endTime: `${day(at(70))} ${at(70).toISOString().slice(11, 16)}`,
      timeZone: 'UTC',
      durationMinutes: 70,
    },
    rootCause: {
      text: 'A cache flush sent every read to the orders database and its connection pool was exhausted.',
      summary: null,
    },
  };
  return {
    keys,
    issues,
    postmortems: [
      { issueKey: keys.withHistory, document: withHistoryDocument },
      { issueKey: keys.earlierFinal, document: earlierDocument },
    ],
  };
}
