import fc from 'fast-check';
import { actionItemIds } from '../../../../src/domain/postmortem/read-action-items';

/** The definition the run-based ids replaced, kept as their specification: every id in one set. */
function idsInOneSet() {
  const seen = new Set<string>();
  let highest = 0;
  return {
    taken: (id: string) => seen.has(id),
    take(id: string) {
      seen.add(id);
      const match = /^ai-(\d{1,15})$/.exec(id);
      if (match) highest = Math.max(highest, Number(match[1]));
      return id;
    },
    mint() {
      highest += 1;
      const id = `ai-${highest}`;
      seen.add(id);
      return id;
    },
  };
}

const id = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((n) => `ai-${n}`),
  fc.constantFrom('ai-07', 'ai-', 'ai-x', 'AI-3', 'row-2', 'ai-999999999999999', 'ai-1000000000000000'),
);
const operation = fc.oneof(
  fc.record({ op: fc.constant('take' as const), id }),
  fc.record({ op: fc.constant('taken' as const), id }),
  fc.record({ op: fc.constant('mint' as const) }),
);

describe('action item ids', () => {
  it('answer every take, mint and taken-check as the one-set definition does', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        const ids = actionItemIds();
        const spec = idsInOneSet();
        for (const step of operations) {
          if (step.op === 'mint') expect(ids.mint()).toBe(spec.mint());
          else if (step.op === 'take') expect(ids.take(step.id)).toBe(spec.take(step.id));
          else expect(ids.taken(step.id)).toBe(spec.taken(step.id));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a minted id taken after the numbers grow past 15 digits', () => {
    const ids = actionItemIds();
    ids.take('ai-999999999999999');
    expect(ids.mint()).toBe('ai-1000000000000000');
    expect(ids.taken('ai-1000000000000000')).toBe(true);
  });
});
