import { compileJql } from '../../../emulator/jql/compile-jql';
import { jqlContext } from './jql-fixtures';
import { syntheticIssues } from './synthetic-issues';

// The emulator searches its whole store on every search/jql page, so evaluation must stay cheap.
// The bound is generous (shared CI machines vary); bench/jql.bench.ts prints the real figures.
describe('compileJql throughput', () => {
  const issues = syntheticIssues(50_000);

  it.each([
    'issuetype = Incident AND created >= "2025-03-01" AND created < "2025-04-01"',
    'labels in (SEV-1, SEV-2) AND statusCategory = Done ORDER BY created DESC',
    'pmStatus = FINAL',
  ])('filters and sorts 50,000 issues in under a second: %s', (jql) => {
    const compiled = compileJql(jql, jqlContext());
    // Warm up on a slice first: the bound is about steady-state evaluation, not JIT compilation.
    issues
      .slice(0, 2000)
      .filter((i) => compiled.matches(i))
      .sort(compiled.compare);
    const started = performance.now();
    const hits = issues.filter((i) => compiled.matches(i)).sort(compiled.compare);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits.length).toBeGreaterThan(0);
  });
});
