import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// Corpus and reference stay in the shared folder beside the repository; tests read them in place.
export const SHARED_DIR = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../shared');
export const POSTMORTEM_CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'postmortems');

/** The "Payment Service Outage" template document from the reference, exactly as written there. */
export function referencePostmortemMarkdown(): string {
  const lines = readFileSync(
    path.join(SHARED_DIR, 'reference', 'postmortem-best-practice.txt'),
    'utf8',
  ).split('\n');
  const start = lines.findIndex((line) => line.startsWith('# Postmortem: Payment Service Outage'));
  const end = lines.findIndex((line) => line.startsWith('Step 3:'));
  if (start === -1 || end <= start)
    throw new Error('reference template not found in postmortem-best-practice.txt');
  return `${lines.slice(start, end).join('\n')}\n`;
}

/** Every postmortem in the corpus (Markdown or not, templates included); LICENSE and README files are not postmortems. */
export function corpusPostmortemFiles(): string[] {
  const files: string[] = [];
  for (const team of readdirSync(POSTMORTEM_CORPUS_DIR).sort()) {
    const dir = path.join(POSTMORTEM_CORPUS_DIR, team);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (/^(LICENSE|README\.md)$/.test(name)) continue;
      files.push(path.join(dir, name));
    }
  }
  return files;
}
