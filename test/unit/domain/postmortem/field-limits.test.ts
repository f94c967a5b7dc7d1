import {
  editablePostmortemSchema,
  FIELD_LIMITS,
  importMarkdown,
  parseMarkdown,
  postmortemDocumentSchema,
  type PostmortemDocument,
} from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

const reference = (): PostmortemDocument => parseMarkdown(referencePostmortemMarkdown()).document;
const longer = (limit: number) => 'x'.repeat(limit + 1);
const row = (n: number) => ({ id: `tl-${n}`, time: '10:00', event: 'paged' });
const item = (n: number) => ({
  id: `ai-${n}`,
  action: 'Add the index',
  owner: null,
  dueDate: null,
  externalRef: null,
  createdIssueKey: null,
});

/** One field pushed past its limit: the field's path and the message the save answers for it. */
const OVER: Array<[string, (doc: PostmortemDocument) => void, string]> = [
  ['header.title', (doc) => void (doc.header.title = longer(FIELD_LIMITS.name)), 'at most 255 characters'],
  [
    'header.startTime',
    (doc) => void (doc.header.startTime = longer(FIELD_LIMITS.time)),
    'at most 100 characters',
  ],
  [
    'header.reviewedBy',
    (doc) => void (doc.header.reviewedBy = Array(51).fill('Sam')),
    'at most 50 reviewers',
  ],
  [
    'impact.usersAffected',
    (doc) => void (doc.impact.usersAffected = longer(FIELD_LIMITS.line)),
    'at most 2,000 characters',
  ],
  ['summary', (doc) => void (doc.summary = longer(FIELD_LIMITS.prose)), 'at most 50,000 characters'],
  [
    'rootCause.text',
    (doc) => void (doc.rootCause.text = longer(FIELD_LIMITS.prose)),
    'at most 50,000 characters',
  ],
  [
    'rootCause.summary',
    (doc) => void (doc.rootCause.summary = longer(FIELD_LIMITS.line)),
    'at most 2,000 characters',
  ],
  [
    'timeline',
    (doc) => void (doc.timeline = Array.from({ length: 1_001 }, (_, i) => row(i + 1))),
    'at most 1,000 timeline rows',
  ],
  [
    'timeline.0.event',
    (doc) => void (doc.timeline = [{ ...row(1), event: longer(FIELD_LIMITS.entry) }]),
    'at most 5,000 characters',
  ],
  [
    'timeline.0.time',
    (doc) => void (doc.timeline = [{ ...row(1), time: longer(FIELD_LIMITS.time) }]),
    'at most 100 characters',
  ],
  [
    'actionItems',
    (doc) => void (doc.actionItems = Array.from({ length: 501 }, (_, i) => item(i + 1))),
    'at most 500 action items',
  ],
  [
    'actionItems.0.action',
    (doc) => void (doc.actionItems = [{ ...item(1), action: longer(FIELD_LIMITS.line) }]),
    'at most 2,000 characters',
  ],
  [
    'actionItems.0.owner.text',
    (doc) => void (doc.actionItems = [{ ...item(1), owner: { text: longer(FIELD_LIMITS.name) } }]),
    'at most 255 characters',
  ],
  [
    'lessonsLearned',
    (doc) => void (doc.lessonsLearned = Array(201).fill('Canary first')),
    'at most 200 entries',
  ],
  [
    'contributingFactors.0',
    (doc) => void (doc.contributingFactors = [longer(FIELD_LIMITS.entry)]),
    'at most 5,000 characters',
  ],
  [
    'otherNotes',
    (doc) => void (doc.otherNotes = longer(FIELD_LIMITS.otherNotes)),
    'at most 150,000 characters',
  ],
];

describe('per-field limits of a saved postmortem (issue 12)', () => {
  it('accepts the reference postmortem as it is', () => {
    expect(editablePostmortemSchema.safeParse(reference()).success).toBe(true);
  });

  it.each(OVER)('refuses %s over its limit, naming the field', (path, overfill, message) => {
    const doc = reference();
    overfill(doc);
    const checked = editablePostmortemSchema.safeParse(doc);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      [path, message],
    ]);
    // A document stored before the limits still opens: the stored shape has none.
    expect(postmortemDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('accepts every field at exactly its limit', () => {
    const doc = reference();
    doc.header.title = 'x'.repeat(FIELD_LIMITS.name);
    doc.rootCause.text = 'x'.repeat(FIELD_LIMITS.prose);
    doc.timeline = Array.from({ length: FIELD_LIMITS.timelineRows }, (_, i) => row(i + 1));
    doc.otherNotes = 'x'.repeat(FIELD_LIMITS.otherNotes);
    expect(editablePostmortemSchema.safeParse(doc).success).toBe(true);
  });

  it('imports a timeline over the limit whole and says in the report what to shorten before saving', () => {
    const markdown = [
      '## Timeline',
      '| Time | Event |',
      '|---|---|',
      ...Array(1_001).fill('| 10:00 | paged |'),
    ];
    const { document, report } = importMarkdown(markdown.join('\n'));
    expect(document.timeline).toHaveLength(1_001);
    expect(report.warnings).toContain(
      'timeline: at most 1,000 timeline rows: shorten it before saving, nothing was cut',
    );
  });

  it('warns about nothing when the import fits', () => {
    expect(importMarkdown(referencePostmortemMarkdown()).report.warnings).toEqual([]);
  });
});
