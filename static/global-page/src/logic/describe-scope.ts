import type { TrendsView } from '../../../../src/contract/global-page-api';

/**
 * Whose figures the page shows. The app computes them per project, as itself, and each viewer sees
 * the projects they can browse; issues with a security level are left out for everyone (README,
 * "Global page": who sees which figures).
 */
export function describeScope(trends: Pick<TrendsView, 'projectKeys' | 'projectsShown'>): {
  projects: string;
  security: string;
} {
  const shown = trends.projectsShown;
  const projects =
    shown.length === 0
      ? 'You cannot browse any project in Jira, so there are no figures to show.'
      : trends.projectKeys.length > 0
        ? `Figures for ${shown.join(', ')}.`
        : `Figures for the projects you can browse: ${shown.join(', ')}.`;
  return {
    projects,
    security:
      'Incidents and action items with an issue security level are not counted, so that figures shared with everyone who can browse a project never reveal them.',
  };
}
