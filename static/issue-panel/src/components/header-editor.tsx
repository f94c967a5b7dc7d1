import { DatePicker } from '@atlaskit/datetime-picker';
import { Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useState } from 'react';
import type { DocumentAction } from '../logic/document-reducer';
import { SEVERITY_OPTIONS, type Header, type Severity } from '../logic/panel-types';
import { LabeledField } from './labeled-field';
import { TextInput } from './text-input';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);
const parseList = (value: string): string[] =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

type OptionalTextField = 'startTime' | 'endTime' | 'timeZone' | 'writtenBy' | 'category';

const OPTIONAL_TEXT_FIELDS: Record<OptionalTextField, { id: string; label: string; placeholder?: string }> = {
  startTime: { id: 'header-start-time', label: 'Start time', placeholder: '14:23' },
  endTime: { id: 'header-end-time', label: 'End time', placeholder: '16:45' },
  timeZone: { id: 'header-time-zone', label: 'Time zone', placeholder: 'UTC' },
  writtenBy: { id: 'header-written-by', label: 'Written by' },
  category: {
    id: 'header-category',
    label: 'Category',
    placeholder: 'e.g. Deployment, Capacity, Dependency',
  },
};

/** The header table of the template; optional fields become null when emptied (the schema's rule). */
export function HeaderEditor({
  header,
  readOnly,
  dispatch,
}: {
  header: Header;
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  const set = (patch: Partial<Header>) => dispatch({ type: 'setHeader', patch });
  // Reviewers are edited as typed ("Ana, ") and stored as a list; the text follows outside changes.
  const [reviewers, setReviewers] = useState(header.reviewedBy.join(', '));
  const reviewersText =
    parseList(reviewers).join('|') === header.reviewedBy.join('|') ? reviewers : header.reviewedBy.join(', ');
  const optionalText = (field: OptionalTextField) => (
    <TextInput
      {...OPTIONAL_TEXT_FIELDS[field]}
      value={header[field]}
      readOnly={readOnly}
      onChange={(value) => set({ [field]: orNull(value) })}
    />
  );
  const severityOptions = SEVERITY_OPTIONS.map((severity) => ({ label: severity, value: severity }));

  return (
    <Stack space="space.150">
      <TextInput
        id="header-title"
        label="Title"
        value={header.title}
        readOnly={readOnly}
        onChange={(title) => set({ title })}
      />
      <TextInput
        id="header-incident-id"
        label="Incident ID"
        value={header.incidentId}
        readOnly
        onChange={() => undefined}
      />
      <LabeledField id="header-date" label="Date">
        <DatePicker
          id="header-date"
          label="Date"
          testId="header-date"
          value={header.date ?? ''}
          isDisabled={readOnly}
          dateFormat="YYYY-MM-DD"
          placeholder="YYYY-MM-DD"
          clearControlLabel="Clear date"
          onChange={(date) => set({ date: date === '' ? null : date })}
        />
      </LabeledField>
      <LabeledField id="header-severity" label="Severity">
        <Select<{ label: string; value: Severity }>
          inputId="header-severity"
          testId="header-severity"
          aria-label="Severity"
          options={severityOptions}
          isClearable
          isDisabled={readOnly}
          value={severityOptions.find((option) => option.value === header.severity) ?? null}
          onChange={(option) => set({ severity: option ? option.value : null })}
        />
      </LabeledField>
      {optionalText('startTime')}
      {optionalText('endTime')}
      {optionalText('timeZone')}
      <TextInput
        id="header-duration"
        label="Duration (minutes)"
        type="number"
        value={header.durationMinutes === null ? '' : String(header.durationMinutes)}
        readOnly={readOnly}
        onChange={(value) => {
          const minutes = Number.parseInt(value, 10);
          set({ durationMinutes: Number.isFinite(minutes) && minutes >= 0 ? minutes : null });
        }}
      />
      {optionalText('writtenBy')}
      <TextInput
        id="header-reviewed-by"
        label="Reviewed by"
        placeholder="Names, separated by commas"
        value={reviewersText}
        readOnly={readOnly}
        onChange={(value) => {
          setReviewers(value);
          set({ reviewedBy: parseList(value) });
        }}
      />
      {optionalText('category')}
    </Stack>
  );
}
