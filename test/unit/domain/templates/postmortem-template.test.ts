import { checkCompleteness, requiredSectionsPresent } from '../../../../src/domain/checks';
import { emptyPostmortem, parseMarkdown, renderMarkdown } from '../../../../src/domain/postmortem';
import {
  FULL_TEMPLATE_SECTIONS,
  postmortemTemplate,
  SHORT_TEMPLATE_SECTIONS,
} from '../../../../src/domain/templates/postmortem-template';

const NOW = new Date('2025-03-17T09:00:00Z');

describe('postmortemTemplate', () => {
  it('keeps the full template for SEV-1/2, an unknown severity, and minor ones the settings do not list', () => {
    expect(postmortemTemplate('SEV-1', ['SEV-3', 'SEV-4']).kind).toBe('full');
    expect(postmortemTemplate('SEV-2', ['SEV-3', 'SEV-4']).kind).toBe('full');
    expect(postmortemTemplate(null, ['SEV-3', 'SEV-4']).kind).toBe('full');
    expect(postmortemTemplate('SEV-4', ['SEV-3']).kind).toBe('full');
    expect(postmortemTemplate('SEV-3', []).sections).toEqual(FULL_TEMPLATE_SECTIONS);
  });

  it('gives a listed SEV-3/4 the short template: summary, impact, what happened, action items', () => {
    const short = postmortemTemplate('SEV-3', ['SEV-3']);
    expect(short.kind).toBe('short');
    expect(short.sections).toEqual(['header', 'summary', 'impact', 'timeline', 'actionItems']);
    expect(SHORT_TEMPLATE_SECTIONS.every((section) => FULL_TEMPLATE_SECTIONS.includes(section))).toBe(true);
  });
});

describe('completeness with the short template', () => {
  const empty = emptyPostmortem({ incidentId: 'INC-9', severity: 'SEV-3' });

  it("asks for the short template's sections: a summary, and no root cause or contributing factors", () => {
    expect(requiredSectionsPresent(empty, 'short').map((finding) => finding.path)).toEqual([
      'summary',
      'impact',
      'timeline',
      'actionItems',
    ]);
    expect(requiredSectionsPresent(empty, 'full').map((finding) => finding.path)).toEqual([
      'impact',
      'timeline',
      'rootCause',
      'contributingFactors',
      'actionItems',
    ]);
  });

  it('is complete once the four short sections are written', () => {
    const written = {
      ...empty,
      summary: 'Exports took minutes for an hour.',
      impact: { ...empty.impact, text: 'Admins waited for reports.' },
      timeline: [{ id: 'tl-1', time: '10:00', event: 'Exports slow' }],
      actionItems: [
        {
          id: 'ai-1',
          action: 'Add an index',
          owner: { text: 'DB team' },
          dueDate: '2025-04-01',
          externalRef: null,
          createdIssueKey: null,
        },
      ],
    };
    expect(checkCompleteness(written, NOW, { template: 'short' })).toEqual([]);
    expect(checkCompleteness(written, NOW).map((finding) => finding.path)).toEqual([
      'rootCause',
      'contributingFactors',
    ]);
  });

  it('round-trips a short-template postmortem through Markdown export and import', () => {
    const doc = {
      ...empty,
      summary: 'Exports took minutes for an hour.',
      impact: { ...empty.impact, text: 'Admins waited for reports.' },
      timeline: [{ id: 'tl-1', time: '10:00', event: 'Exports slow' }],
    };
    const imported = parseMarkdown(renderMarkdown(doc)).document;
    expect(imported.summary).toBe(doc.summary);
    expect(imported.impact.text).toBe(doc.impact.text);
    expect(imported.timeline.map(({ time, event }) => [time, event])).toEqual([['10:00', 'Exports slow']]);
    expect(imported.header.severity).toBe('SEV-3');
  });
});
