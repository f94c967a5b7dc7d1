import type { MonthlyTrendReport } from '../../../../src/contract/global-page-api';

/** Reference "Top Incident Categories": numbered, with counts. */
export function TopCategories({ categories }: { categories: MonthlyTrendReport['topCategories'] }) {
  if (categories.length === 0) return <p data-testid="top-categories-empty">No incidents this month.</p>;
  return (
    <ol aria-label="Top incident categories" data-testid="top-categories" style={{ margin: 0 }}>
      {categories.map((top) => (
        <li key={top.category} data-testid={`top-category-${top.rank}`}>
          <strong>{top.category}</strong> – {top.count} incident{top.count === 1 ? '' : 's'}
        </li>
      ))}
    </ol>
  );
}
