import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Atlassian's permission linter finds the scopes an app needs only in calls written as
 * `x.requestJira(route`/rest/...`, { method: 'POST', ... })` on one line; any other form is
 * silently skipped and the missing scope shows up as a 401 in production.
 */
const jiraDir = join(__dirname, '..', '..', '..', 'src', 'jira');
const files = readdirSync(jiraDir).filter((f) => f.endsWith('.ts'));

describe('Jira endpoint call sites', () => {
  const calls = files.flatMap((file) =>
    readFileSync(join(jiraDir, file), 'utf8')
      .split('\n')
      .filter((line) => line.includes('.requestJira(') && !/^\s*(\*|\/\/)/.test(line))
      .map((line) => [file, line.trim()] as const),
  );

  it('exist in the endpoint files', () => {
    expect(calls.length).toBeGreaterThanOrEqual(15);
  });

  it.each(calls)('%s: %s is a route template with a literal method', (_file, line) => {
    expect(line).toMatch(
      /\.requestJira\(route`\/rest\/api\/3\/[^`]*`, \{\s*(method: '(GET|POST|PUT|DELETE)'|$)/,
    );
  });

  it('give every multi-line options object a literal method first', () => {
    for (const file of files) {
      const source = readFileSync(join(jiraDir, file), 'utf8');
      for (const match of source.matchAll(/\.requestJira\(route`[^`]*`, \{\n\s*(\S+)/g)) {
        expect(`${file}: ${match[1]}`).toMatch(/: method:$/);
      }
    }
  });
});
