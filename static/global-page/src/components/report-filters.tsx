import Button from '@atlaskit/button/new';
import { Inline, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useMemo, useState, type FormEvent } from 'react';
import { monthLabel } from '../../../../src/contract/month-label';
import { monthOptions } from '../logic/month-options';
import { parseProjectKeys, type PageParams } from '../logic/read-page-params';
import { FilterField, TextFilter } from './filter-field';

interface ReportFiltersProps {
  params: PageParams;
  onChange: (next: Partial<PageParams>) => void;
}

interface MonthOption {
  label: string;
  value: string;
}

const monthSelectStyles = xcss({ minWidth: '200px' });
const projectFieldStyles = xcss({ minWidth: '220px' });

/** Month and project filter; both end up in the page URL via the caller. */
export function ReportFilters({ params, onChange }: ReportFiltersProps) {
  const options = useMemo<MonthOption[]>(
    () => monthOptions(new Date()).map((month) => ({ value: month, label: monthLabel(month) })),
    [],
  );
  const selected = options.find((option) => option.value === params.month) ?? {
    value: params.month,
    label: monthLabel(params.month),
  };
  // Typed text is applied on submit, not per keystroke: each change is a (possibly slow) report load.
  const [projectsText, setProjectsText] = useState(params.projectKeys.join(', '));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const keys = parseProjectKeys(projectsText);
    setProjectsText(keys.join(', '));
    onChange({ projectKeys: keys });
  };

  return (
    <Inline space="space.200" alignBlock="end" shouldWrap>
      <FilterField id="report-month" label="Month" styles={monthSelectStyles}>
        <Select<MonthOption>
          inputId="report-month"
          options={options}
          value={selected}
          onChange={(option) => option && onChange({ month: option.value })}
          isSearchable={false}
          testId="report-month"
        />
      </FilterField>
      <form onSubmit={apply} aria-label="Project filter">
        <Inline space="space.100" alignBlock="end">
          <TextFilter
            id="report-projects"
            label="Projects (comma-separated keys, empty = all)"
            styles={projectFieldStyles}
            value={projectsText}
            placeholder="INC, OPS"
            onChange={setProjectsText}
          />
          <Button type="submit">Apply</Button>
        </Inline>
      </form>
    </Inline>
  );
}
