import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { SearchState } from '../hooks/use-postmortem-search';
import { jqlSearchUrl } from '../logic/jql-search-url';
import { ErrorMessage } from './error-message';

const cell = {
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

interface SearchResultsProps {
  state: SearchState;
  siteUrl: string;
  onRetry: () => void;
}

/** The search outcome: hint, spinner, error, empty state or the results table, always with the JQL. */
export function SearchResults({ state, siteUrl, onRetry }: SearchResultsProps) {
  if (state.kind === 'idle')
    return (
      <p style={{ color: token('color.text.subtle') }}>
        Search the FINAL postmortems by text, category, severity or date.
      </p>
    );
  if (state.kind === 'loading') return <Spinner label="Searching postmortems" />;
  if (state.kind === 'error')
    return <ErrorMessage error={state.error} onRetry={onRetry} context="search" testId="pm-search-error" />;
  const { jql, hits } = state.data;
  const jqlLink = (
    <p data-testid="pm-search-jql">
      JQL: <code>{jql}</code>{' '}
      <a href={jqlSearchUrl(jql, siteUrl)} target="_top">
        Open in issue search
      </a>
    </p>
  );
  if (hits.length === 0)
    return (
      <Stack space="space.100">
        <EmptyState
          header="No postmortems found"
          description="Try fewer words, another category or a wider date range. Only FINAL postmortems are indexed."
          headingLevel={3}
          testId="pm-search-empty"
        />
        {jqlLink}
      </Stack>
    );
  return (
    <Stack space="space.100">
      <span role="status">
        {hits.length} postmortem{hits.length === 1 ? '' : 's'} found
      </span>
      <table aria-label="Postmortem search results" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['Incident', 'Summary', 'Severity', 'Category', 'Finalized', 'Root cause'].map((name) => (
              <th scope="col" key={name} style={cell}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.key} data-testid={`pm-hit-${hit.key}`}>
              <td style={cell}>
                <a href={hit.url} target="_top">
                  {hit.key}
                </a>
              </td>
              <td style={cell}>{hit.summary}</td>
              <td style={cell}>{hit.severity ? <Lozenge>{hit.severity}</Lozenge> : '–'}</td>
              <td style={cell}>{hit.category ?? '–'}</td>
              <td style={cell}>{hit.finalizedAt ? hit.finalizedAt.slice(0, 10) : '–'}</td>
              <td style={cell}>{hit.rootCause || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {jqlLink}
    </Stack>
  );
}
