import { Checkbox, Heading, Text } from '@forge/react';
import type { AppSettings } from '../../src/contract/admin-settings-api';
import { useSectionForm, type SectionForm, type SectionProps } from './settings-section';

type Minor = AppSettings['shortTemplateSeverities'][number];
type TemplatesForm = Record<Minor, boolean>;

const MINOR_SEVERITIES: readonly Minor[] = ['SEV-3', 'SEV-4'];

export const TEMPLATES_FORM: SectionForm<TemplatesForm> = {
  toForm: (settings) => ({
    'SEV-3': settings.shortTemplateSeverities.includes('SEV-3'),
    'SEV-4': settings.shortTemplateSeverities.includes('SEV-4'),
  }),
  apply: (form, settings) => ({
    ...settings,
    shortTemplateSeverities: MINOR_SEVERITIES.filter((severity) => form[severity]),
  }),
  errorKeys: { 'SEV-3': 'shortTemplateSeverities', 'SEV-4': 'shortTemplateSeverities' },
};

/** Issue 15 "Templates sized to severity": which minor severities are written with the short template. */
export function TemplatesSection(props: SectionProps) {
  const { form, update } = useSectionForm(props, TEMPLATES_FORM);
  return (
    <>
      <Heading size="medium">Templates</Heading>
      <Text>
        SEV-1 and SEV-2 always use the full template. Ticked severities use the short one: summary, impact,
        what happened and action items. Deadlines still follow the trigger criteria.
      </Text>
      {MINOR_SEVERITIES.map((severity) => (
        <Checkbox
          key={severity}
          name={`shortTemplate-${severity}`}
          label={`Short template for ${severity}`}
          isChecked={form[severity]}
          onChange={(event) => update({ [severity]: event.target.checked === true })}
        />
      ))}
    </>
  );
}
