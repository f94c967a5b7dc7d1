import {
  importMarkdown,
  parseAdf,
  postmortemDocumentSchema,
  renderAdf,
  renderMarkdown,
} from '../../../../src/domain/postmortem';
import { markdownToAdf } from '../../../../src/domain/postmortem/markdown-to-adf';

function imported(markdown: string, options: Parameters<typeof importMarkdown>[1] = {}) {
  const result = importMarkdown(markdown, options);
  expect(postmortemDocumentSchema.safeParse(result.document).success).toBe(true);
  return result;
}

describe('importing section names from the styles teams use', () => {
  it.each([
    ['Issue Summary', 'summary'],
    ['TL;DR', 'summary'],
    ['Leadup', 'summary'],
    ['Detection', 'detection'],
    ['Mitigation', 'resolution'],
    ['Recovery', 'resolution'],
  ] as const)('maps "%s" to the %s section', (heading, field) => {
    const { document, unmapped } = imported(`# Outage\n## ${heading}\nThe words.`);
    expect(document[field]).toBe('The words.');
    expect(unmapped).toEqual([]);
  });

  it.each([
    ['What went poorly', 'contributingFactors'],
    ["What didn't go so well?", 'contributingFactors'],
    ['What went well', 'whatWorkedWell'],
    ['Where we got lucky', 'lessonsLearned'],
    ['Learnings', 'lessonsLearned'],
  ] as const)('maps "%s" to %s', (heading, field) => {
    const { document } = imported(`## ${heading}\n- one\n- two`);
    expect(document[field]).toEqual(['one', 'two']);
  });

  it.each([
    'Corrective and Preventative Measures',
    'Preventive actions',
    'Remediation actions',
    'Follow-up actions',
    'Corrective actions',
  ])('reads "%s" as action items', (heading) => {
    expect(imported(`## ${heading}\n- add an alert`).document.actionItems.map((item) => item.action)).toEqual(
      ['add an alert'],
    );
  });

  it('recognises a heading that goes on after the name: "Timeline (all times PST) 10/14/2022 - 10/15/2022"', () => {
    const { document } = imported(
      '## Timeline (all times PST) 10/14/2022 - 10/15/2022\n- 2:54 PM PST: paged',
    );
    expect(document.timeline).toEqual([{ id: 'tl-1', time: '2:54 PM PST', event: 'paged' }]);
    expect(document.header.timeZone).toBe('PST');
  });

  it('keeps headings nested under a recognised section with it (Google SRE "Lessons learned" > groups)', () => {
    const { document } = imported(
      '## Lessons learned\n### What went well\n- fast rollback\n### Where we got lucky\n- low traffic',
    );
    expect(document.whatWorkedWell).toEqual(['fast rollback']);
    expect(document.lessonsLearned).toEqual(['low traffic']);
  });
});

describe('headings no name matches', () => {
  it('reads a heading by its words, reporting it as a guess', () => {
    const { document, report } = imported(
      '# Outage\n## How did this happen\nA bad cert.\n## Actions taken\nRevoked it.',
    );
    expect(document.rootCause.text).toBe('A bad cert.');
    expect(document.resolution).toBe('Revoked it.');
    expect(report.guessed).toEqual([
      '"How did this happen" read as Root Cause from its words',
      '"Actions taken" read as Resolution from its words',
    ]);
  });

  it('keeps the first heading as the title whatever its words say', () => {
    expect(imported('# Incident Report: Token leak\nText.').document.header.title).toBe(
      'Incident Report: Token leak',
    );
  });

  it('joins day and time headings that follow a timeline at its own level to it', () => {
    const { document, unmapped } = imported(
      '## Timeline\n## July 22\n### 10:00 AM\nPaged.\n## Action Items\n- fix',
    );
    expect(document.timeline).toEqual([{ id: 'tl-1', time: '10:00 AM', event: 'Paged.' }]);
    expect(unmapped).toEqual([]);
  });
});

