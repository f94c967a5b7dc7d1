// Lints in-memory probe files with the repository's ESLint config and prints each probe's findings
// for one rule as JSON. Run as a child process (`tsx`), because eslint.config.mjs is ESM and jest's
// module system cannot import it. Input on stdin: { rule, probes: [{ filePath, code }] }.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';

interface ProbeInput {
  rule: string;
  probes: Array<{ filePath: string; code: string }>;
}

const { rule, probes } = JSON.parse(readFileSync(0, 'utf8')) as ProbeInput;
const repo = resolve(__dirname, '..', '..');
const eslint = new ESLint({
  cwd: repo,
  ruleFilter: ({ ruleId }) => ruleId === rule,
  // Probes are not on disk, so the type-aware parser's project service cannot open them.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});
async function lintProbes(): Promise<string[][]> {
  const findings: string[][] = [];
  for (const { filePath, code } of probes) {
    const [result] = await eslint.lintText(code, { filePath: resolve(repo, filePath) });
    findings.push(
      (result?.messages ?? []).map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`),
    );
  }
  return findings;
}

void lintProbes().then((findings) => process.stdout.write(JSON.stringify(findings)));
