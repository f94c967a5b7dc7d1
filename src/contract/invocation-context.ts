/** What a handler may know about who called it and from where (from Forge's invocation context). */
export interface InvocationContext {
  accountId?: string;
  cloudId?: string;
  siteUrl?: string;
  issueKey?: string;
  projectKey?: string;
  moduleKey?: string;
  /** A dashboard gadget's configuration as Jira stored it for that gadget (`extension.gadgetConfiguration`). */
  gadgetConfiguration?: Record<string, unknown>;
}
