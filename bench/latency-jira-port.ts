import type { JiraPort } from '../src/ports';

/** Adds a fixed round-trip latency to every Jira call, like a real site seen from Forge. */
export function withLatency(jira: JiraPort, latencyMs: number): JiraPort {
  return {
    requestJira: async (path, init) => {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return jira.requestJira(path, init);
    },
  };
}
