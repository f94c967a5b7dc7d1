import { Heading } from '@forge/react';
import { TextSettings } from './setting-fields';
import {
  listFromText,
  useSectionForm,
  type SectionForm,
  type SectionProps,
  type TextFieldSpec,
} from './settings-section';

interface DeadlinesForm {
  timeZone: string;
  holidays: string;
  userImpactMinutesThreshold: string;
}

export const DEADLINES_FORM: SectionForm<DeadlinesForm> = {
  toForm: (settings) => ({
    timeZone: settings.timeZone,
    holidays: settings.holidays.join('\n'),
    userImpactMinutesThreshold: String(settings.userImpactMinutesThreshold),
  }),
  apply: (form, settings) => {
    const threshold = form.userImpactMinutesThreshold.trim() ? Number(form.userImpactMinutesThreshold) : NaN;
    return {
      ...settings,
      timeZone: form.timeZone.trim(),
      holidays: listFromText(form.holidays),
      userImpactMinutesThreshold: Number.isFinite(threshold)
        ? threshold
        : settings.userImpactMinutesThreshold,
    };
  },
  errorKeys: {
    timeZone: 'timeZone',
    holidays: 'holidays',
    userImpactMinutesThreshold: 'userImpactMinutesThreshold',
  },
};

const FIELDS: Array<TextFieldSpec<DeadlinesForm>> = [
  {
    name: 'timeZone',
    label: 'Time zone',
    help: 'IANA name such as Europe/Berlin: month buckets, business days and the Slack schedule use it.',
  },
  {
    name: 'holidays',
    label: 'Holidays',
    help: 'One date per line (YYYY-MM-DD): not business days for deadlines or the monthly report.',
    multiline: true,
  },
  {
    name: 'userImpactMinutesThreshold',
    label: 'User impact threshold (minutes)',
    help: 'SEV-1/SEV-2 incidents with longer user impact require a postmortem.',
  },
];

/** The calendar deadlines are counted in, and when a postmortem is required. */
export function DeadlinesSection(props: SectionProps) {
  const { textInput } = useSectionForm(props, DEADLINES_FORM);
  return (
    <>
      <Heading size="medium">Deadlines and triggers</Heading>
      <TextSettings fields={FIELDS} input={textInput} />
    </>
  );
}
