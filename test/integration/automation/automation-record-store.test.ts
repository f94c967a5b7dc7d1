import {
  emptyAutomationRecord,
  listAutomationRecords,
  loadAutomationRecord,
  saveAutomationRecord,
} from '../../../src/storage/automation-record-store';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';

describe('automation records read back from storage', () => {
  it('refuses a record whose children map is damaged rather than reading it as "no children yet"', async () => {
    const kv = createMemoryKvs();
    await kv.set('automation:INC-1', { ...emptyAutomationRecord('INC-1'), children: ['INC-2', 'INC-3'] });
    await expect(loadAutomationRecord(kv, 'INC-1')).rejects.toMatchObject({ kind: 'Internal' });
  });

  it('reads a record written before the intent, finalization id and link fields existed', async () => {
    const kv = createMemoryKvs();
    const { pendingCreate: _intent, linkedChildren: _links, ...older } = emptyAutomationRecord('INC-1');
    await kv.set('automation:INC-1', { ...older, children: { 'ai-1': 'INC-2' } });
    expect(await loadAutomationRecord(kv, 'INC-1')).toEqual({ ...older, children: { 'ai-1': 'INC-2' } });
  });

  it('lists the readable records and leaves a damaged one out', async () => {
    const kv = createMemoryKvs();
    await saveAutomationRecord(kv, emptyAutomationRecord('INC-1'));
    await kv.set('automation:INC-2', { issueKey: 'INC-2', slack: 'sent' });
    const listed: string[] = [];
    for await (const record of listAutomationRecords(kv)) listed.push(record.issueKey);
    expect(listed).toEqual(['INC-1']);
  });
});
