import { maturityLevel, type MaturityEvidence, type ProcessMetric } from '../../../../src/domain/metrics';

// Values are written by hand next to each ratio; the maturity rules read them, never compute them.
function metric(
  id: ProcessMetric['id'],
  numerator: number,
  denominator: number,
  met: boolean | null,
  value: number | null = null,
): ProcessMetric {
  return { id, value, unit: '%', target: 0, comparator: '>=', met, numerator, denominator };
}

const LEVEL_5: MaturityEvidence = {
  finalizedPostmortems: 12,
  postmortemCompletionRate: metric('postmortemCompletionRate', 12, 12, true),
  actionItemsInJira: 40,
  actionItemCompletionByDueDate: metric('actionItemCompletionByDueDate', 34, 40, true, 85),
  repeatIncidentRate: metric('repeatIncidentRate', 2, 20, true),
  trendAnalysisInUse: true,
  postmortemsShared: true,
  postmortemDatabaseSearchable: true,
  learningLoopInArchitectureReviews: true,
};

describe('maturityLevel', () => {
  it('is level 5 when every criterion is met, with the evidence', () => {
    const result = maturityLevel(LEVEL_5);
    expect(result.level).toBe(5);
    const level4 = result.levels.find((l) => l.level === 4);
    expect(level4?.criteria.find((c) => c.id === 'action-item-completion-above-80')?.evidence).toBe(
      '34/40 (85%)',
    );
    expect(result.levels.every((l) => l.met)).toBe(true);
  });

  it('is level 1 without any postmortem', () => {
    const result = maturityLevel({ ...LEVEL_5, finalizedPostmortems: 0 });
    expect(result.level).toBe(1);
    expect(result.levels.map((l) => l.met)).toEqual([true, false, true, true, true]);
  });

  it('stops at level 2 when a qualifying incident lacks a postmortem, even if higher criteria hold', () => {
    const result = maturityLevel({
      ...LEVEL_5,
      postmortemCompletionRate: metric('postmortemCompletionRate', 11, 12, false),
    });
    expect(result.level).toBe(2);
  });

  it('does not award level 3 on silence (no qualifying incidents)', () => {
    const result = maturityLevel({
      ...LEVEL_5,
      postmortemCompletionRate: metric('postmortemCompletionRate', 0, 0, null),
    });
    expect(result.level).toBe(2);
  });

  it('needs strictly more than 80 % for level 4', () => {
    const result = maturityLevel({
      ...LEVEL_5,
      actionItemCompletionByDueDate: metric('actionItemCompletionByDueDate', 8, 10, true),
    });
    expect(result.level).toBe(3);
    const criterion = result.levels[3]?.criteria.find((c) => c.id === 'action-item-completion-above-80');
    expect(criterion?.met).toBe(false);
  });

  it('is level 4 when the learning loop is not declared', () => {
    const result = maturityLevel({ ...LEVEL_5, learningLoopInArchitectureReviews: false });
    expect(result.level).toBe(4);
    expect(result.levels[4]?.criteria.find((c) => c.id === 'learning-loop')).toMatchObject({
      met: false,
      source: 'declared',
    });
  });

  it('is level 4 when repeats reach 20 %', () => {
    const result = maturityLevel({
      ...LEVEL_5,
      repeatIncidentRate: metric('repeatIncidentRate', 4, 20, false),
    });
    expect(result.level).toBe(4);
  });
});
