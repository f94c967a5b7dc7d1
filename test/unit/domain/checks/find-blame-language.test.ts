import { findBlameLanguage } from '../../../../src/domain/checks';

describe('findBlameLanguage', () => {
  it('reports the phrase, its offsets in the text, its sentence and a system-focused hint', () => {
    const text = 'Deploy started at 14:23. John forgot to run the migration. Alerts fired.';
    const [finding, ...rest] = findBlameLanguage(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ sentence: 'John forgot to run the migration.', phrase: 'forgot to' });
    expect(text.slice(finding?.start, finding?.end)).toBe(finding?.phrase);
    expect(finding?.hint).toMatch(/system|safeguard|checklist|automation/i);
  });

  it.each([
    "It was Bob's fault.",
    'The engineer was careless.',
    'She should have known better.',
    'Root cause: human error.',
    'The operator forgot to drain the node.',
    'Maria accidentally deleted the bucket.',
    'The outage was caused by Alex.',
    'The root cause was the on-call engineer.',
  ])('flags "%s"', (sentence) => {
    expect(findBlameLanguage(sentence)).not.toEqual([]);
  });

  it.each([
    'The job failed to start because the image was missing.',
    'The health check failed to detect the degraded node.',
    'Terraform accidentally replaced the load balancer.',
    'No one is to blame; the alert threshold was too high.',
    'The user error rate stayed below 0.1%.',
    'The engineers involved acted correctly within the system available to them.',
    'Path /home/sam/deploy.sh failed to run.',
  ])('does not flag the system description "%s"', (sentence) => {
    expect(findBlameLanguage(sentence)).toEqual([]);
  });

  it('only treats names as people when they are capitalised as names', () => {
    expect(findBlameLanguage('Sam ignored the alert.')).toHaveLength(1);
    expect(findBlameLanguage('i.e. sam ignored the alert.')).toEqual([]);
    expect(findBlameLanguage('the script at /opt/sam ignored the alert.')).toEqual([]);
  });

  it('finds each sentence separately across lines and reports offsets into the whole text', () => {
    const text = 'Line one is fine\nHe ignored the page\n\nThat was careless.';
    const findings = findBlameLanguage(text);
    expect(findings.map((f) => f.sentence)).toEqual(['He ignored the page', 'That was careless.']);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.phrase);
  });

  it('handles empty and very long text', () => {
    expect(findBlameLanguage('')).toEqual([]);
    const long = `${'the cache warmed up and '.repeat(200_000)}he ignored it.`;
    expect(findBlameLanguage(long)).toHaveLength(1);
  });
});
