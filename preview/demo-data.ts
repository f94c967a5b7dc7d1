import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyPostmortem, parseMarkdown, type PostmortemDocument } from '../src/domain/postmortem';
import { seededRandom } from '../emulator/seeded-random';
import { historyDemo } from './demo-history';

/** A Jira issue bean as `POST /__emulator/issues` takes it (the shape GET issue answers). */
export interface DemoIssue {
  key: string;
  fields: Record<string, unknown>;
  properties?: Record<string, unknown>;
  /** Seeded history (`changelog.histories`, as GET issue?expand=changelog answers it). */
  changelog?: { histories: unknown[] };
}

export interface DemoData {
  issues: DemoIssue[];
  postmortems: Array<{ issueKey: string; document: PostmortemDocument }>;
}

const SERVICES = [
  {
    component: 'Database',
    summaries: [
      'Connection pool exhausted on orders DB',
      'Slow queries after index drop',
      'Replica lag above 5 minutes',
    ],
  },
  {
    component: 'Deployment',
    summaries: ['Bad config shipped with release', 'Canary rollout stalled', 'Migration failed mid-deploy'],
  },
  {
    component: 'External API',
    summaries: ['Payment provider timeouts', 'Geocoding API rate limited', 'SMS gateway outage'],
  },
  {
    component: 'Kubernetes',
    summaries: [
      'Nodes NotReady after AMI update',
      'Ingress returning 503',
      'DNS resolution failures in cluster',
    ],
  },
  {
    component: 'Networking',
    summaries: [
      'Packet loss between zones',
      'TLS certificate expired',
      'Load balancer health checks flapping',
    ],
  },
];
const PEOPLE = [
  { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Mia Krystof' },
  { accountId: '5b109f2e9729b51b54dc274d', displayName: 'Alex Rivera' },
  { accountId: '5b10a2844c20165700ede21g', displayName: 'Maria Chen' },
];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low'];

const jiraTime = (date: Date) => date.toISOString().replace('Z', '+0000');
const day = (date: Date) => date.toISOString().slice(0, 10);
const status = (done: boolean, inProgress = false) =>
  done
    ? { name: 'Done', statusCategory: { key: 'done', name: 'Done' } }
    : inProgress
      ? { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } }
      : { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } };

/**
 * About twelve months of incidents in project INC (fixed seed): severities, services, resolution
 * times, finalized and draft postmortems, action items done, open and overdue — plus the reference
 * document's INC-2025-034 payment outage (preview/payment-outage.md) and the history demo
 * (preview/demo-history.ts).
 */
