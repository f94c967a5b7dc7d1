import type { Finding } from '../../../src/contract/issue-panel-api';
import { dropSettledFindings } from '../../../static/issue-panel/src/logic/drop-settled-findings';
import { blankDocument } from './panel-fixtures';

const finding = (path: string, code: Finding['code'], severity: Finding['severity'] = 'error'): Finding => ({
  code,
  severity,
  message: `${code} at ${path}`,
  path,
});

const row = (id: string, owner: boolean, dueDate: string | null) => ({
  id,
  action: `Action ${id}`,
  owner: owner ? { accountId: '5b109f2e9729b51b54dc274d', displayName: 'Alex Rivera' } : null,
  dueDate,
  externalRef: null,
  createdIssueKey: null,
});

describe('dropSettledFindings', () => {
  const answered = [
    finding('actionItems.ai-1.owner', 'action-item-without-owner'),
    finding('actionItems.ai-1.dueDate', 'action-item-without-due-date'),
    finding('actionItems.ai-2.owner', 'action-item-without-owner'),
    finding('rootCause.text', 'blame-language', 'warning'),
  ];
  const checks = { findings: answered, blockers: answered.slice(0, 3) };

  it('drops the owner and due-date hints of a row the latest edit already filled in, before the next answer', () => {
    const { actionItems } = blankDocument({
      actionItems: [row('ai-1', true, '2026-12-15'), row('ai-2', false, null)],
    });
    const result = dropSettledFindings(checks, { actionItems, timeline: [] });
    expect(result.findings.map((f) => f.path)).toEqual(['actionItems.ai-2.owner', 'rootCause.text']);
    expect(result.blockers.map((f) => f.path)).toEqual(['actionItems.ai-2.owner']);
  });

  it('keeps the hint for the field still empty on the same row', () => {
    const result = dropSettledFindings(checks, {
      actionItems: [row('ai-1', true, null), row('ai-2', false, null)],
      timeline: [],
    });
    expect(result.blockers.map((f) => f.path)).toEqual([
      'actionItems.ai-1.dueDate',
      'actionItems.ai-2.owner',
    ]);
  });

  it('drops the hints of a removed row and leaves every other kind of finding alone', () => {
    const result = dropSettledFindings(checks, { actionItems: [], timeline: [] });
    expect(result.findings).toEqual([finding('rootCause.text', 'blame-language', 'warning')]);
    expect(result.blockers).toEqual([]);
  });

  it('drops "Timeline is empty" and "Action Items is empty" as soon as a row is added, and keeps them otherwise', () => {
    const empty = {
      findings: [
        finding('timeline', 'missing-section', 'warning'),
        finding('actionItems', 'missing-section', 'warning'),
        finding('rootCause', 'missing-section', 'warning'),
      ],
      blockers: [],
    };
    const withRows = dropSettledFindings(empty, {
      actionItems: [row('ai-1', false, null)],
      timeline: [{ time: '14:23', event: 'Alert fired' }],
    });
    expect(withRows.findings.map((f) => f.path)).toEqual(['rootCause']);
    const stillEmpty = dropSettledFindings(empty, { actionItems: [], timeline: [] });
    expect(stillEmpty.findings.map((f) => f.path)).toEqual(['timeline', 'actionItems', 'rootCause']);
  });
});
