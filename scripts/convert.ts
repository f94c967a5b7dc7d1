import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  emptyImportReport,
  formatImportReport,
  migratePostmortem,
  parseAdf,
  parseMarkdown,
  renderAdf,
  renderMarkdown,
  type ParseResult,
} from '../src/domain/postmortem';
import { DEFAULT_PRIORITY_MAPPING } from '../src/domain/settings/app-settings';

/**
 * `npm run convert -- <file-or-folder>… [--to json|markdown|adf]`
 * Reads postmortems (Markdown, an ADF document as .json, or a stored document as .json) and prints them
 * as the parsed model (JSON, the default), the template Markdown, or ADF.
 */

const FORMATS = ['json', 'markdown', 'adf'] as const;
type Format = (typeof FORMATS)[number];

export interface ConvertIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: npm run convert -- <file-or-folder>... [--to json|markdown|adf]';

class UsageError extends Error {}

function parseArgs(args: readonly string[]): { inputs: string[]; to: Format } {
  const inputs: string[] = [];
  let to: Format = 'json';
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const value =
      arg === '--to' ? args[++i] : arg.startsWith('--to=') ? arg.slice('--to='.length) : undefined;
    if (arg === '--to' || arg.startsWith('--to=')) {
      if (!FORMATS.includes(value as Format))
        throw new UsageError(`unknown format "${value ?? ''}"; use json, markdown or adf`);
      to = value as Format;
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      inputs.push(arg);
    }
  }
  if (inputs.length === 0) throw new UsageError('no input given');
  return { inputs, to };
}

/** Files of a folder, recursively and sorted; licence files are not postmortems. */
function filesIn(target: string): string[] {
  const stats = statSync(target);
  if (!stats.isDirectory()) return [target];
  return readdirSync(target)
    .sort()
    .filter((name) => !name.startsWith('.') && !/^(LICENSE|COPYING)(\..*)?$/i.test(name))
    .flatMap((name) => filesIn(path.join(target, name)));
}

// PNG, GIF, JPEG, PDF, ZIP (and docx/xlsx), gzip: files people have beside their postmortems.
const MAGIC_NUMBERS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/**
 * The file as text, or a refusal naming what it is: binary content (a known magic number or a NUL byte)
 * and invalid UTF-8 would otherwise be imported as kilobytes of garbage.
 */
function readText(file: string): string {
  const bytes = readFileSync(file);
  const kind = MAGIC_NUMBERS.find(([, magic]) => magic.every((byte, index) => bytes[index] === byte));
  if (kind !== undefined) throw new Error(`${file} is ${kind[0]}, not a postmortem in Markdown, ADF or JSON`);
  if (bytes.includes(0)) throw new Error(`${file} holds binary data (NUL bytes), not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not valid UTF-8 text; save it as UTF-8 and convert again`);
  }
}

function parseFile(file: string): ParseResult {
  const text = readText(file);
  // `*.md`, `*.html.md.erb` (Middleman), extensionless files: anything that is not JSON is Markdown.
  if (!file.toLowerCase().endsWith('.json'))
    return parseMarkdown(text, { severityNames: DEFAULT_PRIORITY_MAPPING });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${reasonOf(error)})`);
  }
  if (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'doc')
    return parseAdf(json);
  return { document: migratePostmortem(json), mapped: [], unmapped: [], report: emptyImportReport() };
}

function render(file: string, result: ParseResult, to: Format): unknown {
  if (to === 'adf') return renderAdf(result.document);
  return { file, document: result.document, mapped: result.mapped, unmapped: result.unmapped };
}

/** The message of anything thrown; fs errors are not always `instanceof Error` (e.g. across VM realms). */
function reasonOf(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** Runs the converter; returns the process exit code (0 ok, 1 unreadable input, 2 usage). */
export function runConvert(args: readonly string[], io: ConvertIo): number {
  let options: { inputs: string[]; to: Format };
  try {
    options = parseArgs(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message ? `convert: ${error.message}\n` : ''}${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  const outputs: Array<{ file: string; result: ParseResult }> = [];
  for (const input of options.inputs) {
    try {
      for (const file of filesIn(input)) outputs.push({ file, result: parseFile(file) });
    } catch (error) {
      io.stderr(`convert: cannot read ${input}: ${reasonOf(error)}\n`);
      return 1;
    }
  }
  // The import report goes to stderr, so stdout stays the converted document(s) for pipes and files.
  for (const { file, result } of outputs) io.stderr(`convert: ${file}\n${formatImportReport(result.report)}`);
  if (options.to === 'markdown') {
    const many = outputs.length > 1;
    io.stdout(
      outputs
        .map(({ file, result }) => `${many ? `<!-- ${file} -->\n` : ''}${renderMarkdown(result.document)}`)
        .join('\n'),
    );
    return 0;
  }
  const rendered = outputs.map(({ file, result }) => render(file, result, options.to));
  io.stdout(`${JSON.stringify(rendered.length === 1 ? rendered[0] : rendered, null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = runConvert(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
