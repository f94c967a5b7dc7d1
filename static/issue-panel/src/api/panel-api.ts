import type { IssuePanelApi } from '../../../../src/contract/issue-panel-api';
import { resolverClient } from '../../../shared/api/bridge';

/** One typed client for every resolver call of the panel; hooks import this, never the bridge. */
export const panelApi = resolverClient<IssuePanelApi>();

export type PanelApi = typeof panelApi;
