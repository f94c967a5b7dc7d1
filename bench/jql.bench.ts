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
  'text ~ "pay*"',
  'project = INC AND NOT (assignee in (acc-1, acc-2) OR resolved is EMPTY)',
];

/** JQL evaluator throughput over 50,000 stored issues: matches()/s, and a whole search (compile, filter, sort). */
export async function run(): Promise<void> {
  const issues = syntheticIssues(ISSUES);
  const context = jqlContext({ now: new Date('2025-05-15T12:00:00.000Z') });
  let started = process.hrtime.bigint();
  compileJql(QUERIES[0] ?? '', context);
  const firstMs = Number(process.hrtime.bigint() - started) / 1e6;
  started = process.hrtime.bigint();
  for (let i = 0; i < 100; i += 1) compileJql(QUERIES[0] ?? '', context);
  const compileMs = Number(process.hrtime.bigint() - started) / 1e6 / 100;
  console.log(
    `compile: first ${firstMs.toFixed(0)} ms (ANTLR start-up), then ${compileMs.toFixed(2)} ms per query`,
  );
  for (const jql of QUERIES) {
    const compiled = compileJql(jql, context);
    const filter = () => issues.filter((i) => compiled.matches(i));
    const hits = filter().sort(compiled.compare).length; // warm-up: steady state, not JIT compilation
    const filterMs = averageMs(filter);
    const sortMs = averageMs(() => {
      const fresh = compileJql(jql, context);
      return issues.filter((i) => fresh.matches(i)).sort(fresh.compare);
    });
    const perSecond = Math.round((ISSUES / filterMs) * 1000).toLocaleString('en-US');
    console.log(
      `${perSecond.padStart(11)} matches()/s  filter ${filterMs.toFixed(1).padStart(6)} ms  compile+filter+sort ${sortMs.toFixed(1).padStart(6)} ms  ${String(hits).padStart(6)} hits  ${jql}`,
    );
  }
}

function averageMs(work: () => unknown): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i += 1) work();
  return Number(process.hrtime.bigint() - started) / 1e6 / ROUNDS;
}
