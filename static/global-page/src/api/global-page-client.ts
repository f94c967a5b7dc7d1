import type { GlobalPageApi } from '../../../../src/contract/global-page-api';
import { resolverClient } from '../../../shared/api/bridge';

/** The typed resolver call for this page; one instance so hooks share it. */
export const callGlobalPage = resolverClient<GlobalPageApi>();
