import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { saveSettings } from '../../../src/storage/settings-store';
import { dataOf } from '../../helpers/incident-app';
import { panelApp } from './panel-fixture';

/** A resolved SEV-3 incident on a site whose settings give SEV-3 the short template. */
async function minorIncident(shortTemplateSeverities: Array<'SEV-3' | 'SEV-4'>) {
  const fixture = await panelApp('INC-1', { labels: ['SEV-3'], priority: { name: 'Medium' } });
  await saveSettings(fixture.app.services({}).kv, { ...DEFAULT_SETTINGS, shortTemplateSeverities });
  return fixture;
}

const missing = (findings: Array<{ code: string; path?: string }>) =>
  findings.filter((finding) => finding.code === 'missing-section').map((finding) => finding.path);

describe('issue panel: the short template for SEV-3/4 (getPanel, checkDraft through the Forge platform)', () => {
  it("pre-fills a SEV-3 with the short template's Summary section and checks only its sections", async () => {
    const { call } = await minorIncident(['SEV-3']);
    const view = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(view.shortTemplateSeverities).toEqual(['SEV-3']);
    expect(view.document.header.severity).toBe('SEV-3');
    expect(view.document.summary).toBe('');
    expect(missing(view.findings)).toEqual(['summary', 'impact', 'timeline', 'actionItems']);
    // Policy and deadlines still follow the trigger criteria, whatever the template.
    expect(view.policy.document).not.toBeNull();
  });

  it('keeps the full template where the settings do not list the severity', async () => {
    const { call } = await minorIncident([]);
    const view = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(view.document.summary).toBeUndefined();
    expect(missing(view.findings)).toContain('rootCause');
  });

  it('follows a severity edit: the same draft raised to SEV-2 is checked against the full template', async () => {
    const { call } = await minorIncident(['SEV-3']);
    const { document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    const raised = { ...document, header: { ...document.header, severity: 'SEV-2' as const } };
    const checks = dataOf(await call('checkDraft', { issueKey: 'INC-1', document: raised }));
    expect(missing(checks.findings)).toEqual([
      'impact',
      'timeline',
      'rootCause',
      'contributingFactors',
      'actionItems',
    ]);
  });
});