describe('front matter and header facts', () => {
  it('reads YAML front matter: title, date, authors list and summary', () => {
    const { document, report } = imported(
      '---\ntitle: "Incident Report: Leaked Token"\ndate: 2024-07-08\nauthors:\n  - ewdurbin\nsummary: A token leaked.\nweight: 7\n---\n\n## Timeline\n- 2024-06-28 07:09: reported',
    );
    expect(document.header.title).toBe('Incident Report: Leaked Token');
    expect(document.header.date).toBe('2024-07-08');
    expect(document.header.writtenBy).toBe('ewdurbin');
    expect(document.summary).toBe('A token leaked.');
    expect(document.otherNotes).toBe('weight: 7');
    expect(report.otherNotes).toEqual([
      { source: 'front matter', reason: 'fields the template has no place for' },
    ]);
  });

  it('reads TOML front matter and keeps its [extra] table as written', () => {
    const { document } = imported(
      '+++\ntitle = "crates.io Postmortem"\nauthors = ["Tobias Bieniek"]\n\n[extra]\nteam = "crates.io"\n+++\n\n## Summary\nDownloads broke.',
    );
    expect(document.header.title).toBe('crates.io Postmortem');
    expect(document.header.writtenBy).toBe('Tobias Bieniek');
    expect(document.otherNotes).toBe('[extra]\nteam = "crates.io"');
    expect(document.summary).toBe('Downloads broke.');
  });

  it('maps a severity word through the severity names it is given (the settings priority mapping)', () => {
    const { document } = imported('**Severity:** High', { severityNames: { High: 'SEV-2' } });
    expect(document.header.severity).toBe('SEV-2');
    expect(document.otherNotes).toBe('Severity: High');
  });

  it('reads a date written in words and a duration in hours and minutes', () => {
    const { document } = imported('- Date: March 15, 2025\n- Duration: 1h 50m');
    expect(document.header.date).toBe('2025-03-15');
    expect(document.header.durationMinutes).toBe(110);
  });

  it('keeps the first value of a header field given twice and notes the second', () => {
    const { document, report } = imported('**Severity:** SEV-2\n**Reviewed by:** @a\n**Severity:** SEV-1');
    expect(document.header.severity).toBe('SEV-2');
    expect(document.otherNotes).toBe('**Severity:** SEV-1');
    expect(report.warnings).toEqual([
      'Severity is given more than once: the first value was kept, "SEV-1" is in Other notes',
    ]);
  });
});

describe('timelines as teams write them', () => {
  it('reads 12-hour clocks, bracketed and bold times, and dates with times', () => {
    const { document } = imported(
      [
        '## Timeline',
        '- 2:54 PM: alert fired',
        '- [08:47] paged',
        '- **09:15 GMT** – rollback',
        '- 24-10-2024 13:15 resolved',
        '- `07:35` noted',
      ].join('\n'),
    );
    expect(document.timeline.map((row) => [row.time, row.event])).toEqual([
      ['2:54 PM', 'alert fired'],
      ['08:47', 'paged'],
      ['09:15 GMT', 'rollback'],
      ['24-10-2024 13:15', 'resolved'],
      ['07:35', 'noted'],
    ]);
    expect(document.header.timeZone).toBe('GMT');
  });

  it('records the zone a sentence states, keeping the row times as written', () => {
    const { document, report } = imported(
      '## Timeline\nAll times in CEST (UTC+2).\n- 10:00 paged\n- 10:05 fixed',
    );
    expect(document.header.timeZone).toBe('CEST');
    expect(document.timeline.map((row) => row.time)).toEqual(['10:00', '10:05']);
    expect(report.guessed).toEqual(['time zone CEST from "All times in CEST (UTC+2)."']);
  });

  it('reads one heading per timestamp, the body being the event, and carries day headings on multi-day timelines', () => {
    const { document } = imported(
      [
        '## Timeline',
        '### May 12',
        '#### 11:28 PM',
        'Pods evicted.',
        '### May 13',
        '#### 6:00 AM',
        '- Engineer restarts the hub.',
        '- Hub back.',
      ].join('\n'),
    );
    expect(document.timeline).toEqual([
      { id: 'tl-1', time: 'May 12 11:28 PM', event: 'Pods evicted.' },
      { id: 'tl-2', time: 'May 13 6:00 AM', event: '- Engineer restarts the hub.\n- Hub back.' },
    ]);
  });

  it("numbers the rows of every timeline in the file in document order: the summary's timed list, then the table", () => {
    const { document } = imported(
      [
        '## Summary',
        '- 09:00 Alert fired.',
        '- 09:05 On-call paged.',
        '## Timeline',
        '| Time | Event |',
        '|---|---|',
        '| 09:10 | Rolled back. |',
        '| 09:20 | Recovered. |',
      ].join('\n'),
    );
    expect(document.timeline).toEqual([
      { id: 'tl-1', time: '09:00', event: 'Alert fired.' },
      { id: 'tl-2', time: '09:05', event: 'On-call paged.' },
      { id: 'tl-3', time: '09:10', event: 'Rolled back.' },
      { id: 'tl-4', time: '09:20', event: 'Recovered.' },
    ]);
  });

  it('keeps a single-day timeline as written: the date only on the row that has it', () => {
    const { document } = imported('## Timeline\n### 2018-01-18 4:19\nTraffic up.\n### 4:27\nScaled.');
    expect(document.timeline.map((row) => row.time)).toEqual(['2018-01-18 4:19', '4:27']);
  });

  it('continues a row on a wrapped line that is not indented', () => {
    const { document, unmapped } = imported(
      '## Timeline\n- 10:00 the deploy started and\nthen it failed\n- 10:05 rolled back',
    );
    expect(document.timeline.map((row) => row.event)).toEqual([
      'the deploy started and\nthen it failed',
      'rolled back',
    ]);
    expect(unmapped).toEqual([]);
  });

  it('reads a table whose time column names the zone', () => {
    const { document } = imported('## Timeline\n| Time (CET) | Event |\n|---|---|\n| 14:23 | deploy |');
    expect(document.header.timeZone).toBe('CET');
    expect(document.timeline[0]).toEqual({ id: 'tl-1', time: '14:23', event: 'deploy' });
  });
});

