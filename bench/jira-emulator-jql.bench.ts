import { compileJql } from '../emulator/jql/compile-jql';
import type { JqlContext, StoredIssue } from '../emulator/jql/compile-jql.types';

const ISSUE_COUNT = 50_000;
const ROUNDS = 5;
const QUERIES = [
  'project = INC AND issuetype = Incident AND created >= startOfMonth(-1) AND created <= endOfMonth(-1) ORDER BY created DESC',
  'labels = action-item AND statusCategory != Done AND duedate < now() ORDER BY duedate ASC',
  'postmortemStatus = FINAL AND text ~ "payment*" ORDER BY priority DESC, key',
];

const CONTEXT: JqlContext = {
  now: new Date('2025-06-15T12:00:00.000Z'),
  timeZone: 'Europe/Berlin',
  currentAccountId: 'acc-1',
  propertyAliases: [
    { propertyKey: 'postmortem-summary', path: 'status', type: 'string', searchAlias: 'postmortemStatus' },
  ],
};

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const STATUSES = [
  { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
  { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } },
  { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
];
const WORDS = ['payment', 'outage', 'latency', 'database', 'checkout', 'login', 'timeout', 'queue'];

/** Deterministic pseudo-random numbers so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('empty pick list');
  return item;
}

export function generateIssues(count: number): StoredIssue[] {
  const next = random(42);
  const start = Date.parse('2024-06-01T00:00:00.000Z');
  const span = Date.parse('2025-06-15T00:00:00.000Z') - start;
  return Array.from({ length: count }, (_, index) => {
    const incident = index % 3 === 0;
    const project = incident ? 'INC' : 'OPS';
    const created = new Date(start + Math.floor(next() * span));
    const due = new Date(created.getTime() + Math.floor(next() * 60) * 86_400_000);
    return {
      id: String(10_000 + index),
      key: `${project}-${index + 1}`,
      fields: {
        project: { key: project, id: incident ? '10000' : '10001', name: project },
        issuetype: { name: incident ? 'Incident' : 'Task', subtask: false },
        priority: { name: pick(PRIORITIES, next) },
        status: pick(STATUSES, next),
        labels: incident ? ['postmortem'] : ['action-item'],
        components: [],
        assignee: { accountId: `acc-${index % 20}`, displayName: `User ${index % 20}` },
        created: created.toISOString().replace('Z', '+0000'),
        updated: created.toISOString().replace('Z', '+0000'),
        duedate: incident ? null : due.toISOString().slice(0, 10),
        summary: `${pick(WORDS, next)} ${pick(WORDS, next)} in ${pick(WORDS, next)}`,
        description: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: `${pick(WORDS, next)} impact` }] }],
        },
      },
      properties: incident ? { 'postmortem-summary': { status: next() < 0.5 ? 'FINAL' : 'DRAFT' } } : {},
    };
  });
}

/** JQL evaluator throughput (filter + sort) over 50,000 generated issues; `npm run bench -- jira-emulator-jql`. */
export async function run(): Promise<void> {
  const issues = generateIssues(ISSUE_COUNT);
  for (const jql of QUERIES) {
    const compiled = compileJql(jql, CONTEXT);
    const filter = (): StoredIssue[] => issues.filter((candidate) => compiled.matches(candidate));
    // Warm-up first, so the figures are steady state rather than JIT compilation.
    const hits = filter().sort((a, b) => compiled.compare(a, b)).length;
    let started = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round += 1) filter();
    const filterMs = Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
    started = process.hrtime.bigint();
    for (let round = 0; round < ROUNDS; round += 1) filter().sort((a, b) => compiled.compare(a, b));
    const searchMs = Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
    started = process.hrtime.bigint();
    for (let round = 0; round < 200; round += 1) compileJql(jql, CONTEXT);
    const compileMs = Number(process.hrtime.bigint() - started) / 1e6 / 200;
    const matchesPerSecond = Math.round((ISSUE_COUNT / filterMs) * 1000).toLocaleString('en-US');
    console.log(
      `${matchesPerSecond} matches()/s, filter ${filterMs.toFixed(1)} ms, filter+sort ${searchMs.toFixed(1)} ms, compile ${compileMs.toFixed(2)} ms, ${hits}/${ISSUE_COUNT} hits: ${jql}`,
    );
  }
  await Promise.resolve();
}
