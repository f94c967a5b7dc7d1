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

  describe('bad input', () => {
    const png = path.join(scratch, 'diagram.png');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const latin1 = path.join(scratch, 'latin1.md');
    writeFileSync(latin1, Buffer.from('# Panne\nLe d\xe9ploiement a \xe9chou\xe9.\n', 'latin1'));
    const nul = path.join(scratch, 'nul.md');
    writeFileSync(nul, Buffer.from('# Outage\n\u0000\u0001 data', 'utf8'));

    it('refuses a PNG with exit code 1 and a message naming the file', () => {
      const { code, stdout, stderr } = convert(png);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toContain(`${png} is a PNG image, not a postmortem`);
    });

    it('refuses invalid UTF-8 with exit code 1 and says how to fix it', () => {
      const { code, stderr } = convert(latin1);
      expect(code).toBe(1);
      expect(stderr).toContain(`${latin1} is not valid UTF-8 text; save it as UTF-8`);
    });

    it('refuses text with NUL bytes as binary', () => {
      expect(convert(nul)).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('binary data (NUL bytes)'),
      });
    });

    it('warns about an empty file and still converts it', () => {
      const empty = path.join(scratch, 'empty.md');
      writeFileSync(empty, '');
      const { code, stderr } = convert(empty);
      expect(code).toBe(0);
      expect(stderr).toContain('warning  the file is empty: there is nothing to import');
    });

    it('exits non-zero as a command on a PNG', () => {
      const cli = path.resolve(__dirname, '../../../scripts/convert.ts');
      const tsx = path.resolve(__dirname, '../../../node_modules/.bin/tsx');
      const run = spawnSync(tsx, [cli, png], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('is a PNG image');
    });
  });

  it('prints the import report on stderr, keeping stdout for the document', () => {
    const erb = path.join(scratch, 'incident.html.md.erb');
    writeFileSync(erb, '---\ntitle: Ingress down\n---\n## Timeline\n- 10:00 PST paged\n## Weather\nSunny.\n');
    const { code, stdout, stderr } = convert(erb, '--to', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toContain('# Postmortem: Ingress down');
    expect(stderr).toBe(
      [
        `convert: ${erb}`,
        '  mapped   front matter title → Title',
        '  mapped   Timeline → Timeline',
        '  kept     Weather → Other Notes (heading not recognised as a template section)',
        '  guessed  time zone PST from the rows',
        '',
      ].join('\n'),
    );
  });
});
