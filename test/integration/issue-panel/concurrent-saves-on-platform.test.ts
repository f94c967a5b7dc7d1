/**
 * The production storage adapter (src/forge/forge-kvs-port.ts over Atlassian's `@forge/kvs`) on the local
 * Forge platform: the conditional save is the platform's own FAIL_IF_EXISTS and entity transaction.
 */
import type { PostmortemDocument } from '../../../src/domain/postmortem';
import { loadPostmortem } from '../../../src/storage/postmortem-store';
import { platformApp } from '../forge-platform/platform-fixture';

const SECOND_EDITOR = '5b109f2e9729b51b54dc274d';

type Saved = { document: PostmortemDocument };

describe('issue panel on the Forge platform: concurrent saves through @forge/kvs', () => {
  it.each([
    ['the first save (FAIL_IF_EXISTS)', 0],
    ['a later save (a transaction conditioned on the revision)', 1],
  ])(
    'gives two concurrent saves of one revision in %s one success and one Conflict',
    async (_name, before) => {
      const { kv, panel } = await platformApp();
      const opened = await panel<Saved>('getPanel', { issueKey: 'INC-1' });
      if (!opened.ok) throw new Error(opened.error.message);
      let document = opened.data.document;
      for (let i = 0; i < before; i += 1) {
        const saved = await panel<Saved>('saveDraft', { issueKey: 'INC-1', document });
        if (!saved.ok) throw new Error(saved.error.message);
        document = saved.data.document;
      }
      const editing = (text: string) => ({ ...document, otherNotes: text });

      const answers = await Promise.all([
        panel<Saved>('saveDraft', { issueKey: 'INC-1', document: editing('Editor A') }),
        panel<Saved>('saveDraft', { issueKey: 'INC-1', document: editing('Editor B') }, SECOND_EDITOR),
      ]);

      const won = answers.flatMap((answer) => (answer.ok ? [answer.data.document] : []));
      const lost = answers.flatMap((answer) => (answer.ok ? [] : [answer.error.kind]));
      expect(won).toHaveLength(1);
      expect(lost).toEqual(['Conflict']);
      const stored = await loadPostmortem(kv, 'INC-1');
      expect(stored?.document).toMatchObject({ revision: before + 1, otherNotes: won[0]?.otherNotes });
    },
  );
});