export function demoData(now: Date, seed = 2025): DemoData {
  const next = seededRandom(seed); // the same seed gives the same demo site on every machine
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const issues: DemoIssue[] = [];
  const postmortems: DemoData['postmortems'] = [];
  let number = 0;

  for (let monthsAgo = 12; monthsAgo >= 0; monthsAgo -= 1) {
    const count = 6 + Math.floor(next() * 6);
    for (let i = 0; i < count; i += 1) {
      const created = new Date(
        Date.UTC(
          now.getUTCFullYear(),
          now.getUTCMonth() - monthsAgo,
          1 + Math.floor(next() * 27),
          Math.floor(next() * 24),
          Math.floor(next() * 60),
        ),
      );
      if (created >= now) continue;
      number += 1;
      const key = `INC-${number}`;
      const service = pick(SERVICES);
      const priority = pick(PRIORITIES);
      const severityLabel = priority === 'Highest' ? 'SEV-1' : priority === 'High' ? 'SEV-2' : null;
      const minutes = 10 + Math.floor(next() * (severityLabel === 'SEV-1' ? 120 : 300));
      const resolvedAt = new Date(created.getTime() + minutes * 60_000);
      const resolved = resolvedAt < now && next() > 0.05;
      const reporter = pick(PEOPLE);
      const summary = pick(service.summaries);
      issues.push({
        key,
        fields: {
          summary,
          issuetype: { name: 'Incident', subtask: false },
          project: { key: 'INC' },
          status: status(resolved),
          priority: { name: priority },
          labels: severityLabel ? [severityLabel] : [],
          components: [{ name: service.component }],
          created: jiraTime(created),
          updated: jiraTime(resolved ? resolvedAt : created),
          resolutiondate: resolved ? jiraTime(resolvedAt) : null,
          reporter,
          assignee: reporter,
        },
      });
      if (!resolved || next() < 0.3) continue;

      const finalized = next() < 0.75;
      const document = emptyPostmortem({
        incidentId: key,
        title: summary,
        date: day(created),
        severity: severityLabel ?? undefined,
        writtenBy: reporter.displayName,
        category: service.component,
      });
      const finalizedAt = new Date(resolvedAt.getTime() + (1 + Math.floor(next() * 9)) * 86_400_000);
      const items = 1 + Math.floor(next() * 4);
      const actionItems: PostmortemDocument['actionItems'] = [];
      for (let a = 1; a <= items; a += 1) {
        const owner = pick(PEOPLE);
        const due = new Date(resolvedAt.getTime() + (7 + Math.floor(next() * 30)) * 86_400_000);
        const childKey = finalized && finalizedAt < now ? `INC-${(number += 1)}` : null;
        actionItems.push({
          id: `ai-${a}`,
          action: `Prevent "${summary.toLowerCase()}" from recurring (${a})`,
          owner,
          dueDate: day(due),
          externalRef: null,
          createdIssueKey: childKey,
        });
        if (!childKey || finalizedAt >= now) continue;
        const done = due < now ? next() < 0.7 : next() < 0.3;
        const doneAt = new Date(
          Math.min(now.getTime() - 3_600_000, due.getTime() + (next() - 0.6) * 10 * 86_400_000),
        );
        issues.push({
          key: childKey,
          fields: {
            summary: actionItems[a - 1]?.action ?? '',
            issuetype: { name: 'Subtask', subtask: true },
            project: { key: 'INC' },
            parent: { key },
            status: status(done, !done && next() < 0.4),
            priority: { name: 'Medium' },
            labels: ['postmortem-action'],
            components: [],
            created: jiraTime(finalizedAt),
            updated: jiraTime(done ? doneAt : finalizedAt),
            resolutiondate: done ? jiraTime(doneAt) : null,
            duedate: day(due),
            assignee: owner,
            reporter,
          },
          properties: { 'postmortem-action-source': { incidentKey: key, rowId: `ai-${a}` } },
        });
      }
      postmortems.push({
        issueKey: key,
        document: {
          ...document,
          header: {
            ...document.header,
            status: finalized && finalizedAt < now ? 'FINAL' : 'DRAFT',
            finalizedAt: finalized && finalizedAt < now ? finalizedAt.toISOString() : null,
            durationMinutes: minutes,
          },
          rootCause: {
            text: `${service.component} capacity limits were not covered by alerting.`,
            summary: `${service.component} capacity not monitored`,
          },
          actionItems:
            finalized && finalizedAt < now
              ? actionItems
              : actionItems.map((item) => ({ ...item, createdIssueKey: null })),
        },
      });
    }
  }
  addReferenceIncident(issues, postmortems, number + 1);
  const history = historyDemo(now, number + 2);
  issues.push(...history.issues);
  postmortems.push(...history.postmortems);
  return { issues, postmortems };
}

/**
 * A payment outage like the reference document's INC-2025-034, told in the project's own words
 * (preview/payment-outage.md), as a draft ready to finalize (five action items).
 */
function addReferenceIncident(
  issues: DemoIssue[],
  postmortems: DemoData['postmortems'],
  number: number,
): void {
  const { document } = parseMarkdown(readFileSync(join(__dirname, 'payment-outage.md'), 'utf8'));
  const key = `INC-${number}`;
  issues.push({
    key,
    fields: {
      summary: 'Payment Service Outage',
      issuetype: { name: 'Incident', subtask: false },
      project: { key: 'INC' },
      status: status(true),
      priority: { name: 'Highest' },
      labels: ['SEV-1', 'slo-violation'],
      components: [{ name: 'Database' }],
      created: '2025-03-15T14:23:00.000+0000',
      updated: '2025-03-15T15:10:00.000+0000',
      resolutiondate: '2025-03-15T15:10:00.000+0000',
      reporter: PEOPLE[0],
      assignee: PEOPLE[1],
    },
  });
  postmortems.push({
    issueKey: key,
    document: { ...document, header: { ...document.header, status: 'DRAFT', finalizedAt: null } },
  });
}
