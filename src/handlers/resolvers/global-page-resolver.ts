import type { GlobalPageApi } from '../../contract/global-page-api';
import type { ResolverImplementation } from './resolver-handlers';
import { notImplemented } from './not-implemented';

export const globalPageResolver: ResolverImplementation<GlobalPageApi> = {
  getTrends: async () => notImplemented('The monthly trend report'),
};
