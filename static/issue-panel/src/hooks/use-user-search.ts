import { useCallback } from 'react';
import { panelApi } from '../api/panel-api';

export interface UserOption {
  value: string;
  label: string;
}

/** Options for the owner picker from Jira's user search (asUser, so only visible users come back). */
export function useUserSearch(): (query: string) => Promise<UserOption[]> {
  return useCallback(async (query: string) => {
    if (query.trim().length < 1) return [];
    const result = await panelApi('searchUsers', { query: query.trim() });
    return result.ok ? result.data.map((user) => ({ value: user.accountId, label: user.displayName })) : [];
  }, []);
}
