import {
  childrenToLink,
  createOutcome,
  finalHeader,
  finalizationAnnouncement,
  planFinalization,
  rowsToCreate,
  shouldAnnounce,
  unresolvedOwnerLabels,
  type FinalizationProgress,
} from '../../../../src/domain/automation/finalization-plan';
import { emptyPostmortem, type ActionItem, type PostmortemDocument } from '../../../../src/domain/postmortem';

const now = new Date('2026-03-10T12:00:00Z');

function row(id: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    action: `Do ${id}`,
    owner: { text: '@sam' },
    dueDate: '2026-04-01',
    externalRef: null,
    createdIssueKey: null,
    ...overrides,
  };
}

function documentWith(rows: ActionItem[], status: 'DRAFT' | 'FINAL' = 'DRAFT'): PostmortemDocument {
  const empty = emptyPostmortem({ incidentId: 'INC-1', title: 'Checkout down' });
  return {
    ...empty,
    header: { ...empty.header, status, finalizedAt: status === 'FINAL' ? '2026-03-09T00:00:00.000Z' : null },
    actionItems: rows,
  };
}

const fresh: FinalizationProgress = { children: {}, childIssueType: null };

describe('planFinalization', () => {
  it('withdraws when the label is gone, reopening a stored FINAL postmortem or one held FINALIZING for its finalization', () => {
    const document = documentWith([row('ai-1')], 'FINAL');
    expect(
      planFinalization({
        approvalsRequired: 'none',
        labelOn: false,
        storedStatus: 'FINAL',
        document,
        progress: fresh,
        now,
      }),
    ).toEqual({
      kind: 'withdraw',
      reopen: true,
    });
    expect(
      planFinalization({
        approvalsRequired: 'none',
        labelOn: false,
        storedStatus: 'FINALIZING',
        document,
        progress: fresh,
        now,
      }),
    ).toEqual({
      kind: 'withdraw',
      reopen: true,
    });
    expect(
      planFinalization({
        approvalsRequired: 'none',
        labelOn: false,
        storedStatus: 'DRAFT',
        document,
        progress: fresh,
        now,
      }),
    ).toEqual({
      kind: 'withdraw',
      reopen: false,
    });
  });

  it('starts a new finalization, with the skipped panel rules, unless a FINAL postmortem has one', () => {
    const draft = documentWith([row('ai-1')]);
    const started = planFinalization({
      approvalsRequired: 'none',
      labelOn: true,
      storedStatus: 'DRAFT',
      document: draft,
      progress: fresh,
      now,
    });
    expect(started).toMatchObject({ kind: 'finalize', finalization: { kind: 'new' } });

    const final = documentWith([row('ai-1')], 'FINAL');
    const ongoing = { ...fresh, finalizationId: 'f-1' };
    expect(
      planFinalization({
        approvalsRequired: 'none',
        labelOn: true,
        storedStatus: 'FINAL',
        document: final,
        progress: ongoing,
        now,
      }),
    ).toMatchObject({ finalization: { kind: 'ongoing', id: 'f-1' } });
    // A draft with an id left from an earlier finalization is a new one (adding the label again).
    expect(
      planFinalization({
        approvalsRequired: 'none',
        labelOn: true,
        storedStatus: 'DRAFT',
        document: draft,
        progress: ongoing,
        now,
      }),
    ).toMatchObject({ finalization: { kind: 'new' } });
  });

  it('looks up only the rows sent without an answer; all rows without a child for records older than intents', () => {
    const document = documentWith([row('ai-1'), row('ai-2'), row('ai-3')]);
    const withIntent = {
      ...fresh,
      children: { 'ai-1': 'INC-9' },
      pendingCreate: { rowIds: ['ai-2'], at: '' },
    };
    const legacy = { ...fresh, children: { 'ai-1': 'INC-9' } };
    const noIntent = { ...fresh, pendingCreate: null };
    const doubt = (progress: FinalizationProgress) => {
      const plan = planFinalization({
        approvalsRequired: 'none',
        labelOn: true,
        storedStatus: 'DRAFT',
        document,
        progress,
        now,
      });
      return plan.kind === 'finalize' ? plan.rowsInDoubt : null;
    };
    expect(doubt(withIntent)).toEqual(['ai-2']);
    expect(doubt(legacy)).toEqual(['ai-2', 'ai-3']);
    expect(doubt(noIntent)).toEqual([]);
  });
});

