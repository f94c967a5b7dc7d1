import { Heading } from '@forge/react';
import { TextSettings } from './setting-fields';
import { useSectionForm, type SectionForm, type SectionProps, type TextFieldSpec } from './settings-section';

interface FollowThroughForm {
  escalateOverdueAfterDays: string;
}

export const FOLLOW_THROUGH_FORM: SectionForm<FollowThroughForm> = {
  toForm: (settings) => ({
    escalateOverdueAfterDays:
      settings.escalateOverdueAfterDays === null ? '' : String(settings.escalateOverdueAfterDays),
  }),
  apply: (form, settings) => {
    const text = form.escalateOverdueAfterDays.trim();
    if (text === '') return { ...settings, escalateOverdueAfterDays: null };
    // Not a number: the saved value stays (as the other number fields do); the server checks the range.
    const days = Number(text);
    return {
      ...settings,
      escalateOverdueAfterDays: Number.isFinite(days) ? days : settings.escalateOverdueAfterDays,
    };
  },
  errorKeys: { escalateOverdueAfterDays: 'escalateOverdueAfterDays' },
};

const FIELDS: Array<TextFieldSpec<FollowThroughForm>> = [
  {
    name: 'escalateOverdueAfterDays',
    label: 'Escalate overdue action items after (days)',
    help:
      'Days past its due date after which the app comments once on an open action item, mentioning its ' +
      'assignee and the postmortem author. Leave empty to never escalate.',
  },
];

/** Issue 17: when an overdue action item is escalated on its own issue. */
export function FollowThroughSection(props: SectionProps) {
  const { textInput } = useSectionForm(props, FOLLOW_THROUGH_FORM);
  return (
    <>
      <Heading size="medium">Action item follow-through</Heading>
      <TextSettings fields={FIELDS} input={textInput} />
    </>
  );
}
