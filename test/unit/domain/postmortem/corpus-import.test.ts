import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  editablePostmortemSchema,
  importMarkdown,
  parseAdf,
  postmortemDocumentSchema,
  renderAdf,
  renderMarkdown,
  type PostmortemDocument,
} from '../../../../src/domain/postmortem';
import { markdownToAdf } from '../../../../src/domain/postmortem/markdown-to-adf';
import { corpusPostmortemFiles, POSTMORTEM_CORPUS_DIR } from '../../../helpers/shared-files';

/** Words (letters/digits runs) with their counts: the content, without Markdown punctuation and layout. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function allText(doc: PostmortemDocument): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(doc);
  return strings.join('\n');
}

const files = corpusPostmortemFiles();
const read = (relative: string): string => readFileSync(path.join(POSTMORTEM_CORPUS_DIR, relative), 'utf8');

describe('importing the real-world postmortem corpus', () => {
  it('finds the whole corpus, including the file without .md and both templates', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files.some((file) => !file.endsWith('.md'))).toBe(true);
    expect(files.some((file) => file.endsWith('TEMPLATE.md'))).toBe(true);
    expect(files.some((file) => file.endsWith('Postmortem template.md'))).toBe(true);
  });

  it.each(files.map((file) => [path.relative(POSTMORTEM_CORPUS_DIR, file), file]))(
    'imports %s into a valid document, within the field limits, without losing a word',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const { document, mapped } = importMarkdown(source);
      expect(postmortemDocumentSchema.safeParse(document).success).toBe(true);
      // Within every field's limit, so it can be saved as imported.
      expect(editablePostmortemSchema.safeParse(document).error?.issues).toBeUndefined();
      // Headings and labels that were mapped are structure, not content; every other word must survive.
      const structural = wordCounts(mapped.join('\n'));
      const kept = wordCounts(allText(document));
      const lost: string[] = [];
      // <br> inside table cells is layout (it becomes a line break), not a word someone wrote; nor are the
      // numbers of an ordered list, which the model keeps as the items' order.
      const content = source.replace(/<br\s*\/?>/gi, '\n').replace(/^(\s*)\d{1,9}[.)](?=[ \t])/gm, '$1-');
      for (const [word, count] of wordCounts(content)) {
        if ((kept.get(word) ?? 0) + (structural.get(word) ?? 0) < count) lost.push(word);
      }
      expect(lost).toEqual([]);
    },
  );

  it.each(files.map((file) => [path.relative(POSTMORTEM_CORPUS_DIR, file), file]))(
    'imports %s to a document whose Markdown imports to the same Markdown (second pass equals the first)',
    (_name, file) => {
      const first = renderMarkdown(importMarkdown(readFileSync(file, 'utf8')).document);
      expect(renderMarkdown(importMarkdown(first).document)).toBe(first);
    },
  );

  it.each(files.map((file) => [path.relative(POSTMORTEM_CORPUS_DIR, file), file]))(
    'imports %s through ADF to a document whose ADF reads back to the same document (second pass equals the first)',
    (_name, file) => {
      const first = parseAdf(markdownToAdf(readFileSync(file, 'utf8'))).document;
      expect(renderMarkdown(parseAdf(renderAdf(first)).document)).toBe(renderMarkdown(first));
    },
  );

  it('maps most of the corpus onto the template rather than dumping it into Other notes', () => {
    const mappedShare = files.map((file) => {
      const source = readFileSync(file, 'utf8');
      const { document } = importMarkdown(source);
      return 1 - document.otherNotes.length / Math.max(1, source.length);
    });
    const average = mappedShare.reduce((a, b) => a + b, 0) / mappedShare.length;
    expect(average).toBeGreaterThan(0.6);
  });

  it('leaves at most 20 % of the words in Other notes on average outside dfds, and recognises a section in every file', () => {
    const words = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    const others = files.filter((file) => !path.relative(POSTMORTEM_CORPUS_DIR, file).startsWith('dfds'));
    const shares = others.map((file) => {
      const source = readFileSync(file, 'utf8');
      return words(importMarkdown(source).document.otherNotes) / Math.max(1, words(source));
    });
    expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeLessThanOrEqual(0.2);
    const unrecognised = others.filter(
      (file) =>
        !importMarkdown(readFileSync(file, 'utf8')).report.mapped.some(
          ({ source, target }) =>
            source !== 'text before the first section' && target !== 'Title' && !target.startsWith('Header'),
        ),
    );
    // LICENSE-MIT and LICENSE-APACHE of the Rust blog are read as postmortems by the shared file list.
    expect(unrecognised.map((file) => path.basename(file))).toEqual(['LICENSE-APACHE', 'LICENSE-MIT']);
  });

  it("yields the etcd action items table's ten rows, keeping Bug as the reference and the other columns in the text", () => {
    const { document } = importMarkdown(read('etcd/v3.5-data-inconsistency.md'));
    expect(document.actionItems).toHaveLength(10);
    expect(document.actionItems[0]).toEqual({
      id: 'ai-1',
      action:
        'etcd testing can reproduce historical data inconsistency issues [Type: Prevent; Priority: P0; Status: DONE]',
      owner: null,
      dueDate: null,
      externalRef: 'https://github.com/etcd-io/etcd/issues/14045',
      createdIssueKey: null,
    });
    expect(document.actionItems[3]?.externalRef).toBeNull();
    expect(document.timeline).toHaveLength(8);
    expect(document.timeline[0]?.time).toBe('2021-05-08');
    expect(document.whatWorkedWell).toHaveLength(2);
    expect(document.contributingFactors).toHaveLength(5);
    expect(document.header.writtenBy).toBe('serathius@');
    expect(document.header.date).toBe('2022-04-20');
    expect(document.header.title).toBe('v3.5 data inconsistency postmortem');
    // Once Authors/Date/Status are header facts, their table's empty header row and separator hold no words.
    expect(document.summary).toMatch(/^\| +\| +\|\n\|-+\|-+\|\n\| Summary +\| Code refactor/);
    expect(document.rootCause.text).toContain('backend hooks');
    // Google SRE sections the reference lacks: Background joins the summary, "Where we got lucky" the lessons.
    expect(document.summary).toContain('etcd v3 state is preserved on disk in two forms');
    expect(document.lessonsLearned.join('\n')).toContain('We reproduced the issue using etcd functional');
  });

  it('maps a DFDS postmortem: summary, timeline table, factors, bullet action items, lessons, stats category', () => {
    const { document, unmapped } = importMarkdown(
      read('dfds/PM2021-005 - All services returning 503 in Kubernetes.md'),
    );
    expect(document.header.title).toBe('All services returning 503 in Kubernetes');
    expect(document.summary).toMatch(/^On Tuesday 22nd June 2021/);
    expect(document.timeline).toHaveLength(7);
    expect(document.timeline[6]).toEqual({
      id: 'tl-7',
      time: '2021-06-22 08:46',
      event: 'Target groups reattached to the ALB by the pipeline (resolved)',
    });
    expect(document.contributingFactors).toHaveLength(2);
    expect(document.actionItems.map((item) => item.action)).toEqual([
      'Revert to default of 300 seconds for de-registration delay on the ALBs.',
      'Update roll-over script to temporarily set de-registration delay to zero on ALBs prior to roll-over.',
      'Create ingress test suite.',
    ]);
    expect(document.lessonsLearned).toHaveLength(4);
    expect(document.header.category).toBe('Kubernetes');
    expect(unmapped).toEqual(expect.arrayContaining(['Attendees', 'Stats']));
    expect(document.otherNotes).toContain('- Time to detection: 8 minutes');
  });

  it('keeps nested action item bullets with the item above them (DFDS PM2022-009, no .md extension)', () => {
    const { document } = importMarkdown(read('dfds/PM2022-009 - Bad AWS EKS AMI causing Kubernetes issues'));
    expect(document.actionItems).toHaveLength(7);
    expect(document.actionItems[0]?.action).toBe(
      [
        'Improve coverage of readiness/liveness probes',
        '    - Reach out to teams with suggestions about readiness/liveness probes',
        '    - Create dashboard  for readiness/liveness probe coverage',
        '    - Create wiki article covering readiness/liveness probes and their usefulness',
      ].join('\n'),
    );
  });

  it('recognises "Action Items" written as a plain line (learningequality 004)', () => {
    const { document } = importMarkdown(read('learningequality/004-sushibar-certificate-expired.md'));
    expect(document.actionItems[0]?.action).toBe('Set up alerting to warn us of expiring SSL');
  });

  it('keeps the typo heading "Atendees" as Other notes rather than dropping it', () => {
    const file = files.find((f) => readFileSync(f, 'utf8').includes('## Atendees'));
    expect(file).toBeDefined();
    const { document, unmapped } = importMarkdown(readFileSync(file as string, 'utf8'));
    expect(unmapped).toContain('Atendees');
    expect(document.otherNotes).toContain('## Atendees');
  });
});
