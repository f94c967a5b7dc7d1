import type { ProcessMetric } from './process-metrics';

export type MaturityLevelNumber = 1 | 2 | 3 | 4 | 5;

/**
 * What the maturity table is judged on. Measured values come from Jira (use the process metrics of
 * the evaluation period); `declared` holds criteria Jira data cannot show, answered by an admin.
 */
export interface MaturityEvidence {
  /** SEV-1/SEV-2 incidents in the period, and how many of them have a postmortem in any status. */
  majorIncidents: number;
  majorIncidentsWithPostmortem: number;
  postmortemCompletionRate: ProcessMetric;
  /** Action-item issues (label `postmortem-action`) linked to the period's incidents. */
  actionItemsInJira: number;
  actionItemCompletionByDueDate: ProcessMetric;
  repeatIncidentRate: ProcessMetric;
  /** FINAL postmortems carrying the indexed `postmortem-summary` property, i.e. findable with JQL. */
  indexedFinalPostmortems: number;
  declared: {
    monthlyTrendAnalysis: boolean;
    crossTeamSharing: boolean;
    learningLoopInArchitectureReviews: boolean;
  };
}

export interface MaturityCriterion {
  /** The characteristic as the reference's table words it. */
  characteristic: string;
  met: boolean;
  source: 'measured' | 'declared' | 'baseline';
  evidence: string;
}

export interface MaturityLevelRow {
  level: MaturityLevelNumber;
  met: boolean;
  criteria: MaturityCriterion[];
}

export interface MaturityAssessment {
  level: MaturityLevelNumber;
  levels: MaturityLevelRow[];
}

const ratio = (m: ProcessMetric): string =>
  m.denominator === 0 ? 'no data in the period' : `${m.numerator}/${m.denominator} (${m.value}%)`;

const declared = (characteristic: string, met: boolean): MaturityCriterion => ({
  characteristic,
  met,
  source: 'declared',
  evidence: met ? 'declared by an admin' : 'not declared (Jira data cannot show this)',
});

// Reference "Maturity Levels": a level is reached when its criteria and those of every level below it are met.
export function maturityLevel(evidence: MaturityEvidence): MaturityAssessment {
  const e = evidence;
  const completion = e.postmortemCompletionRate;
  const items = e.actionItemCompletionByDueDate;
  const repeats = e.repeatIncidentRate;
  const rows: Array<{ level: MaturityLevelNumber; criteria: MaturityCriterion[] }> = [
    {
      level: 1,
      criteria: [
        {
          characteristic: 'No postmortems. Incidents resolved and forgotten.',
          met: true,
          source: 'baseline',
          evidence: 'every organisation starts here',
        },
      ],
    },
    {
      level: 2,
      criteria: [
        {
          // Proxy: any postmortem (even a draft) on a SEV-1/SEV-2 incident shows major outages get reviewed.
          characteristic: 'Informal incident reviews for major outages',
          met: e.majorIncidentsWithPostmortem > 0,
          source: 'measured',
          evidence: `${e.majorIncidentsWithPostmortem} of ${e.majorIncidents} SEV-1/SEV-2 incidents have a postmortem`,
        },
      ],
    },
    {
      level: 3,
      criteria: [
        {
          // Proxy: FINAL postmortems are written in the app's blameless template, so "structured" = FINAL.
          characteristic: 'Structured blameless postmortems for all qualifying incidents',
          met: completion.met === true,
          source: 'measured',
          evidence: `postmortem completion rate ${ratio(completion)}; target 100%`,
        },
        {
          characteristic: 'Action items in Jira/GitHub',
          met: e.actionItemsInJira > 0,
          source: 'measured',
          evidence: `${e.actionItemsInJira} action-item issues in Jira`,
        },
      ],
    },
    {
      level: 4,
      criteria: [
        declared('Monthly trend analysis', e.declared.monthlyTrendAnalysis),
        {
          // The table says "> 80%" (stricter than the Metrics section's ≥ 80 %); the table decides the level.
          characteristic: 'Action item completion rate > 80%',
          met: items.denominator > 0 && items.numerator * 100 > 80 * items.denominator,
          source: 'measured',
          evidence: `${ratio(items)} done by their due date`,
        },
        declared('Cross-team sharing', e.declared.crossTeamSharing),
      ],
    },
    {
      level: 5,
      criteria: [
        {
          characteristic: 'Repeat incident rate < 20%',
          met: repeats.met === true,
          source: 'measured',
          evidence: `${ratio(repeats)} incidents repeat a category from the previous 6 months`,
        },
        {
          // Proxy: the summary property is what makes a postmortem findable with JQL.
          characteristic: 'Postmortem database searchable',
          met: e.indexedFinalPostmortems > 0,
          source: 'measured',
          evidence: `${e.indexedFinalPostmortems} FINAL postmortems indexed for JQL search`,
        },
        declared('Learning loop in architecture reviews', e.declared.learningLoopInArchitectureReviews),
      ],
    },
  ];
  let level: MaturityLevelNumber = 1;
  let reachable = true;
  const levels = rows.map((row) => {
    const met = row.criteria.every((criterion) => criterion.met);
    reachable = reachable && met;
    if (reachable) level = row.level;
    return { level: row.level, met, criteria: row.criteria };
  });
  return { level, levels };
}