describe('zones and prose around timelines', () => {
  it('records a zone stated outside the timeline', () => {
    const { document, report } = imported(
      '## What Happened\n_All times are in Eastern Time (UTC-4)._\n## Timeline\n- 10:00 paged',
    );
    expect(document.header.timeZone).toBe('Eastern');
    expect(report.guessed).toContain('time zone Eastern from "_All times are in Eastern Time (UTC-4)._"');
  });

  it('reads a narrative timeline: "On <date>, …" paragraphs are rows, the paragraphs after them their detail', () => {
    const { document } = imported(
      '## Timeline and Response\n\nOn September 5th, a report came in.\n\nWe triaged it.\n\nOn September 15th, we notified owners.',
    );
    expect(document.timeline.map((row) => [row.time, row.event])).toEqual([
      ['September 5th', 'On September 5th, a report came in.\n\nWe triaged it.'],
      ['September 15th', 'On September 15th, we notified owners.'],
    ]);
  });

  it('keeps the prose of a summary whose timed list is read as the timeline', () => {
    const { document } = imported('## What happened\nA token leaked.\n\n- 10:00 reported\n- 10:05 revoked');
    expect(document.summary).toBe('A token leaked.');
    expect(document.timeline.map((row) => row.time)).toEqual(['10:00', '10:05']);
  });

  it('reads the body under an H1 that differs from the front matter title, keeping that H1 in Other notes', () => {
    const { document } = imported('---\ntitle: A\n---\n# B\n- **Impact**: users could not log in');
    expect(document.header.title).toBe('A');
    expect(document.otherNotes).toBe('# B');
    expect(document.impact.text).toBe('users could not log in');
  });
});

describe('timeline rows that name the event first', () => {
  it('reads "First detected: 2023-07-25 14:05" and "Resolved 2022-03-10 11.56" as rows', () => {
    const { document } = imported(
      '## Key events\n- First detected: 2023-07-25 14:05\n- Resolved 2022-03-10 11.56',
    );
    expect(document.timeline.map((row) => [row.time, row.event])).toEqual([
      ['2023-07-25 14:05', 'First detected'],
      ['2022-03-10 11.56', 'Resolved'],
    ]);
  });
});

