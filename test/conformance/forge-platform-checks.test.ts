import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Proves the conformance suite has teeth: Atlassian's own validators (run offline by
 * tools/forge-lint/run-forge-checks.cjs, which `npm test` also runs on the real app) must reject
 * deliberately broken copies of manifest.yml, and every declared scope must be needed by the code.
 */
const repo = resolve(__dirname, '..', '..');
const manifest = readFileSync(join(repo, 'manifest.yml'), 'utf8');

interface Problem {
  message: string;
}
interface CheckReport {
  check: string;
  errors: Problem[];
  warnings: Problem[];
}

function appCopy(name: string, editedManifest: string): string {
  const dir = mkdtempSync(join(tmpdir(), `forge-conformance-${name}-`));
  writeFileSync(join(dir, 'manifest.yml'), editedManifest);
  for (const entry of ['src', 'static', 'package.json', 'node_modules'])
    symlinkSync(join(repo, entry), join(dir, entry));
  // A real copy, not a link: `forge lint` lints only files its include globs name, relative to the app.
  writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(repo, 'tsconfig.json')));
  return dir;
}

function edit(search: string | RegExp, replacement: string): string {
  const edited = manifest.replace(search, replacement);
  if (edited === manifest)
    throw new Error(`manifest.yml no longer contains ${String(search)}; update this test`);
  return edited;
}

const declaredScopes = [...manifest.matchAll(/^ {4}- ([a-z]+:[a-z:-]+)$/gm)].map(
  (match) => match[1] as string,
);
const jiraScopes = declaredScopes.filter((scope) => scope.includes('jira'));

const variants: Record<string, string> = {
  misspelledHandler: edit('handler: index.globalPageResolver', 'handler: index.globalPageResolvr'),
  duplicateKey: edit('- key: daily-maintenance', '- key: issue-panel-resolver'),
  ...Object.fromEntries(jiraScopes.map((scope) => [`without ${scope}`, edit(`    - ${scope}\n`, '')])),
};

let reports: Record<string, CheckReport[]> = {};

beforeAll(() => {
  const dirs = Object.entries(variants).map(
    ([name, text]) => [name, appCopy(name.replace(/\W+/g, '-'), text)] as const,
  );
  let stdout: string;
  try {
    stdout = execFileSync(
      process.execPath,
      [join(repo, 'tools', 'forge-lint', 'run-forge-checks.cjs'), '--json', ...dirs.map(([, dir]) => dir)],
      { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
    );
  } catch (error) {
    // Exit code 1 is the expected verdict on broken copies; the JSON report is what we assert on.
    stdout = (error as { stdout: string }).stdout;
  }
  const parsed = JSON.parse(stdout) as Array<{ appDir: string; checks: CheckReport[] }>;
  reports = Object.fromEntries(dirs.map(([name], index) => [name, parsed[index]?.checks ?? []]));
}, 180_000);

const messagesOf = (name: string) =>
  (reports[name] ?? []).flatMap((check) =>
    [...check.errors, ...check.warnings].map((problem) => `${check.check}: ${problem.message}`),
  );

describe("Atlassian's platform checks on deliberately broken manifests", () => {
  it('reports a handler whose exported function does not exist', () => {
    expect(messagesOf('misspelledHandler')).toContainEqual(
      expect.stringContaining('Cannot find exported function "globalPageResolvr"'),
    );
  });

  it('reports a duplicated module key', () => {
    expect(messagesOf('duplicateKey')).toContainEqual(
      expect.stringMatching(/duplicate module key 'issue-panel-resolver'/),
    );
  });
});

describe('least privilege: every declared scope is needed by the code', () => {
  it.each(jiraScopes)('removing %s makes the permission linter report an endpoint that needs it', (scope) => {
    expect(messagesOf(`without ${scope}`)).toContainEqual(expect.stringContaining(`requires "${scope}"`));
  });

  it('declares storage:app exactly when the code uses Forge storage', () => {
    const usesKvs = readdirSync(join(repo, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .some((file) => readFileSync(join(repo, 'src', file), 'utf8').includes("from '@forge/kvs'"));
    expect(declaredScopes.includes('storage:app')).toBe(usesKvs);
  });

  it('declares only scopes this suite knows how to justify', () => {
    expect(declaredScopes.filter((scope) => !jiraScopes.includes(scope) && scope !== 'storage:app')).toEqual(
      [],
    );
  });
});
