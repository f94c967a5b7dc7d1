import type { ResolvedOwner } from '../domain/automation/finalization-plan';
import type { ActionItemOwner } from '../domain/postmortem';
import { searchUsers } from '../jira/users';
import type { JiraPort } from '../ports';

const normalise = (value: string) => value.replace(/^@/, '').trim().toLowerCase();

/**
 * An owner given as an accountId is used as is; one given as `@handle` or a name is looked up with
 * Jira's user search and accepted only when exactly one active user matches (a guess would assign
 * work to the wrong person). Each distinct text is searched once.
 */
export function ownerResolver(jira: JiraPort) {
  const cache = new Map<string, Promise<ResolvedOwner>>();

  const lookUp = async (written: string): Promise<ResolvedOwner> => {
    const query = written
      .replace(/^@/, '')
      .replace(/[-_.]+/g, ' ')
      .trim();
    const users = (await searchUsers(jira, { query, maxResults: 10 })).filter((user) => user.active);
    const exact = users.filter((user) => normalise(user.displayName) === normalise(written));
    const match = exact.length === 1 ? exact[0] : users.length === 1 ? users[0] : undefined;
    return match
      ? { accountId: match.accountId, label: match.displayName, unresolved: false }
      : { accountId: null, label: written, unresolved: true };
  };

  return (owner: ActionItemOwner | null): Promise<ResolvedOwner> => {
    if (owner === null) return Promise.resolve({ accountId: null, label: null, unresolved: false });
    if ('accountId' in owner) {
      return Promise.resolve({
        accountId: owner.accountId,
        label: owner.displayName ?? owner.accountId,
        unresolved: false,
      });
    }
    const key = normalise(owner.text);
    let resolution = cache.get(key);
    if (!resolution) {
      resolution = lookUp(owner.text);
      cache.set(key, resolution);
    }
    return resolution;
  };
}
