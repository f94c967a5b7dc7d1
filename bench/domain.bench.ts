import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findBlameLanguage } from '../src/domain/checks';
import { importMarkdown, parseAdf, renderAdf, renderMarkdown } from '../src/domain/postmortem';
import { markdownToAdf } from '../src/domain/postmortem/markdown-to-adf';

const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../shared');
const CORPUS = path.join(SHARED_DIR, 'corpus', 'postmortems');
const ROUNDS = 20;

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return corpusFiles(full);
      return /^(LICENSE|README\.md)$/.test(name) ? [] : [full];
    });
}

function microseconds(run: () => void): number {
  run(); // warm-up, so the figure is steady-state rather than JIT compilation
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i += 1) run();
  return Number(process.hrtime.bigint() - started) / 1000 / ROUNDS;
}

interface Labelled {
  text: string;
  blame: boolean;
  source: string;
}

/** Precision/recall of findBlameLanguage on the hand-labelled set the unit test also checks. */
function blameFigures(): string {
  const file = path.resolve(__dirname, '../test/fixtures/blame/labelled-sentences.json');
  const { sentences } = JSON.parse(readFileSync(file, 'utf8')) as { sentences: Labelled[] };
  const score = (set: readonly Labelled[]) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { text, blame } of set) {
      const flagged = findBlameLanguage(text).length > 0;
      if (flagged && blame) tp += 1;
      else if (flagged) fp += 1;
      else if (blame) fn += 1;
    }
    const negatives = set.filter((s) => !s.blame).length;
    return `precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}, false-positive rate ${(fp / Math.max(1, negatives)).toFixed(3)} (n=${set.length})`;
  };
  return `blame language: ${score(sentences)}; held-out only: ${score(sentences.filter((s) => s.source === 'own:held-out'))}`;
}

/** Parse + render time per corpus document (Markdown import → template Markdown, and through ADF). */
function millisecondsOnce(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Huge inputs (the unit tests check they are handled; this says how fast and at what memory). */
function hugeInputFigures(): string {
  const paragraph = 'The cache node restarted and the queue grew. '.repeat(20);
  const markdown = Array.from(
    { length: 5500 },
    (_, i) => `## Section ${i}\n${paragraph}\n| a | b |\n|---|---|\n| ${i} | x |`,
  ).join('\n');
  const text = `${'the cache warmed up and '.repeat(200_000)}he ignored it.`;
  const heapBefore = process.memoryUsage().heapUsed;
  const importMs = millisecondsOnce(() => void importMarkdown(markdown));
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const blameMs = millisecondsOnce(() => void findBlameLanguage(text));
  return [
    `huge: import ${(markdown.length / 1e6).toFixed(1)} MB Markdown ${importMs.toFixed(0)} ms (heap +${heapMiB.toFixed(0)} MiB after),`,
    `blame scan ${(text.length / 1e6).toFixed(1)} MB ${blameMs.toFixed(0)} ms`,
  ].join(' ');
}

const MEGABYTE = 1_000_000;
const PATHOLOGICAL_LIMIT_MS = 100;

/** `unit` repeated to about 1 MB, between `before` and `after`. */
function megabyteOf(unit: string, before = '', after = ''): string {
  return `${before}${unit.repeat(Math.ceil(MEGABYTE / unit.length))}${after}`;
}

/** Issue 18 and issue 12 item 7: inputs that took seconds to minutes; each must now take < 100 ms per MB. */
const PATHOLOGICAL: ReadonlyArray<{ name: string; run: () => unknown }> = [
  { name: 'import: "# a" + spaces + "x"', run: () => importMarkdown(megabyteOf(' ', '# a', 'x')) },
  { name: 'export: "# a" + spaces + "x"', run: () => markdownToAdf(megabyteOf(' ', '# a', 'x')) },
  { name: 'export: unclosed "["', run: () => markdownToAdf(megabyteOf('[')) },
  { name: 'export: "[a](" repeated', run: () => markdownToAdf(megabyteOf('[a](')) },
  { name: 'export: unclosed "`" and "**"', run: () => markdownToAdf(megabyteOf('a', '` **')) },
  {
    name: 'import: action-item lines',
    run: () => importMarkdown(megabyteOf('- fix the thing\n', '## Action Items\n')),
  },
  {
    name: 'import: continuation lines',
    run: () => importMarkdown(megabyteOf('  and more\n', '## Lessons Learned\n- first\n')),
  },
  {
    name: 'import: table row "|-" + spaces',
    run: () => importMarkdown(megabyteOf(' ', '## Timeline\n|-', 'x|')),
  },
  {
    name: 'import: timeline rows',
    run: () =>
      importMarkdown(megabyteOf('| 10:00 | paged |\n', '## Timeline\n| Time | Event |\n|---|---|\n')),
  },
];

/** CPU milliseconds of one run: on a shared machine wall time measures the neighbours as much as the code. */
function cpuMillisecondsOnce(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Figures for the pathological inputs (CPU time); sets a failing exit code when one is over the limit. */
function pathologicalFigures(): string[] {
  return PATHOLOGICAL.map(({ name, run }) => {
    run(); // warm-up: the limit is about algorithmic cost, not JIT compilation
    // The best of five: a run that meets a major collection of the previous runs' garbage measures the
    // collector (process CPU time counts its helper threads too), not this input's cost.
    const ms = Math.min(...Array.from({ length: 5 }, () => cpuMillisecondsOnce(() => void run())));
    const over = ms >= PATHOLOGICAL_LIMIT_MS;
    if (over) process.exitCode = 1;
    return `pathological 1 MB ${name}: ${ms.toFixed(1)} ms CPU ${over ? `OVER ${PATHOLOGICAL_LIMIT_MS} ms` : 'ok'}`;
  });
}

export async function run(): Promise<void> {
  for (const line of pathologicalFigures()) console.log(line);
  const files = corpusFiles(CORPUS);
  const rows: Array<{ file: string; kb: number; mdUs: number; adfUs: number; blameUs: number }> = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const doc = importMarkdown(text).document;
    rows.push({
      file: path.relative(CORPUS, file),
      kb: text.length / 1024,
      mdUs: microseconds(() => renderMarkdown(importMarkdown(text).document)),
      adfUs: microseconds(() => parseAdf(renderAdf(doc))),
      blameUs: microseconds(() => findBlameLanguage(text)),
    });
  }
  console.log(
    `postmortem domain over ${rows.length} corpus documents (${CORPUS}), mean of ${ROUNDS} runs each`,
  );
  console.log('µs parse+render md | µs render+parse adf | µs blame scan |   KiB | document');
  for (const row of rows) {
    console.log(
      `${row.mdUs.toFixed(0).padStart(18)} | ${row.adfUs.toFixed(0).padStart(19)} | ${row.blameUs.toFixed(0).padStart(13)} | ${row.kb.toFixed(1).padStart(5)} | ${row.file}`,
    );
  }
  const mean = (pick: (row: (typeof rows)[number]) => number): string =>
    (rows.reduce((sum, row) => sum + pick(row), 0) / rows.length).toFixed(0);
  const max = Math.max(...rows.map((row) => row.mdUs));
  console.log(blameFigures());
  console.log(hugeInputFigures());
  console.log(
    `mean: ${mean((r) => r.mdUs)} µs md, ${mean((r) => r.adfUs)} µs adf, ${mean((r) => r.blameUs)} µs blame; slowest md ${max.toFixed(0)} µs`,
  );
}
