import { Stack } from '@atlaskit/primitives';
import type { DocumentAction } from '../logic/document-reducer';
import type { Impact } from '../logic/panel-types';
import { TextAreaInput } from './text-area-input';
import { TextInput } from './text-input';

const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

const FIELDS = [
  {
    key: 'usersAffected',
    id: 'impact-users-affected',
    label: 'Users affected',
    placeholder: 'e.g. 40% of checkout users',
  },
  {
    key: 'failedTransactions',
    id: 'impact-failed-transactions',
    label: 'Failed transactions',
    placeholder: 'e.g. 12,000',
  },
  { key: 'revenueImpact', id: 'impact-revenue', label: 'Revenue impact', placeholder: 'e.g. ~$25k' },
  {
    key: 'sloImpact',
    id: 'impact-slo',
    label: 'SLO impact',
    placeholder: 'e.g. 30% of monthly error budget',
  },
] as const;

/** The four measured impact fields of the template plus free text. */
export function ImpactEditor({
  impact,
  readOnly,
  dispatch,
}: {
  impact: Impact;
  readOnly: boolean;
  dispatch: (action: DocumentAction) => void;
}) {
  return (
    <Stack space="space.150">
      {FIELDS.map((field) => (
        <TextInput
          key={field.key}
          id={field.id}
          label={field.label}
          placeholder={field.placeholder}
          value={impact[field.key]}
          readOnly={readOnly}
          onChange={(value) => dispatch({ type: 'setImpact', patch: { [field.key]: orNull(value) } })}
        />
      ))}
      <TextAreaInput
        id="impact-text"
        label="Impact details"
        value={impact.text}
        readOnly={readOnly}
        onChange={(text) => dispatch({ type: 'setImpact', patch: { text } })}
      />
    </Stack>
  );
}
