import type { StoredIssue } from '../../../emulator/jql/compile-jql.types';
import { issue } from './jql-fixtures';

const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const CATEGORIES = ['new', 'indeterminate', 'done'] as const;
const COMPONENTS = ['payments', 'search', 'auth', 'gateway', 'storage'];
const WORDS = [
  'payment',
  'outage',
  'latency',
  'login',
  'error',
  'deploy',
  'database',
  'timeout',
  'cache',
  'queue',
];

/** A deterministic year of issues (no randomness, so bench runs compare), for throughput checks. */
export function syntheticIssues(count: number): StoredIssue[] {
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const issues: StoredIssue[] = [];
  for (let n = 1; n <= count; n += 1) {
    const created = new Date(start + ((n * 7919) % 365) * 86_400_000 + (n % 1440) * 60_000);
    const category = CATEGORIES[n % 3] ?? 'new';
    const word = (k: number): string => WORDS[(n * k) % WORDS.length] ?? 'error';
    issues.push(
      issue({
        key: `${n % 4 === 0 ? 'OPS' : 'INC'}-${n}`,
        type: n % 4 === 0 ? 'Sub-task' : 'Incident',
        summary: `${word(3)} ${word(7)} in ${COMPONENTS[n % 5] ?? 'auth'}`,
        description: `Customers saw ${word(11)} during ${word(13)}.`,
        labels: n % 10 === 0 ? ['POSTMORTEM-FINAL', `SEV-${(n % 4) + 1}`] : [`SEV-${(n % 4) + 1}`],
        priority: PRIORITIES[n % 5],
        category,
        created: created.toISOString().replace('Z', '+0000'),
        resolved:
          category === 'done'
            ? new Date(created.getTime() + 3_600_000).toISOString().replace('Z', '+0000')
            : undefined,
        assignee: `acc-${n % 50}`,
        components: [COMPONENTS[n % 5] ?? 'auth'],
        properties:
          n % 10 === 0
            ? { 'postmortem-summary': { status: n % 20 === 0 ? 'FINAL' : 'DRAFT', actionItemCount: n % 6 } }
            : {},
      }),
    );
  }
  return issues;
}
