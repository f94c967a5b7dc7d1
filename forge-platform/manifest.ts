/**
 * What the local Forge platform reads from `manifest.yml`, and the refusals Forge answers at deploy or
 * invocation time for wiring it cannot run. Module → `function` key → `handler: index.<export>`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/function/).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EntityIndex } from './kvs-store';

/** The platform refusing the app's wiring: the message is the platform's reason. */
export class ForgePlatformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForgePlatformError';
  }
}

const key = z.string().min(1);
const functionModule = z.object({ key, handler: z.string(), timeoutSeconds: z.number().optional() });
const uiModule = z.object({ key, resolver: z.object({ function: key }).optional() });
const gadgetModule = z.object({
  key,
  resource: key,
  resolver: z.object({ function: key }).optional(),
  edit: z.object({ resource: key }).optional(),
});
const triggerModule = z.object({
  key,
  function: key,
  events: z.array(z.string()),
  filter: z.object({ ignoreSelf: z.boolean().optional() }).optional(),
});
const consumerModule = z.object({
  key,
  queue: key,
  function: key.optional(),
  resolver: z.object({ function: key, method: z.string() }).optional(),
});
const scheduledModule = z.object({ key, function: key, interval: z.string() });
const entity = z.object({
  name: z.string(),
  indexes: z
    .array(
      z.union([
        z.string().transform((name) => ({ name, range: [name] })),
        z.object({ name: z.string(), range: z.array(z.string()), partition: z.array(z.string()).optional() }),
      ]),
    )
    .default([]),
});
const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  permissions: z
    .object({
      scopes: z.array(z.string()).default([]),
      external: z
        .object({
          fetch: z
            .object({
              backend: z.array(z.union([z.string(), z.object({ address: z.string() })])).default([]),
            })
            .optional(),
        })
        .optional(),
    })
    .default({ scopes: [] }),
  app: z.object({
    id: z.string(),
    storage: z.object({ entities: z.array(entity).default([]) }).optional(),
  }),
});

export interface ManifestFunction {
  key: string;
  /** `index.<export>`: the file (`src/index.ts`) and the export. */
  handler: string;
  timeoutSeconds?: number;
}

export interface AppManifest {
  appId: string;
  functions: Map<string, ManifestFunction>;
  /** UI modules with a resolver: module key → its module type and function. */
  resolvers: Map<string, { moduleType: string; functionKey: string }>;
  /** `jira:dashboardGadget` modules: module key → its view resource and, when configurable, its edit resource. */
  gadgets: Map<string, { resource: string; editResource: string | null }>;
  triggers: Array<z.infer<typeof triggerModule>>;
  consumers: Array<{ key: string; queue: string; functionKey: string }>;
  scheduledTriggers: Array<z.infer<typeof scheduledModule>>;
  scopes: string[];
  /** External fetch (backend) addresses, e.g. `https://hooks.slack.com`. */
  egress: string[];
  entities: Record<string, { indexes: EntityIndex[] }>;
}

const UI_MODULE_TYPES = /^(jira|confluence|compass|jiraServiceManagement):/;

export function parseManifest(text: string): AppManifest {
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new ForgePlatformError(
      `manifest.yml is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
    );
  const { modules, permissions, app } = parsed.data;
  const list = <T>(name: string, schema: z.ZodType<T>): T[] =>
    (modules[name] ?? []).map((module) => {
      const result = schema.safeParse(module);
      if (!result.success)
        throw new ForgePlatformError(
          `manifest.yml: module ${name} "${String(module.key)}" is not valid: ${result.error.issues[0]?.message}`,
        );
      return result.data;
    });

  const functions = new Map(list('function', functionModule).map((f) => [f.key, f]));
  const requireFunction = (owner: string, functionKey: string) => {
    if (!functions.has(functionKey))
      throw new ForgePlatformError(
        `${owner} refers to function "${functionKey}", which manifest.yml does not declare under modules.function.`,
      );
    return functionKey;
  };

  const resolvers: AppManifest['resolvers'] = new Map();
  for (const [moduleType, entries] of Object.entries(modules)) {
    if (!UI_MODULE_TYPES.test(moduleType)) continue;
    for (const module of entries) {
      const ui = uiModule.safeParse(module);
      if (ui.success && ui.data.resolver)
        resolvers.set(ui.data.key, {
          moduleType,
          functionKey: requireFunction(`Module ${moduleType} "${ui.data.key}"`, ui.data.resolver.function),
        });
    }
  }

  const consumers = list('consumer', consumerModule).map((consumer) => {
    if (consumer.resolver || !consumer.function)
      // The app depends on @forge/events 3: consumers are functions invoked with an AsyncEvent.
      throw new ForgePlatformError(
        `Consumer "${consumer.key}" declares a resolver (function "${consumer.resolver?.function ?? '?'}", method "${consumer.resolver?.method ?? '?'}"). ` +
          'Since @forge/events 2, resolvers are no longer used for consumers: the consumer module requires a function, invoked with an AsyncEvent ' +
          '(https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade).',
      );
    return {
      key: consumer.key,
      queue: consumer.queue,
      functionKey: requireFunction(`Consumer "${consumer.key}"`, consumer.function),
    };
  });
  const gadgets: AppManifest['gadgets'] = new Map(
    list('jira:dashboardGadget', gadgetModule).map((gadget) => [
      gadget.key,
      { resource: gadget.resource, editResource: gadget.edit?.resource ?? null },
    ]),
  );
  const triggers = list('trigger', triggerModule);
  for (const trigger of triggers) requireFunction(`Trigger "${trigger.key}"`, trigger.function);
  const scheduledTriggers = list('scheduledTrigger', scheduledModule);
  for (const scheduled of scheduledTriggers)
    requireFunction(`Scheduled trigger "${scheduled.key}"`, scheduled.function);

  return {
    appId: app.id,
    functions,
    resolvers,
    gadgets,
    triggers,
    consumers,
    scheduledTriggers,
    scopes: permissions.scopes,
    egress: (permissions.external?.fetch?.backend ?? []).map((entry) =>
      typeof entry === 'string' ? entry : entry.address,
    ),
    entities: Object.fromEntries((app.storage?.entities ?? []).map((e) => [e.name, { indexes: e.indexes }])),
  };
}

export const loadManifest = (path: string): AppManifest => parseManifest(readFileSync(path, 'utf8'));
