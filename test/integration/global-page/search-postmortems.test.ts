import { february2025AndMarch2025, NOW } from './march-2025';
import { trendsHarness } from './trends-harness';

async function search(payload: Record<string, string>) {
  const harness = trendsHarness(NOW);
  harness.emulator.seed(february2025AndMarch2025());
  const answer = await harness.invoke('searchPostmortems', payload);
  if (!answer.ok) throw new Error(`searchPostmortems failed: ${answer.error.kind}: ${answer.error.message}`);
  return answer.data;
}

describe('global page: searching finalized postmortems through the Jira emulator', () => {
  it('finds a finalized postmortem by a word of its root cause, with its indexed summary', async () => {
    const { hits, jql } = await search({ text: 'index' });
    expect(jql).toContain('postmortemStatus = FINAL');
    expect(hits).toEqual([
      {
        key: 'INC-4',
        url: 'http://jira.test/browse/INC-4',
        summary: 'Payment Service Outage',
        severity: 'SEV-1',
        category: 'Database',
        finalizedAt: '2025-03-07T15:00:00.000Z',
        rootCause: 'Missing index on payment_methods.user_id after the migration',
      },
    ]);
  });

  it('lists every finalized postmortem, newest first, and never a draft or an incident without one', async () => {
    const { hits } = await search({});
    expect(hits.map((hit) => hit.key)).toEqual(['INC-5', 'INC-4']);
  });

  it('filters by category, severity and finalization dates', async () => {
    expect((await search({ category: 'Network' })).hits.map((hit) => hit.key)).toEqual(['INC-5']);
    expect((await search({ severity: 'SEV-2' })).hits).toEqual([]);
    expect((await search({ from: '2025-03-01', to: '2025-03-10' })).hits.map((hit) => hit.key)).toEqual([
      'INC-4',
    ]);
  });

  it('answers InvalidInput for a date that is not YYYY-MM-DD', async () => {
    const harness = trendsHarness(NOW);
    const answer = await harness.invoke('searchPostmortems', { from: '10/03/2025' });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
  });
});
