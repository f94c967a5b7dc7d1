import { emptyPostmortem } from '../../../src/domain/postmortem';
import { loadPostmortem, POSTMORTEM_ENTITY, savePostmortem } from '../../../src/storage/postmortem-store';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';

const at = new Date('2025-03-17T09:00:00Z');
const by = { accountId: 'user-1', at };

describe('postmortem store: conditional saves on the postmortem entity', () => {
  it('writes an entity value only while the expectation holds (memory KVS, as a KVS transaction)', async () => {
    const kv = createMemoryKvs();
    expect(
      await kv.setEntityIf('postmortem', 'INC-1', { revision: 1 }, { field: 'revision', equals: 0 }),
    ).toBe(false);
    expect(await kv.setEntityIf('postmortem', 'INC-1', { revision: 1 }, { absent: true })).toBe(true);
    expect(await kv.setEntityIf('postmortem', 'INC-1', { revision: 9 }, { absent: true })).toBe(false);
    expect(
      await kv.setEntityIf('postmortem', 'INC-1', { revision: 2 }, { field: 'revision', equals: 1 }),
    ).toBe(true);
    expect(
      await kv.setEntityIf('postmortem', 'INC-1', { revision: 3 }, { field: 'revision', equals: 1 }),
    ).toBe(false);
    expect(await kv.getEntity('postmortem', 'INC-1')).toEqual({ revision: 2 });
    // Entities are a store apart from plain keys.
    expect(await kv.get('INC-1')).toBeUndefined();
    await expect(kv.setEntityIf('postmortem', 'INC-2', [1], { absent: true })).rejects.toThrow(
      /objects of attributes/,
    );
  });

  it('answers Conflict, and keeps the stored version, when a save finds another one landed first', async () => {
    const kv = createMemoryKvs();
    const draft = emptyPostmortem({ incidentId: 'INC-1' });
    const [first, second] = await Promise.allSettled([
      savePostmortem(kv, 'INC-1', { ...draft, otherNotes: 'A' }, by),
      savePostmortem(kv, 'INC-1', { ...draft, otherNotes: 'B' }, by),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { kind: 'Conflict' } });
    expect((await loadPostmortem(kv, 'INC-1'))?.document.otherNotes).toBe('A');
  });

  it('reads a postmortem kept under the earlier plain key, and its first save moves it into the entity', async () => {
    const kv = createMemoryKvs();
    const legacy = {
      ...emptyPostmortem({ incidentId: 'INC-1' }),
      revision: 4,
      otherNotes: 'Before the entity',
    };
    await kv.set('postmortem:INC-1', { document: legacy, updatedAt: at.toISOString(), updatedBy: null });

    const loaded = await loadPostmortem(kv, 'INC-1');
    expect(loaded).toMatchObject({
      document: { revision: 4, otherNotes: 'Before the entity' },
      updatedBy: null,
    });

    const saved = await savePostmortem(kv, 'INC-1', { ...legacy, otherNotes: 'After' }, by);
    expect(saved.revision).toBe(5);
    expect(await kv.getEntity(POSTMORTEM_ENTITY, 'INC-1')).toMatchObject({
      revision: 5,
      updatedBy: 'user-1',
    });
    expect((await loadPostmortem(kv, 'INC-1'))?.document.otherNotes).toBe('After');
  });
});