describe('action items as teams write them', () => {
  it('takes the owner from "(owner: …)", "Owner:" or an @handle and the due date in common formats', () => {
    const { document } = imported(
      [
        '## Action items',
        '- Add an alert (owner: Ada Lovelace) (due 2025-04-01)',
        '- Fix DNS - Owner: grace@example.com',
        '- @bob to write the runbook, due: March 3, 2025',
        '- [ ] Rotate keys https://github.com/o/r/issues/12',
      ].join('\n'),
    );
    expect(document.actionItems.map((item) => [item.action, item.owner, item.dueDate])).toEqual([
      ['Add an alert', { text: 'Ada Lovelace' }, '2025-04-01'],
      ['Fix DNS', { text: 'grace@example.com' }, null],
      ['@bob to write the runbook', { text: '@bob' }, '2025-03-03'],
      ['Rotate keys https://github.com/o/r/issues/12', null, null],
    ]);
  });

  it('keeps nested bullets and wrapped lines with their item', () => {
    const { document } = imported(
      '## Action Items\n- Improve probes\n  - reach out to teams\nand write it down\n- Add alert',
    );
    expect(document.actionItems.map((item) => item.action)).toEqual([
      'Improve probes\n  - reach out to teams\nand write it down',
      'Add alert',
    ]);
  });

  it('reads action items grouped under sub-headings, reporting that the group names are not kept', () => {
    const { document, report } = imported(
      '## Action items\n### Process\n- write a runbook\n### Technical\n- add alert',
    );
    expect(document.actionItems.map((item) => item.action)).toEqual(['write a runbook', 'add alert']);
    expect(report.guessed).toContain('"Process" read as a group of action items; the group name is not kept');
  });
});

describe('a document written as one list of bold labels (MoJ Cloud Platform)', () => {
  it('maps each label to its section and reads timed items as the timeline', () => {
    const { document } = imported(
      [
        '# Incident on 2023-07-25 - Prometheus down',
        '',
        '- **Impact**: Prometheus is not available.',
        '',
        '- **Context**:',
        '  - 2023-07-25 14:05 - alert from Pingdom',
        '  - 2023-07-25 14:09: pod terminating',
        '',
        '- **Resolution**:',
        '  - Bigger nodes.',
        '',
        '- **Review actions**:',
        '  - Add a memory alert',
      ].join('\n'),
    );
    expect(document.impact.text).toBe('Prometheus is not available.');
    expect(document.timeline.map((row) => row.time)).toEqual(['2023-07-25 14:05', '2023-07-25 14:09']);
    expect(document.resolution).toBe('- Bigger nodes.');
    expect(document.actionItems.map((item) => item.action)).toEqual(['Add a memory alert']);
  });
});

describe('a labelled bullet list read through ADF', () => {
  it('reads the same on a second pass: nested bullets are written as the export writes them', () => {
    const markdown = '# Outage\n- **Resolution**:\n  * Rolled back.\n  +  Restarted the pods.';
    const first = parseAdf(markdownToAdf(markdown)).document;
    expect(first.resolution).toBe('- Rolled back.\n- Restarted the pods.');
    expect(parseAdf(renderAdf(first)).document).toEqual(first);
  });
});

describe('the new sections in the template', () => {
  it('are written in Markdown and ADF where present and read back the same', () => {
    const { document } = imported('## Summary\nShort.\n## Detection\nAn alert.\n## Resolution\nRolled back.');
    const markdown = renderMarkdown(document);
    expect(markdown).toContain('## Summary\nShort.');
    expect(markdown).toContain('## Detection\nAn alert.\n---\n## Resolution\nRolled back.');
    expect(importMarkdown(markdown).document).toEqual(document);
    expect(parseAdf(renderAdf(document)).document).toEqual(document);
  });

  it('are left out of a document that does not have them', () => {
    const markdown = renderMarkdown(imported('## Root Cause\nDisk.').document);
    expect(markdown).not.toMatch(/## (Summary|Detection|Resolution)/);
  });
});

describe('the import report', () => {
  it('says where each part went, what went to Other notes and why, and what was guessed', () => {
    const { report } = imported('# Outage\n## Weather\nSunny.\n## Timeline\n- 10:00 PST paged');
    expect(report.mapped).toEqual([
      { source: 'Outage', target: 'Title' },
      { source: 'Timeline', target: 'Timeline' },
    ]);
    expect(report.otherNotes).toEqual([
      { source: 'Weather', reason: 'heading not recognised as a template section' },
    ]);
    expect(report.guessed).toEqual(['time zone PST from the rows']);
  });

  it('warns about an empty file', () => {
    expect(imported('  \n').report.warnings).toEqual(['the file is empty: there is nothing to import']);
  });
});
