import Lozenge from '@atlaskit/lozenge';
import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';

type Recommendation = MonthlyTrendReport['recommendations'][number];

const addressesText = (rec: Recommendation): string =>
  rec.addresses.kind === 'category'
    ? rec.addresses.rank === 1
      ? 'top category'
      : `category ${rec.addresses.rank}`
    : rec.addresses.metric;

/** Reference "Recommendations": each with what it addresses, as the reference's "(addresses top category)". */
export function RecommendationsList({ recommendations }: { recommendations: Recommendation[] }) {
  if (recommendations.length === 0)
    return <p data-testid="recommendations-empty">No recommendations: every metric is on target.</p>;
  return (
    <ul aria-label="Recommendations" data-testid="recommendations" style={{ margin: 0 }}>
      {recommendations.map((rec) => (
        <li key={rec.text}>
          {rec.text} <Lozenge appearance="new">addresses {addressesText(rec)}</Lozenge>
        </li>
      ))}
    </ul>
  );
}
