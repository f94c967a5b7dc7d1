import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { usePostmortemSearch } from '../hooks/use-postmortem-search';
import { jqlSearchUrl } from '../logic/jql-search-url';
import { EMPTY_SEARCH, searchPayload, searchRangeError, type SearchForm } from '../logic/search-payload';
import { ErrorMessage } from './error-message';

interface SeverityOption {
  label: string;
  value: string;
}

const SEVERITIES: SeverityOption[] = [
  { label: 'Any severity', value: '' },
  ...['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'].map((sev) => ({ label: sev, value: sev })),
];

const fieldStyles = xcss({ minWidth: '160px' });
const cell = {
  padding: `${token('space.075')} ${token('space.100')}`,
  borderBottom: `${token('border.width')} solid ${token('color.border')}`,
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

/** Reference "Postmortem database searchable": FINAL postmortems by text, category, severity and date. */
export function PostmortemSearchPanel({ siteUrl }: { siteUrl: string }) {
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const { state, search } = usePostmortemSearch();
  const rangeError = searchRangeError(form);
  const set = (patch: Partial<SearchForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rangeError === null) void search(searchPayload(form));
  };

  return (
    <Stack space="space.200">
      <form onSubmit={submit} role="search" aria-label="Postmortem database">
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <Stack space="space.050">
            <label htmlFor="pm-search-text">Search postmortems</label>
            <Box xcss={fieldStyles}>
              <Textfield
                id="pm-search-text"
                value={form.text}
                placeholder="connection pool, timeout…"
                onChange={(event) => set({ text: event.currentTarget.value })}
                testId="pm-search-text"
              />
            </Box>
          </Stack>
          <Stack space="space.050">
            <label htmlFor="pm-search-category">Category</label>
            <Box xcss={fieldStyles}>
              <Textfield
                id="pm-search-category"
                value={form.category}
                placeholder="Database"
                onChange={(event) => set({ category: event.currentTarget.value })}
                testId="pm-search-category"
              />
            </Box>
          </Stack>
          <Stack space="space.050">
            <label htmlFor="pm-search-severity">Severity</label>
            <Box xcss={fieldStyles}>
              <Select<SeverityOption>
                inputId="pm-search-severity"
                options={SEVERITIES}
                value={SEVERITIES.find((option) => option.value === form.severity) ?? SEVERITIES[0]}
                onChange={(option) => set({ severity: option?.value ?? '' })}
                isSearchable={false}
                testId="pm-search-severity"
              />
            </Box>
          </Stack>
          <Stack space="space.050">
            <label htmlFor="pm-search-from">Finalized from</label>
            <Box xcss={fieldStyles}>
              <DatePicker
                id="pm-search-from"
                value={form.from}
                onChange={(value) => set({ from: value })}
                clearControlLabel="Clear finalized from"
                testId="pm-search-from"
              />
            </Box>
          </Stack>
          <Stack space="space.050">
            <label htmlFor="pm-search-to">Finalized to</label>
            <Box xcss={fieldStyles}>
              <DatePicker
                id="pm-search-to"
                value={form.to}
                onChange={(value) => set({ to: value })}
                isInvalid={rangeError !== null}
                clearControlLabel="Clear finalized to"
                testId="pm-search-to"
              />
            </Box>
          </Stack>
          <Button type="submit" appearance="primary" isDisabled={rangeError !== null}>
            Search
          </Button>
        </Inline>
        {rangeError ? (
          <p role="alert" style={{ color: token('color.text.danger') }}>
            {rangeError}
          </p>
        ) : null}
      </form>
      <SearchResults state={state} siteUrl={siteUrl} onRetry={() => void search(searchPayload(form))} />
    </Stack>
  );
}

interface SearchResultsProps {
  state: ReturnType<typeof usePostmortemSearch>['state'];
  siteUrl: string;
  onRetry: () => void;
}

function SearchResults({ state, siteUrl, onRetry }: SearchResultsProps) {
  if (state.kind === 'idle')
    return (
      <p style={{ color: token('color.text.subtle') }}>
        Search the FINAL postmortems by text, category, severity or date.
      </p>
    );
  if (state.kind === 'searching') return <Spinner label="Searching postmortems" />;
  if (state.kind === 'error')
    return <ErrorMessage error={state.error} onRetry={onRetry} testId="pm-search-error" />;
  const jqlLink = (
    <p data-testid="pm-search-jql">
      JQL: <code>{state.jql}</code>{' '}
      <a href={jqlSearchUrl(state.jql, siteUrl)} target="_top">
        Open in issue search
      </a>
    </p>
  );
  if (state.hits.length === 0)
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
        {state.hits.length} postmortem{state.hits.length === 1 ? '' : 's'} found
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
          {state.hits.map((hit) => (
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
