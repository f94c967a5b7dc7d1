import {
  CURRENT_POSTMORTEM_VERSION,
  emptyPostmortem,
  InvalidPostmortemError,
  migratePostmortem,
  parseMarkdown,
} from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

const v1Stored = {
  version: 1,
  header: {
    incidentId: 'INC-7',
    title: 'Queue backlog',
    date: '2024-11-02',
    severity: 'sev2',
    duration: '1h 10m',
    writtenBy: '@sre',
    reviewedBy: ['@lead'],
    status: 'IN REVIEW',
  },
  timeline: [
    { time: '10:00', event: 'Backlog alert' },
    { time: '10:20', event: 'Consumers scaled' },
  ],
  rootCause: 'Consumer autoscaling was capped at 3 replicas.',
  contributingFactors: ['No load test'],
  actionItems: [
    { action: 'Raise cap', owner: '@platform', dueDate: '2024-11-15', jira: 'OPS-1' },
    { action: 'Add backlog SLO', owner: null, dueDate: 'next sprint', jira: null },
  ],
  notes: 'Blameless.',
};

describe('migratePostmortem', () => {
  it('accepts a current document unchanged', () => {
    const doc = parseMarkdown(referencePostmortemMarkdown()).document;
    expect(migratePostmortem(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(doc.version).toBe(CURRENT_POSTMORTEM_VERSION);
  });

  it('lifts version 1: ids for rows, owners as text, Jira as reference, a typed IN REVIEW as DRAFT (no reviewer was asked), notes as blameless notes', () => {
    const doc = migratePostmortem(v1Stored);
    expect(doc.version).toBe(CURRENT_POSTMORTEM_VERSION);
    expect(doc.revision).toBe(0);
    expect(doc.header.severity).toBe('SEV-2');
    expect(doc.header.status).toBe('DRAFT');
    expect(doc.review).toBeUndefined();
    expect(doc.timeline.map((row) => row.id)).toEqual(['tl-1', 'tl-2']);
    expect(doc.rootCause).toEqual({ text: 'Consumer autoscaling was capped at 3 replicas.', summary: null });
    expect(doc.actionItems).toEqual([
      {
        id: 'ai-1',
        action: 'Raise cap',
        owner: { text: '@platform' },
        dueDate: '2024-11-15',
        externalRef: 'OPS-1',
        createdIssueKey: null,
      },
      {
        id: 'ai-2',
        action: 'Add backlog SLO [Due: next sprint]',
        owner: null,
        dueDate: null,
        externalRef: null,
        createdIssueKey: null,
      },
    ]);
    expect(doc.blamelessNotes).toBe('Blameless.');
    // v1's free-text duration is not guessed into minutes, and not dropped either.
    expect(doc.header.durationMinutes).toBeNull();
    expect(doc.otherNotes).toBe('Duration: 1h 10m');
  });

  it('lifts version 2: its IN_REVIEW was the finalization hold, so it becomes FINALIZING; other statuses stay', () => {
    const current = parseMarkdown(referencePostmortemMarkdown()).document;
    const v2 = (status: string) => ({ ...current, version: 2, header: { ...current.header, status } });
    expect(migratePostmortem(v2('IN_REVIEW'))).toEqual({
      ...current,
      header: { ...current.header, status: 'FINALIZING' },
    });
    expect(migratePostmortem(v2('DRAFT')).header.status).toBe('DRAFT');
    expect(migratePostmortem(v2('FINAL')).header.status).toBe('FINAL');
  });

  it('treats a document without a version as version 1 (stored before versioning)', () => {
    const { version: _version, ...unversioned } = v1Stored;
    expect(migratePostmortem(unversioned).header.incidentId).toBe('INC-7');
  });

  it.each([
    [null, 'expected a JSON object'],
    ['text', 'expected a JSON object'],
    [{ version: 99 }, 'Unknown postmortem version 99'],
    [{ version: 1, header: { title: 'no id' } }, 'header.incidentId'],
    [{ ...emptyPostmortem({ incidentId: 'X' }), timeline: [{ time: '10:00' }] }, 'timeline.0.id'],
    [
      {
        ...emptyPostmortem({ incidentId: 'X' }),
        header: { ...emptyPostmortem({ incidentId: 'X' }).header, date: '2025-02-30' },
      },
      'header.date',
    ],
    [{ ...emptyPostmortem({ incidentId: 'X' }), surprise: true }, 'Unrecognized key'],
  ])('rejects %p with a clear error naming %p', (raw, message) => {
    expect(() => migratePostmortem(raw)).toThrow(InvalidPostmortemError);
    expect(() => migratePostmortem(raw)).toThrow(message);
  });
});

describe('emptyPostmortem', () => {
  it('seeds the header and leaves every section empty', () => {
    const doc = emptyPostmortem({
      incidentId: 'INC-1',
      date: '2025-03-15',
      severity: 'sev1',
      writtenBy: ' @me ',
    });
    expect(doc.header).toMatchObject({
      incidentId: 'INC-1',
      date: '2025-03-15',
      severity: 'SEV-1',
      writtenBy: '@me',
      status: 'DRAFT',
    });
    expect(doc.actionItems).toEqual([]);
    expect(migratePostmortem(doc)).toEqual(doc);
  });

  it('ignores an invalid seed date or severity rather than storing it', () => {
    const doc = emptyPostmortem({ incidentId: 'INC-1', date: '15/03/2025', severity: 'huge' });
    expect(doc.header.date).toBeNull();
    expect(doc.header.severity).toBeNull();
  });
});
