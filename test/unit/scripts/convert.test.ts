import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runConvert } from '../../../scripts/convert';
import { parseMarkdown, renderMarkdown, type PostmortemDocument } from '../../../src/domain/postmortem';
import { POSTMORTEM_CORPUS_DIR, referencePostmortemMarkdown } from '../../helpers/shared-files';

function convert(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runConvert(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'convert-'));
const referenceFile = path.join(scratch, 'INC-2025-034.md');
writeFileSync(referenceFile, referencePostmortemMarkdown());

describe('npm run convert', () => {
  it('prints the parsed document as JSON by default', () => {
    const { code, stdout } = convert(referenceFile);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { file: string; document: PostmortemDocument; unmapped: string[] };
    expect(printed.file).toBe(referenceFile);
    expect(printed.document).toEqual(parseMarkdown(referencePostmortemMarkdown()).document);
    expect(printed.unmapped).toEqual([]);
  });

  it('prints the template Markdown with --to markdown', () => {
    expect(convert(referenceFile, '--to', 'markdown').stdout).toBe(referencePostmortemMarkdown());
  });

  it('prints ADF with --to adf, which converts back to the same document', () => {
    const { code, stdout } = convert(referenceFile, '--to=adf');
    expect(code).toBe(0);
    const adfFile = path.join(scratch, 'description.json');
    writeFileSync(adfFile, stdout);
    expect(convert(adfFile, '--to', 'markdown').stdout).toBe(referencePostmortemMarkdown());
  });

  it('reads a stored document (JSON) and migrates it', () => {
    const stored = path.join(scratch, 'stored.json');
    writeFileSync(stored, JSON.stringify({ version: 1, header: { incidentId: 'INC-9' } }));
    expect(convert(stored, '--to', 'markdown').stdout).toContain('**Incident ID:** INC-9');
  });

  it('converts a whole folder, recursively, every corpus file included', () => {
    const { code, stdout } = convert(POSTMORTEM_CORPUS_DIR);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Array<{ file: string }>;
    expect(
      printed.some((entry) => entry.file.endsWith('PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues')),
    ).toBe(true);
    expect(printed.some((entry) => /LICENSE$/.test(entry.file))).toBe(false);
    expect(printed.length).toBeGreaterThanOrEqual(45);
  });

  it('fails with a clear message and exit code 1 on a missing file', () => {
    const { code, stderr, stdout } = convert(path.join(scratch, 'missing.md'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^convert: cannot read .*missing\.md: ENOENT/);
  });

  it('fails with exit code 1 on invalid JSON and on JSON that is not a postmortem', () => {
    const broken = path.join(scratch, 'broken.json');
    writeFileSync(broken, '{ nope');
    expect(convert(broken)).toMatchObject({ code: 1, stderr: expect.stringContaining('not valid JSON') });
    const other = path.join(scratch, 'other.json');
    writeFileSync(other, '[1,2]');
    expect(convert(other)).toMatchObject({ code: 1, stderr: expect.stringContaining('Not a postmortem') });
  });

  it('explains its usage with exit code 2 on no input or an unknown format', () => {
    expect(convert()).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run convert') });
    expect(convert(referenceFile, '--to', 'yaml')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown format "yaml"'),
    });
  });

  it('runs as a command with a non-zero exit status on unreadable input', () => {
    const cli = path.resolve(__dirname, '../../../scripts/convert.ts');
    const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
    const ok = spawnSync(tsx, [cli, referenceFile, '--to', 'markdown'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(renderMarkdown(parseMarkdown(referencePostmortemMarkdown()).document));
    const failed = spawnSync(tsx, [cli, path.join(scratch, 'missing.md')], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('convert: cannot read');
  });
});
