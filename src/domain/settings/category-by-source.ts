import type { AppSettings } from './app-settings';

/**
 * The incident's category as the admin configured it: the postmortem's category, else the first
 * component (DESIGN's default); or the component alone, for teams whose components are the taxonomy.
 */
export function categoryBySource(
  source: AppSettings['categorySource'],
  evidence: { postmortemCategory: string | null | undefined; components: readonly string[] },
): string | null {
  const component = evidence.components[0]?.trim() || null;
  if (source === 'component') return component;
  return evidence.postmortemCategory?.trim() || component;
}
