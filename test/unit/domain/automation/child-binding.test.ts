import {
  bindFoundChildren,
  mayHaveBeenCreated,
  withRecordedChildren,
} from '../../../../src/domain/automation/child-binding';
import { emptyPostmortem } from '../../../../src/domain/postmortem';

const child = (key: string, incidentKey: string, rowId: string) => ({ key, source: { incidentKey, rowId } });

describe('bindFoundChildren', () => {
  it('binds a child found on Jira to the row recorded before its create', () => {
    expect(bindFoundChildren([child('INC-7', 'INC-1', 'ai-3')], 'INC-1', ['ai-3'], {})).toEqual({
      'ai-3': 'INC-7',
    });
  });

  it('never binds a row that was not recorded before a create (an older finalization reusing the id)', () => {
    expect(bindFoundChildren([child('INC-7', 'INC-1', 'ai-1')], 'INC-1', ['ai-6'], {})).toEqual({});
  });

  it("ignores another incident's children, unrelated issues, and rows or issues already bound", () => {
    const found = [
      child('INC-8', 'INC-2', 'ai-1'),
      { key: 'INC-9', source: undefined },
      child('INC-10', 'INC-1', 'ai-2'),
      child('INC-11', 'INC-1', 'ai-1'),
      child('INC-11', 'INC-1', 'ai-3'),
    ];
    expect(bindFoundChildren(found, 'INC-1', ['ai-1', 'ai-2', 'ai-3'], { 'ai-2': 'INC-5' })).toEqual({
      'ai-1': 'INC-11',
    });
  });
});

describe('mayHaveBeenCreated', () => {
  it.each([
    [{ status: null, kind: 'Unavailable' as const }, true],
    [{ status: null, kind: 'Internal' as const }, true],
    [{ status: null, kind: 'RateLimited' as const }, false],
    [{ status: null, kind: 'Forbidden' as const }, false],
    [{ status: 400, kind: 'InvalidInput' as const }, false],
    [{ status: 503, kind: 'Unavailable' as const }, false],
  ])('%j → %s', (element, expected) => {
    expect(mayHaveBeenCreated(element)).toBe(expected);
  });
});

describe('withRecordedChildren', () => {
  it("shows each row's recorded child and drops a key the client saved", () => {
    const row = (id: string, createdIssueKey: string | null) => ({
      id,
      action: id,
      owner: null,
      dueDate: null,
      externalRef: null,
      createdIssueKey,
    });
    const document = {
      ...emptyPostmortem({ incidentId: 'INC-1' }),
      actionItems: [row('ai-1', null), row('ai-2', 'INC-500')],
    };
    expect(
      withRecordedChildren(document, { 'ai-1': 'INC-7' }).actionItems.map((i) => i.createdIssueKey),
    ).toEqual(['INC-7', null]);
  });
});
