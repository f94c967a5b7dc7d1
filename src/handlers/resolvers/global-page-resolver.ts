import { globalPageContract } from '../../contract/global-page-api';
import { loadTrends } from '../../usecases/trends/load-trends';
import { searchPostmortems } from '../../usecases/trends/search-postmortems';
import { viewerProjectCache, type ViewerProjectCache } from '../../usecases/trends/viewer-projects';
import { defineResolver } from './resolver-handlers';

/** The resolver with its own brief cache of who may browse which projects (one per function instance). */
export function createGlobalPageResolver(viewer: ViewerProjectCache = viewerProjectCache()) {
  return defineResolver(globalPageContract, {
    getTrends: ({ month, projectKeys }, services) => loadTrends(services, viewer, month, projectKeys),
    searchPostmortems: (search, services) => searchPostmortems(services, search),
  });
}

export const globalPageResolver = createGlobalPageResolver();
