import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import { Inline, Stack, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { usePostmortemSearch } from '../hooks/use-postmortem-search';
import { EMPTY_SEARCH, searchPayload, searchRangeError, type SearchForm } from '../logic/search-payload';
import { FilterField, TextFilter } from './filter-field';
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

  // Only the end of the range is marked: the range error says the end comes before the start.
  const dateFilter = (end: 'from' | 'to', label: string) => (
    <FilterField id={`pm-search-${end}`} label={label} styles={fieldStyles}>
      <DatePicker
        id={`pm-search-${end}`}
        value={form[end]}
        onChange={(value) => set({ [end]: value })}
        {...(end === 'to' ? { isInvalid: rangeError !== null } : {})}
        clearControlLabel={`Clear ${label.toLowerCase()}`}
        dateFormat="YYYY-MM-DD"
        placeholder="YYYY-MM-DD"
        testId={`pm-search-${end}`}
      />
    </FilterField>
  );

  return (
    <Stack space="space.200">
      <form onSubmit={submit} role="search" aria-label="Postmortem database">
        <Inline space="space.150" alignBlock="end" shouldWrap>
          <TextFilter
            id="pm-search-text"
            label="Search postmortems"
            styles={fieldStyles}
            value={form.text}
            placeholder="connection pool, timeout…"
            onChange={(text) => set({ text })}
          />
          <TextFilter
            id="pm-search-category"
            label="Category"
            styles={fieldStyles}
            value={form.category}
            placeholder="Database"
            onChange={(category) => set({ category })}
          />
          <FilterField id="pm-search-severity" label="Severity" styles={fieldStyles}>
            <Select<SeverityOption>
              inputId="pm-search-severity"
              options={SEVERITIES}
              value={SEVERITIES.find((option) => option.value === form.severity) ?? SEVERITIES[0]}
              onChange={(option) => set({ severity: option?.value ?? '' })}
              isSearchable={false}
              testId="pm-search-severity"
            />
          </FilterField>
          {dateFilter('from', 'Finalized from')}
          {dateFilter('to', 'Finalized to')}
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
