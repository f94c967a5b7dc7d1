import { emptyPostmortem } from '../../../src/domain/postmortem';
import {
  getPostmortemSummary,
  POSTMORTEM_SUMMARY_PROPERTY,
  readPostmortemSummary,
  writePostmortemSummary,
} from '../../../src/jira/postmortem-summary-property';
import { fakeJiraPort } from '../../helpers/fake-jira-port';

const PROPERTY = `/rest/api/3/issue/INC-1/properties/${POSTMORTEM_SUMMARY_PROPERTY}`;

describe('the postmortem-summary property', () => {
  it('reads a summary from search results, and none when absent or without a known status', () => {
    const summary = { status: 'FINAL', severity: 'SEV-2', rootCause: 'disk full', extra: 1 };
    expect(readPostmortemSummary({ [POSTMORTEM_SUMMARY_PROPERTY]: summary })).toMatchObject(summary);
    expect(readPostmortemSummary({ [POSTMORTEM_SUMMARY_PROPERTY]: { status: 'final' } })).toBeNull();
    expect(readPostmortemSummary({})).toBeNull();
    expect(readPostmortemSummary(undefined)).toBeNull();
  });

  it('writes the indexed summary of the document and reads it back checked', async () => {
    const jira = fakeJiraPort()
      .on('PUT', PROPERTY, { status: 200 })
      .on('GET', PROPERTY, {
        status: 200,
        body: { key: POSTMORTEM_SUMMARY_PROPERTY, value: { status: 'x' } },
      });
    await writePostmortemSummary(jira, 'INC-1', emptyPostmortem({ incidentId: 'INC-1' }));
    expect(jira.requestsTo('PUT', PROPERTY)[0]?.body).toMatchObject({ status: 'DRAFT', incidentId: 'INC-1' });
    expect((await getPostmortemSummary(jira, 'INC-1'))?.success).toBe(false);
  });

  it('is null for an issue without one', async () => {
    const jira = fakeJiraPort().on('GET', PROPERTY, { status: 404, body: { errorMessages: ['none'] } });
    await expect(getPostmortemSummary(jira, 'INC-1')).resolves.toBeNull();
  });
});