describe('the create step', () => {
  it('creates the rows without a child', () => {
    const document = documentWith([row('ai-1'), row('ai-2')]);
    expect(rowsToCreate(document, { 'ai-1': 'INC-9' }).map((item) => item.id)).toEqual(['ai-2']);
  });

  it('binds created keys by position and keeps in doubt only elements Jira gave no answer for', () => {
    const sent = [row('ai-1'), row('ai-2'), row('ai-3'), row('ai-4')];
    const outcome = createOutcome(
      sent,
      [{ index: 0, key: 'INC-10' }],
      [
        { index: 1, status: 400, kind: 'InvalidInput', message: 'bad assignee' },
        { index: 2, status: null, kind: 'Unavailable', message: 'Jira 503', retryAfterMs: 5000 },
        { index: 3, status: null, kind: 'RateLimited', message: 'Jira 429' },
      ],
    );
    expect(outcome.children).toEqual({ 'ai-1': 'INC-10' });
    expect(outcome.stillInDoubt).toEqual(['ai-3']);
    expect(outcome.failures.map((f) => f.rowId)).toEqual(['ai-2', 'ai-3', 'ai-4']);
    expect(outcome.retryLater).toEqual({ kind: 'Unavailable', message: 'Jira 503', retryAfterMs: 5000 });
    expect(
      createOutcome(sent, [], [{ index: 0, status: 400, kind: 'InvalidInput', message: 'x' }]).retryLater,
    ).toBeNull();
  });
});

describe('linking, marking and announcing', () => {
  it('links only linked-task children not linked yet; old records linked every child at create', () => {
    const children = { 'ai-1': 'INC-10', 'ai-2': 'INC-11' };
    expect(childrenToLink({ children, childIssueType: 'linked task', linkedChildren: ['ai-1'] })).toEqual([
      ['ai-2', 'INC-11'],
    ]);
    expect(childrenToLink({ children, childIssueType: 'linked task' })).toEqual([]);
    expect(childrenToLink({ children, childIssueType: 'sub-task', linkedChildren: [] })).toEqual([]);
  });

  it('marks FINAL once, keeping the first finalization time', () => {
    const draft = documentWith([]).header;
    expect(finalHeader(draft, now)).toMatchObject({ status: 'FINAL', finalizedAt: now.toISOString() });
    expect(finalHeader(documentWith([], 'FINAL').header, now)).toBeNull();
  });

  it('announces once per finalization, and again only after a failed delivery', () => {
    const base = { ...fresh, finalizationId: 'f-2' };
    expect(shouldAnnounce(base)).toBe(true);
    expect(shouldAnnounce({ ...base, slack: { deliveryId: 'f-1', state: 'sent' } })).toBe(true);
    expect(shouldAnnounce({ ...base, slack: { deliveryId: 'f-2', state: 'sent' } })).toBe(false);
    expect(shouldAnnounce({ ...base, slack: { deliveryId: 'f-2', state: 'failed' } })).toBe(true);
  });

  it("says each item's owner, recorded child and warnings; the header's duration wins over the issue's", () => {
    const document = documentWith([row('ai-1'), row('ai-2', { owner: null, dueDate: null })]);
    const owners = new Map([
      ['ai-1', { accountId: null, label: '@sam', unresolved: true }],
      ['ai-2', { accountId: null, label: null, unresolved: false }],
    ]);
    const input = finalizationAnnouncement({
      incident: {
        key: 'INC-1',
        summary: 'Checkout down',
        url: 'https://x/browse/INC-1',
        durationMinutes: 42,
      },
      document: {
        ...document,
        actionItems: document.actionItems.map((i) => ({ ...i, createdIssueKey: 'EVIL-1' })),
      },
      owners,
      children: { 'ai-1': 'INC-10' },
      unresolvedOwners: unresolvedOwnerLabels(owners.values()),
      skippedRules: [],
    });
    expect(input.incident.durationMinutes).toBe(42);
    expect(input.unresolvedOwners).toEqual(['@sam']);
    expect(input.actionItems).toEqual([
      expect.objectContaining({ childKey: 'INC-10', warnings: ['owner not found in Jira; left unassigned'] }),
      expect.objectContaining({ childKey: null, warnings: ['no owner', 'no due date'] }),
    ]);
    const withDuration = { ...document, header: { ...document.header, durationMinutes: 7 } };
    expect(
      finalizationAnnouncement({
        incident: input.incident,
        owners,
        children: {},
        document: withDuration,
        unresolvedOwners: [],
        skippedRules: [],
      }).incident.durationMinutes,
    ).toBe(7);
  });
});
