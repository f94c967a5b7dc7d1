import { incidentDurationMinutes, incidentFacts } from '../../../../src/domain/policy/incident-facts';
import { isPostmortemRequired } from '../../../../src/domain/policy';

const base = {
  severity: 'SEV-2',
  labels: [] as string[],
  created: new Date('2025-03-15T14:23:00Z'),
  resolved: new Date('2025-03-15T15:10:00Z'),
  sloImpact: null,
};

describe('incidentFacts', () => {
  it('measures user impact from creation to resolution', () => {
    expect(incidentFacts(base).userImpactMinutes).toBe(47);
  });

  it('has no impact duration while the incident is unresolved', () => {
    expect(incidentFacts({ ...base, resolved: null }).userImpactMinutes).toBeNull();
  });

  it('reads the other trigger criteria from labels and the SLO impact line', () => {
    const facts = incidentFacts({
      ...base,
      labels: ['Data-Loss', 'security', 'manual-rollback'],
      sloImpact: 'Availability SLO violated, 2.3% of monthly error budget consumed',
    });
    expect(facts).toMatchObject({
      sloViolated: true,
      dataLoss: true,
      securityIncidentWithProductionImpact: true,
      manualRollback: true,
    });
  });

  it('makes the reference outage (SEV-2 for 47 minutes) require a postmortem', () => {
    expect(isPostmortemRequired(incidentFacts(base)).required).toBe(true);
  });

  it('does not require one for a short SEV-3 without other criteria', () => {
    const facts = incidentFacts({ ...base, severity: 'SEV-3', resolved: new Date('2025-03-15T14:30:00Z') });
    expect(isPostmortemRequired(facts)).toEqual({ required: false, reasons: [] });
  });
});

describe('incidentDurationMinutes', () => {
  it.each([
    ['2025-03-15T14:23:00Z', '2025-03-15T15:10:00Z', 47],
    ['2025-03-15T14:23:00Z', '2025-03-15T14:23:29Z', 0],
    ['2025-03-15T14:23:00Z', null, null],
    [undefined, '2025-03-15T15:10:00Z', null],
    ['2025-03-15T15:10:00Z', '2025-03-15T14:23:00Z', null],
    ['not a date', '2025-03-15T15:10:00Z', null],
  ])('%s → %s is %s minutes', (created, resolved, minutes) => {
    expect(incidentDurationMinutes(created, resolved)).toBe(minutes);
  });

  it('reads Date and ISO text alike', () => {
    expect(incidentDurationMinutes(base.created, base.resolved)).toBe(
      incidentDurationMinutes(base.created.toISOString(), base.resolved.toISOString()),
    );
  });
});
