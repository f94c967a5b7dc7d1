import { emptyPostmortem, indexedSummary, parseMarkdown } from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

// Jira rejects an issue entity property larger than 32,768 characters.
const PROPERTY_LIMIT = 32_768;

describe('indexedSummary (the postmortem-summary issue property)', () => {
  it('summarises the reference postmortem', () => {
    expect(indexedSummary(parseMarkdown(referencePostmortemMarkdown()).document)).toEqual({
      status: 'FINAL',
      severity: 'SEV-1',
      category: null,
      sloImpact: 'Availability SLO violated, 2.3% of monthly error budget consumed',
      incidentId: 'INC-2025-034',
      finalizedAt: null,
      rootCause: 'Missing database index (payment_methods.user_id)',
      actionItemCount: 5,
      actionItemsWithoutIssueCount: 5,
    });
  });

  it('falls back to the root cause text as plain text, trimmed to 2,000 characters', () => {
    const doc = emptyPostmortem({ incidentId: 'INC-1' });
    doc.rootCause.text = `**Disk** full on \`db-1\`.\n\n${'word '.repeat(1000)}`;
    const summary = indexedSummary(doc);
    expect(summary.rootCause.startsWith('Disk full on db-1. word')).toBe(true);
    expect(Array.from(summary.rootCause)).toHaveLength(2000);
  });

  it('stays under the property limit whatever the document holds', () => {
    const doc = emptyPostmortem({ incidentId: 'I'.repeat(100_000), category: '😀'.repeat(50_000) });
    doc.rootCause.summary = '"\\'.repeat(100_000);
    doc.actionItems = Array.from({ length: 10_000 }, (_, i) => ({
      id: `ai-${i + 1}`,
      action: 'x'.repeat(1000),
      owner: null,
      dueDate: null,
      externalRef: null,
      createdIssueKey: i % 2 === 0 ? `PAY-${i}` : null,
    }));
    const json = JSON.stringify(indexedSummary(doc));
    expect(json.length).toBeLessThanOrEqual(PROPERTY_LIMIT);
    expect(JSON.parse(json)).toMatchObject({ actionItemCount: 10_000, actionItemsWithoutIssueCount: 5_000 });
  });
});
