import {
  FINALIZATION_LABEL,
  wasLabelAdded,
  wasLabelRemoved,
} from '../../../../src/domain/automation/finalization-label';

// Changelog items as Jira sends them for a labels edit (space-separated label tokens).
const labelsChange = (fromString: string | null, toString: string | null) => ({
  field: 'labels',
  fieldtype: 'jira',
  fieldId: 'labels',
  from: null,
  fromString,
  to: null,
  toString,
});

describe('wasLabelAdded', () => {
  it('is true when POSTMORTEM-FINAL appears among the new labels', () => {
    expect(wasLabelAdded([labelsChange('incident SEV-1', 'incident SEV-1 POSTMORTEM-FINAL')])).toBe(true);
  });

  it('is true when it is the first label the issue gets', () => {
    expect(wasLabelAdded([labelsChange(null, FINALIZATION_LABEL)])).toBe(true);
  });

  it('is false when the label was already there and another label changed', () => {
    expect(wasLabelAdded([labelsChange('POSTMORTEM-FINAL', 'POSTMORTEM-FINAL SEV-1')])).toBe(false);
  });

  it('is false when the label is removed', () => {
    expect(wasLabelAdded([labelsChange('POSTMORTEM-FINAL SEV-1', 'SEV-1')])).toBe(false);
  });

  it('does not match a label that merely contains the name', () => {
    expect(wasLabelAdded([labelsChange('', 'POSTMORTEM-FINAL-DRAFT')])).toBe(false);
  });

  it('ignores other fields that mention the label in their text', () => {
    expect(
      wasLabelAdded([
        { field: 'summary', fieldId: 'summary', fromString: 'a', toString: 'POSTMORTEM-FINAL' },
      ]),
    ).toBe(false);
  });
});

describe('wasLabelRemoved', () => {
  it('is true when POSTMORTEM-FINAL leaves the labels', () => {
    expect(wasLabelRemoved([labelsChange('SEV-1 POSTMORTEM-FINAL', 'SEV-1')])).toBe(true);
    expect(wasLabelRemoved([labelsChange('POSTMORTEM-FINAL', null)])).toBe(true);
  });

  it('is false when the label is added, kept, or was never there', () => {
    expect(wasLabelRemoved([labelsChange('SEV-1', 'SEV-1 POSTMORTEM-FINAL')])).toBe(false);
    expect(wasLabelRemoved([labelsChange('POSTMORTEM-FINAL', 'POSTMORTEM-FINAL SEV-1')])).toBe(false);
    expect(wasLabelRemoved([labelsChange('SEV-1', '')])).toBe(false);
  });
});
