import { parseMarkdown, postmortemDocumentSchema, renderMarkdown } from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';
import { randomDocument } from './document-fixtures';

describe('the reference template (INC-2025-034) in Markdown', () => {
  const reference = referencePostmortemMarkdown();

  it('renders back character for character after parsing', () => {
    expect(renderMarkdown(parseMarkdown(reference).document)).toBe(reference);
  });

  it('maps every header field and section, leaving nothing unmapped', () => {
    const { document, unmapped } = parseMarkdown(reference);
    expect(unmapped).toEqual([]);
    expect(document.otherNotes).toBe('');
    expect(document.header).toEqual({
      incidentId: 'INC-2025-034',
      title: 'Payment Service Outage',
      date: '2025-03-15',
      severity: 'SEV-1',
      startTime: '14:23',
      endTime: '15:10',
      timeZone: 'UTC',
      durationMinutes: 47,
      writtenBy: '@payment-engineer-lead',
      reviewedBy: ['@platform-lead', '@cto'],
      status: 'FINAL',
      category: null,
      finalizedAt: null,
    });
    expect(document.impact.usersAffected).toBe('~12,000 users were unable to make payments');
    expect(document.impact.revenueImpact).toBe('~€8,500 (estimate based on average transaction value)');
    expect(document.timeline).toHaveLength(9);
    expect(document.timeline[0]).toEqual({
      id: 'tl-1',
      time: '14:23',
      event: 'Deployment of version 2.4.1 to production completed',
    });
    expect(document.rootCause.summary).toBe('Missing database index (`payment_methods.user_id`)');
    expect(document.contributingFactors).toHaveLength(3);
    expect(document.contributingFactors[0]).toBe(
      '**No performance test in staging:** Staging environment had < 1% of production volume\n– the performance difference was not visible.',
    );
    expect(document.whatWorkedWell).toHaveLength(4);
    expect(document.blamelessNotes.startsWith('This incident was not caused by a mistake, but by:')).toBe(
      true,
    );
  });

  it('reads the action items table with stable ids, owners, due dates and Jira references', () => {
    const { actionItems } = parseMarkdown(reference).document;
    expect(actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-2', 'ai-3', 'ai-4', 'ai-5']);
    expect(actionItems[0]).toEqual({
      id: 'ai-1',
      action: 'Add index on `payment_methods.user_id`',
      owner: { text: '@db-engineer' },
      dueDate: '2025-03-18',
      externalRef: 'PAY-456',
      createdIssueKey: null,
    });
    expect(actionItems[4]?.action).toBe('Update runbook for "failed deployment"');
  });
});

describe('any document rendered to Markdown', () => {
  it.each(Array.from({ length: 60 }, (_, seed) => seed + 1))(
    'parses back to the same document (seed %i)',
    (seed) => {
      const doc = randomDocument(seed);
      expect(postmortemDocumentSchema.safeParse(doc).success).toBe(true);
      const markdown = renderMarkdown(doc);
      expect(parseMarkdown(markdown).document).toEqual(doc);
      expect(renderMarkdown(parseMarkdown(markdown).document)).toBe(markdown);
    },
  );

  it('keeps pipes and line breaks inside table cells', () => {
    const doc = randomDocument(7);
    doc.timeline = [{ id: 'tl-1', time: '10:00', event: 'a | b\nsecond line with \\ backslash' }];
    expect(parseMarkdown(renderMarkdown(doc)).document.timeline).toEqual(doc.timeline);
  });
});

describe('Markdown with CommonMark spacing', () => {
  it('separates the header lines and sections by blank lines so strict renderers keep them apart', () => {
    const markdown = renderMarkdown(parseMarkdown(referencePostmortemMarkdown()).document, {
      spacing: 'commonmark',
    });
    expect(markdown).toContain('**Incident ID:** INC-2025-034\n\n**Date:** 2025-03-15');
    expect(markdown).toContain('**Status:** FINAL\n\n---\n\n## Impact');
  });

  it.each(Array.from({ length: 40 }, (_, seed) => seed + 500))(
    'parses back to the same document (seed %i)',
    (seed) => {
      const doc = randomDocument(seed);
      expect(parseMarkdown(renderMarkdown(doc, { spacing: 'commonmark' })).document).toEqual(doc);
    },
  );
});
