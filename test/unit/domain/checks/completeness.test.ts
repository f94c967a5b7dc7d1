import { checkCompleteness, finalizationBlockers } from '../../../../src/domain/checks';
import { emptyPostmortem, parseMarkdown, type PostmortemDocument } from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

const reference = (): PostmortemDocument => parseMarkdown(referencePostmortemMarkdown()).document;
// The reference postmortem was finalized a few days after the incident (15 March 2025).
const finalizedOn = new Date('2025-03-17T09:00:00Z');
// The default setting: Finalize needs no approvals (the review's rule is tested in test/unit/domain/review).
const NO_APPROVALS = { approvalsRequired: 'none' } as const;

describe('finalizationBlockers (the reference hard rule: owner and due date on every action item)', () => {
  it('lets the reference postmortem through', () => {
    expect(finalizationBlockers(reference(), finalizedOn, NO_APPROVALS)).toEqual([]);
  });

  it('blocks on an action item without owner and one without due date, naming the row', () => {
    const doc = reference();
    doc.actionItems[1] = {
      ...(doc.actionItems[1] as PostmortemDocument['actionItems'][number]),
      owner: null,
    };
    doc.actionItems[3] = {
      ...(doc.actionItems[3] as PostmortemDocument['actionItems'][number]),
      dueDate: null,
    };
    expect(finalizationBlockers(doc, finalizedOn, NO_APPROVALS)).toEqual([
      {
        code: 'action-item-without-owner',
        severity: 'error',
        message:
          'Action item 2 ("Enable AWS Performance Insights (all RDS instances)") has no owner; assign one before finalizing.',
        path: 'actionItems.ai-2.owner',
      },
      {
        code: 'action-item-without-due-date',
        severity: 'error',
        message:
          'Action item 4 ("Performance test with production data volume in staging") has no due date; set one before finalizing.',
        path: 'actionItems.ai-4.dueDate',
      },
    ]);
  });

  it('does not block on advice such as empty sections or past due dates', () => {
    expect(
      finalizationBlockers(
        emptyPostmortem({ incidentId: 'INC-1' }),
        new Date('2030-01-01T00:00:00Z'),
        NO_APPROVALS,
      ),
    ).toEqual([]);
  });
});

describe('checkCompleteness', () => {
  it('finds nothing to complain about in the reference postmortem at finalization', () => {
    expect(checkCompleteness(reference(), finalizedOn)).toEqual([]);
  });

  it('lists every missing required section of an empty postmortem', () => {
    const codes = checkCompleteness(emptyPostmortem({ incidentId: '' }), finalizedOn).map((f) => f.path);
    expect(codes).toEqual([
      'header.incidentId',
      'header.severity',
      'impact',
      'timeline',
      'rootCause',
      'contributingFactors',
      'actionItems',
    ]);
  });

  it('warns about due dates already past at finalization, but not about today', () => {
    const findings = checkCompleteness(reference(), new Date('2025-03-22T23:59:00Z'));
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['action-item-due-date-passed', 'actionItems.ai-1.dueDate'],
      ['action-item-due-date-passed', 'actionItems.ai-3.dueDate'],
    ]);
  });

  it('decides "today" in the configured time zone', () => {
    // 23:30 UTC on 18 March is already 19 March in Berlin, so the 18 March due date has passed there.
    const lateEvening = new Date('2025-03-18T23:30:00Z');
    expect(
      checkCompleteness(reference(), lateEvening).filter((f) => f.code === 'action-item-due-date-passed'),
    ).toEqual([]);
    const berlin = checkCompleteness(reference(), lateEvening, { timeZone: 'Europe/Berlin' });
    expect(berlin.filter((f) => f.code === 'action-item-due-date-passed').map((f) => f.path)).toEqual([
      'actionItems.ai-1.dueDate',
    ]);
  });

  it('warns about a timeline out of order, allowing a wrap past midnight', () => {
    const doc = reference();
    doc.timeline = [
      { id: 'tl-1', time: '23:50', event: 'alert' },
      { id: 'tl-2', time: '00:10', event: 'paged (next day)' },
      { id: 'tl-3', time: '00:05', event: 'written late' },
      { id: 'tl-4', time: 'HH:mm', event: 'placeholder is ignored' },
      { id: 'tl-5', time: '2025-03-15 10:00', event: 'dated' },
      { id: 'tl-6', time: '2025-03-14 10:00', event: 'dated, earlier' },
    ];
    const findings = checkCompleteness(doc, finalizedOn).filter((f) => f.code === 'timeline-out-of-order');
    expect(findings.map((f) => f.path)).toEqual(['timeline.tl-3', 'timeline.tl-6']);
    expect(findings[0]?.message).toBe(
      'Timeline entry at 00:05 comes after 00:10; put the timeline in order.',
    );
  });

  it('includes action items without owner or due date and blame language as findings', () => {
    const doc = reference();
    doc.actionItems[0] = {
      ...(doc.actionItems[0] as PostmortemDocument['actionItems'][number]),
      owner: null,
    };
    doc.rootCause.text = 'Bob forgot to add the index.';
    const codes = checkCompleteness(doc, finalizedOn).map((f) => `${f.code}@${f.path}`);
    expect(codes).toEqual([
      'action-item-without-owner@actionItems.ai-1.owner',
      'blame-language@rootCause.text',
    ]);
    const blame = checkCompleteness(doc, finalizedOn).find((f) => f.code === 'blame-language');
    expect(blame?.range).toEqual({ start: 4, end: 13 });
    expect(doc.rootCause.text.slice(blame?.range?.start, blame?.range?.end)).toBe('forgot to');
  });
});
