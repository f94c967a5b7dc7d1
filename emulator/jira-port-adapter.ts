/** A `JiraPort` (Forge's `requestJira`) answered in-process by the emulator. */
import type { JiraPort, JiraResponse } from '../src/ports';
import type { EmulatorRequest, EmulatorResponse } from './emulator-types';

export function toJiraResponse(response: EmulatorResponse): JiraResponse {
  const headers = new Map(
    Object.entries(response.headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  return {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
    text: async () => response.body,
    json: async () => JSON.parse(response.body) as unknown,
  };
}

export function emulatorJiraPort(
  handle: (request: EmulatorRequest) => Promise<EmulatorResponse>,
  caller: { accountId?: string; asApp: boolean },
): JiraPort {
  return {
    async requestJira(path, init) {
      const response = await handle({
        method: init?.method ?? 'GET',
        path: path.value,
        ...(init?.headers ? { headers: init.headers } : {}),
        ...(init?.body !== undefined ? { body: init.body } : {}),
        ...(caller.accountId ? { accountId: caller.accountId } : {}),
        asApp: caller.asApp,
      });
      return toJiraResponse(response);
    },
  };
}
