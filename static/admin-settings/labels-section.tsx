import { Heading } from '@forge/react';
import { TextSettings } from './setting-fields';
import { useSectionForm, type SectionForm, type SectionProps, type TextFieldSpec } from './settings-section';

interface LabelsForm {
  finalizationLabel: string;
  actionItemLabel: string;
  actionItemFallbackIssueType: string;
}

export const LABELS_FORM: SectionForm<LabelsForm> = {
  toForm: (settings) => ({
    finalizationLabel: settings.finalizationLabel,
    actionItemLabel: settings.actionItemLabel,
    actionItemFallbackIssueType: settings.actionItemFallbackIssueType,
  }),
  apply: (form, settings) => ({
    ...settings,
    finalizationLabel: form.finalizationLabel.trim(),
    actionItemLabel: form.actionItemLabel.trim(),
    actionItemFallbackIssueType: form.actionItemFallbackIssueType.trim(),
  }),
  errorKeys: {
    finalizationLabel: 'finalizationLabel',
    actionItemLabel: 'actionItemLabel',
    actionItemFallbackIssueType: 'actionItemFallbackIssueType',
  },
};

const FIELDS: Array<TextFieldSpec<LabelsForm>> = [
  {
    name: 'finalizationLabel',
    label: 'Finalization label',
    help: 'Adding this label publishes the postmortem and creates its action items.',
  },
  {
    name: 'actionItemLabel',
    label: 'Action item label',
    help: 'Put on every action-item issue the app creates.',
  },
  {
    name: 'actionItemFallbackIssueType',
    label: 'Action item issue type without sub-tasks',
    help: 'Used (and linked to the incident) where a project has no sub-task type.',
  },
];

/** The label that publishes a postmortem, and how its action items are filed. */
export function LabelsSection(props: SectionProps) {
  const { textInput } = useSectionForm(props, LABELS_FORM);
  return (
    <>
      <Heading size="medium">Labels and action items</Heading>
      <TextSettings fields={FIELDS} input={textInput} />
    </>
  );
}
