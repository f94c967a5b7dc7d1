import type { ActionItemOwner } from '../domain/postmortem';
import { searchUsers } from '../jira/users';
import type { JiraPort } from '../ports';

export interface OwnerResolution {
  accountId: string | null;
  /** How the owner reads in messages: a display name, or the text as written. */
  label: string | null;
  unresolved: boolean;
}

type Attempt = <T>(call: () => Promise<T>) => Promise<T>;

const normalise = (value: string) => value.replace(/^@/, '').trim().toLowerCase();

/**
 * An owner given as an accountId is used as is; one given as `@handle` or a name is looked up with
 * Jira's user search and accepted only when exactly one active user matches (a guess would assign
 * work to the wrong person). Each distinct text is searched once.
 */
export function ownerResolver(jira: JiraPort, attempt: Attempt) {
  const cache = new Map<string, Promise<OwnerResolution>>();

  const lookUp = async (written: string): Promise<OwnerResolution> => {
    const query = written
      .replace(/^@/, '')
      .replace(/[-_.]+/g, ' ')
      .trim();
    const users = (await attempt(() => searchUsers(jira, { query, maxResults: 10 }))).filter(
      (user) => user.active,
    );
    const exact = users.filter((user) => normalise(user.displayName) === normalise(written));
    const match = exact.length === 1 ? exact[0] : users.length === 1 ? users[0] : undefined;
    return match
      ? { accountId: match.accountId, label: match.displayName, unresolved: false }
      : { accountId: null, label: written, unresolved: true };
  };

  return (owner: ActionItemOwner | null): Promise<OwnerResolution> => {
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
