import type { ActionItem } from './panel-types';

/**
 * Same rule as the domain's nextActionItemId (ids `ai-<n>`, never reused, so a child issue created
 * for a row stays tied to it); restated here because the front end may not import src/domain.
 */
export function nextActionItemId(items: readonly Pick<ActionItem, 'id'>[]): string {
  const max = items.reduce((acc, item) => {
    const match = /^ai-(\d+)$/.exec(item.id);
    return match ? Math.max(acc, Number(match[1])) : acc;
  }, 0);
  return `ai-${max + 1}`;
}
