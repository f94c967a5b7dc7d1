import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Proves the layering rules in eslint.config.mjs fire: each probe imports across one boundary from
 * a file as deep as the real ones, and must be reported; the same kind of probe within its layer
 * must not. The rule works on resolved paths, so a probe whose import stops resolving would pass
 * silently: every allowed probe imports real files, and every forbidden one must be reported.
 */
const repo = resolve(__dirname, '..', '..');
const BOUNDARY_RULE = 'import-x/no-restricted-paths';

type Probe = [name: string, filePath: string, code: string];

const forbidden: Probe[] = [
  ['a domain file reaching the Jira adapter', 'src/domain/postmortem/probe.ts', "import '../../jira/route';"],
  ['a domain file reaching a use case', 'src/domain/trends/probe.ts', "import '../../usecases/site-url';"],
  [
    'a domain file reaching Forge wiring',
    'src/domain/policy/probe.ts',
    "import '../../forge/forge-context';",
  ],
  ['a domain file reaching the ports', 'src/domain/checks/probe.ts', "import '../../ports';"],
  [
    'a domain file reaching a resolver contract',
    'src/domain/checks/probe.ts',
    "import '../../contract/issue-panel-api';",
  ],
  [
    'a use case reaching a handler',
    'src/usecases/trends/probe.ts',
    "import '../../handlers/resolvers/global-page-resolver';",
  ],
  ['the app reaching the emulator', 'src/usecases/probe.ts', "import '../../emulator/jira-emulator';"],
  [
    'a front end reaching src/domain',
    'static/global-page/src/components/probe.tsx',
    "import '../../../../src/domain/trends';",
  ],
  [
    'a front end reaching a use case',
    'static/issue-panel/src/probe.ts',
    "import '../../../src/usecases/site-url';",
  ],
  [
    'a front end reaching the emulator',
    'static/issue-panel/src/probe.ts',
    "import '../../../emulator/jira-emulator';",
  ],
];
const allowed: Probe[] = [
  [
    'a domain file naming the error kinds',
    'src/domain/automation/probe.ts',
    "import '../../contract/errors';",
  ],
  ['a domain file importing the domain', 'src/domain/postmortem/probe.ts', "import '../trends/month-label';"],
  [
    'a use case importing the domain and the Jira adapter',
    'src/usecases/probe.ts',
    "import '../domain/trends'; import '../jira/route';",
  ],
  [
    'a front end importing the contract',
    'static/issue-panel/src/probe.ts',
    "import '../../../src/contract/errors';",
  ],
  [
    'a front end importing static/shared',
    'static/issue-panel/src/probe.ts',
    "import '../../shared/logic/error-advice';",
  ],
];

// One ESLint run for every probe: loading the typed config costs seconds.
let findings: string[][] = [];
beforeAll(() => {
  const input = JSON.stringify({
    rule: BOUNDARY_RULE,
    probes: [...forbidden, ...allowed].map(([, filePath, code]) => ({ filePath, code })),
  });
  findings = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', resolve(repo, 'test/helpers/lint-probes.ts')], {
      input,
      encoding: 'utf8',
    }),
  ) as string[][];
}, 120_000);

describe('import boundaries (eslint.config.mjs)', () => {
  it.each(forbidden.map(([name], index) => [name, index] as const))('reports %s', (_name, index) => {
    expect(findings[index]).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*restricted zone/),
    ]);
  });

  it.each(allowed.map(([name], index) => [name, forbidden.length + index] as const))(
    'allows %s',
    (_name, index) => {
      expect(findings[index]).toEqual([]);
    },
  );
});
