import type { Result } from '../../src/contract/errors';
import type { GlanceView, IssueContextApi } from '../../src/contract/issue-context-api';
import { resolverClient } from '../shared/api/bridge';
import { useLoad } from '../shared/hooks/use-load';

const call = resolverClient<IssueContextApi>();

/** Loads the glance for the open issue; `reload` after an error. Undefined while loading. */
export function useGlance(issueKey: string | undefined): {
  result: Result<GlanceView> | undefined;
  reload: () => void;
} {
  const { state, reload } = useLoad(issueKey, () => call('getGlance', { issueKey: issueKey ?? '' }));
  if (state.kind === 'loading') return { result: undefined, reload };
  return {
    result: state.kind === 'ready' ? { ok: true, data: state.data } : { ok: false, error: state.error },
    reload,
  };
}
