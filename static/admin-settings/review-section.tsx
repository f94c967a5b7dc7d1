import { Heading } from '@forge/react';
import type { AppSettings } from '../../src/contract/admin-settings-api';
import { RadioSetting } from './setting-fields';
import { useSectionForm, type SectionForm, type SectionProps } from './settings-section';

type ApprovalsRequired = AppSettings['approvalsRequired'];

interface ReviewForm {
  approvalsRequired: ApprovalsRequired;
}

export const REVIEW_FORM: SectionForm<ReviewForm> = {
  toForm: (settings) => ({ approvalsRequired: settings.approvalsRequired }),
  apply: (form, settings) => ({ ...settings, approvalsRequired: form.approvalsRequired }),
  errorKeys: { approvalsRequired: 'approvalsRequired' },
};

const APPROVAL_OPTIONS: Array<{ value: ApprovalsRequired; label: string }> = [
  { value: 'none', label: 'None: Finalize does not wait for reviewers' },
  { value: 'one', label: 'One named reviewer' },
  { value: 'all', label: 'Every named reviewer' },
];

/** Issue 15: how many current approvals Finalize needs (an approval given before an edit does not count). */
export function ReviewSettingsSection(props: SectionProps) {
  const { form, update, errorFor } = useSectionForm(props, REVIEW_FORM);
  return (
    <>
      <Heading size="medium">Review</Heading>
      <RadioSetting
        name="approvalsRequired"
        label="Approvals Finalize needs"
        help="Approvals given before the last edit are stale and do not count. A label added in Jira without them is reported in Slack and in the panel."
        options={APPROVAL_OPTIONS}
        value={form.approvalsRequired}
        error={errorFor('approvalsRequired')}
        onChange={(approvalsRequired) => update({ approvalsRequired })}
      />
    </>
  );
}
