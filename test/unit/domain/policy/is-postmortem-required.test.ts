import { isPostmortemRequired, type IncidentFacts } from '../../../../src/domain/policy';

const quiet: IncidentFacts = {
  severity: 'SEV-3',
  userImpactMinutes: 5,
  sloViolated: false,
  dataLoss: false,
  securityIncidentWithProductionImpact: false,
  manualRollback: false,
};

describe('isPostmortemRequired (reference Step 1 trigger criteria)', () => {
  it('does not require a postmortem for a short SEV-3 without any trigger', () => {
    expect(isPostmortemRequired(quiet)).toEqual({ required: false, reasons: [] });
  });

  it('requires one for every SEV-1, whatever the impact duration', () => {
    const decision = isPostmortemRequired({ ...quiet, severity: 'SEV-1', userImpactMinutes: 0 });
    expect(decision.required).toBe(true);
    expect(decision.reasons).toEqual(['Every SEV-1 incident requires a postmortem.']);
  });

  it('requires one for SEV-2 user impact over 15 minutes, not at exactly 15', () => {
    expect(isPostmortemRequired({ ...quiet, severity: 'SEV-2', userImpactMinutes: 15 }).required).toBe(false);
    expect(isPostmortemRequired({ ...quiet, severity: 'sev2', userImpactMinutes: 16 })).toEqual({
      required: true,
      reasons: ['User impact lasted 16 minutes (more than 15) at SEV-2.'],
    });
  });

  it('does not count long impact at SEV-3 unless configured to', () => {
    const facts = { ...quiet, userImpactMinutes: 120 };
    expect(isPostmortemRequired(facts).required).toBe(false);
    expect(isPostmortemRequired(facts, { userImpactSeverities: ['SEV-1', 'SEV-2', 'SEV-3'] }).required).toBe(
      true,
    );
  });

  it('honours a configured impact threshold', () => {
    const facts = { ...quiet, severity: 'SEV-2', userImpactMinutes: 10 };
    expect(isPostmortemRequired(facts, { userImpactMinutesThreshold: 5 }).required).toBe(true);
  });

  it('requires one for an SLO violation, or an error budget burn above the threshold', () => {
    expect(isPostmortemRequired({ ...quiet, sloViolated: true }).reasons).toEqual(['An SLO was violated.']);
    expect(
      isPostmortemRequired({ ...quiet, errorBudgetBurnRate: 14.4, burnRateThreshold: 10 }).reasons,
    ).toEqual(['Error budget burn rate 14.4 exceeded the threshold of 10.']);
    expect(isPostmortemRequired({ ...quiet, errorBudgetBurnRate: 10, burnRateThreshold: 10 }).required).toBe(
      false,
    );
    expect(
      isPostmortemRequired({ ...quiet, errorBudgetBurnRate: 3 }, { burnRateThreshold: 2 }).required,
    ).toBe(true);
    expect(isPostmortemRequired({ ...quiet, errorBudgetBurnRate: 99 }).required).toBe(false);
  });

  it('requires one for data loss, a security incident with production impact, and a manual rollback', () => {
    expect(isPostmortemRequired({ ...quiet, dataLoss: true }).required).toBe(true);
    expect(isPostmortemRequired({ ...quiet, securityIncidentWithProductionImpact: true }).required).toBe(
      true,
    );
    expect(isPostmortemRequired({ ...quiet, manualRollback: true }).required).toBe(true);
  });

  it('lists every reason that applies', () => {
    const decision = isPostmortemRequired({
      severity: 'SEV-1',
      userImpactMinutes: 47,
      sloViolated: true,
      dataLoss: true,
      securityIncidentWithProductionImpact: true,
      manualRollback: true,
    });
    expect(decision.reasons).toHaveLength(6);
  });

  it('treats unknown severity and unknown impact as no trigger on their own', () => {
    expect(isPostmortemRequired({ ...quiet, severity: null, userImpactMinutes: null }).required).toBe(false);
  });
});
