import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { usePostmortemSearch } from '../hooks/use-postmortem-search';
import { EMPTY_SEARCH, searchPayload, searchRangeError, type SearchForm } from '../logic/search-payload';
import { SearchResults } from './search-results';

interface SeverityOption {
  label: string;
  value: string;
}

const SEVERITIES: SeverityOption[] = [
  { label: 'Any severity', value: '' },
  ...['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'].map((sev) => ({ label: sev, value: sev })),
];

const fieldStyles = xcss({ minWidth: '160px' });
/** Reference "Postmortem database searchable": FINAL postmortems by text, category, severity and date. */
export function PostmortemSearchPanel({ siteUrl }: { siteUrl: string }) {
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const { state, search } = usePostmortemSearch();
  const rangeError = searchRangeError(form);
  const set = (patch: Partial<SearchForm>) => setForm((previous) => ({ ...previous, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rangeError === null) search(searchPayload(form));
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
                dateFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
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
                dateFormat="YYYY-MM-DD"
                placeholder="YYYY-MM-DD"
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
      <SearchResults state={state} siteUrl={siteUrl} onRetry={() => search(searchPayload(form))} />
    </Stack>
  );
}
