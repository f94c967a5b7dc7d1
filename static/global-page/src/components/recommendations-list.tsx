import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';

type Recommendation = MonthlyTrendReport['recommendations'][number];

/** Reference "Recommendations"; the backend's text already says what each addresses ("(addresses top category)"). */
export function RecommendationsList({ recommendations }: { recommendations: Recommendation[] }) {
  if (recommendations.length === 0)
    return <p data-testid="recommendations-empty">No recommendations: every metric is on target.</p>;
  return (
    <ul aria-label="Recommendations" data-testid="recommendations" style={{ margin: 0 }}>
      {recommendations.map((rec) => (
        <li key={rec.text}>{rec.text}</li>
      ))}
    </ul>
  );
}
