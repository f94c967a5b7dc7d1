import { Checkbox, Heading } from '@forge/react';
import type { AppSettings } from '../../src/contract/admin-settings-api';
import { useSectionForm, type SectionForm, type SectionProps } from './settings-section';

type MaturityForm = AppSettings['maturityDeclarations'];

export const MATURITY_FORM: SectionForm<MaturityForm> = {
  toForm: (settings) => settings.maturityDeclarations,
  apply: (form, settings) => ({ ...settings, maturityDeclarations: { ...form } }),
  errorKeys: {
    crossTeamSharing: 'maturityDeclarations.crossTeamSharing',
    learningLoopInArchitectureReviews: 'maturityDeclarations.learningLoopInArchitectureReviews',
  },
};

/** The maturity criteria an admin declares because Jira's data cannot show them. */
export function MaturitySection(props: SectionProps) {
  const { form, update } = useSectionForm(props, MATURITY_FORM);
  return (
    <>
      <Heading size="medium">Maturity (what Jira cannot see)</Heading>
      <Checkbox
        name="crossTeamSharing"
        label="Postmortems are shared across teams"
        isChecked={form.crossTeamSharing}
        onChange={(event) => update({ crossTeamSharing: event.target.checked === true })}
      />
      <Checkbox
        name="learningLoopInArchitectureReviews"
        label="Architecture reviews use postmortem learnings"
        isChecked={form.learningLoopInArchitectureReviews}
        onChange={(event) => update({ learningLoopInArchitectureReviews: event.target.checked === true })}
      />
    </>
  );
}
