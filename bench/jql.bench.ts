import { compileJql } from '../test/emulator/jql/compile-jql';
import { jqlContext } from '../test/unit/emulator/jql/jql-fixtures';
import { syntheticIssues } from '../test/unit/emulator/jql/synthetic-issues';

const ISSUES = 50_000;
const ROUNDS = 10;
const QUERIES = [
  'issuetype = Incident AND created >= "2025-03-01" AND created < "2025-04-01"',
  'created >= startOfMonth(-1) AND created <= endOfMonth(-1) ORDER BY created DESC',
  'labels in (SEV-1, SEV-2) AND statusCategory = Done ORDER BY priority DESC, key',
  'pmStatus = FINAL AND issue.property[postmortem-summary].actionItemCount > 2',
  'text ~ "payment timeout"',
  'project = INC AND NOT (assignee in (acc-1, acc-2) OR resolved is EMPTY)',
];

/** JQL evaluator throughput: matches/second (filter + sort) over 50,000 stored issues. */
export async function run(): Promise<void> {
  const issues = syntheticIssues(ISSUES);
  const context = jqlContext({ now: new Date('2025-05-15T12:00:00.000Z') });
  for (const jql of QUERIES) {
    const once = () => {
      const compiled = compileJql(jql, context);
      return issues.filter((i) => compiled.matches(i)).sort(compiled.compare).length;
    };
    const hits = once(); // warm-up, so the figure is steady-state rather than JIT compilation
    const started = process.hrtime.bigint();
    for (let i = 0; i < ROUNDS; i += 1) once();
    const ms = Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
    const perSecond = Math.round((ISSUES / ms) * 1000).toLocaleString('en-US');
    console.log(
      `${ms.toFixed(1).padStart(7)} ms  ${perSecond.padStart(12)} issues/s  ${String(hits).padStart(6)} hits  ${jql}`,
    );
  }
}
