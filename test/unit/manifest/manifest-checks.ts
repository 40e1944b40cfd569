/**
 * Our own manifest checks: the things `@forge/manifest` validation and the offline `@forge/lint`
 * linters do not catch (misspelled scopes, unknown event names, missing trigger scopes for events,
 * deprecated modules, resolver timeouts, handler exports, built resources) — see
 * ../shared/reference/forge-platform.md §2 and §9.
 * Pure functions over the manifest text plus reference data, so they can be tested on bad input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';

const functionRefSchema = z.object({ function: z.string() }).loose();

const functionSchema = z
  .object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })
  .loose();

const triggerSchema = z
  .object({
    key: z.string(),
    function: z.string(),
    events: z.array(z.string()),
    filter: z.object({ ignoreSelf: z.boolean().optional() }).loose().optional(),
  })
  .loose();

const scheduledTriggerSchema = z.object({ key: z.string(), function: z.string(), interval: z.string() }).loose();

/** `consumer`: the function Jira calls for each event pushed to `queue` (runtime-reference/async-events-api, "Event consumer"). */
const consumerSchema = z.object({ key: z.string(), queue: z.string(), function: z.string() }).loose();

/**
 * `jira:customField` (manifest-reference/modules/jira-custom-field, "Properties"): key, name, description and
 * type are required; left loose here so a missing one is reported by checkCustomFields, not as a shape error.
 */
const customFieldSchema = z
  .object({
    key: z.string().optional(),
    name: z.unknown().optional(),
    description: z.unknown().optional(),
    type: z.unknown().optional(),
    collection: z.unknown().optional(),
    view: z.object({ formatter: z.object({ expression: z.string().optional() }).loose().optional() }).loose().optional(),
  })
  .loose();

const entityPropertySchema = z
  .object({
    key: z.string(),
    propertyKey: z.string(),
    values: z.array(z.object({ path: z.string(), type: z.string(), searchAlias: z.string().optional() }).loose()),
  })
  .loose();

/** Any other module (UI modules): only the fields we check. `function` is the UI Kit 1 variant. */
const otherModuleSchema = z
  .object({
    key: z.string(),
    resource: z.string().optional(),
    resolver: functionRefSchema.optional(),
    /** jira:issueContext / issueGlance / contentBylineItem: the function Jira calls for the status. */
    dynamicProperties: functionRefSchema.optional(),
    function: z.string().optional(),
    icon: z.string().optional(),
  })
  .loose();

const manifestSchema = z.object({
  app: z
    .object({
      id: z.string(),
      runtime: z.object({ name: z.string(), memoryMB: z.number().optional() }).loose(),
    })
    .loose(),
  modules: z
    .object({
      function: z.array(functionSchema).default([]),
      trigger: z.array(triggerSchema).default([]),
      scheduledTrigger: z.array(scheduledTriggerSchema).default([]),
      'jira:entityProperty': z.array(entityPropertySchema).default([]),
      consumer: z.array(consumerSchema).default([]),
      'jira:customField': z.array(customFieldSchema).default([]),
    })
    .catchall(z.array(otherModuleSchema)),
  resources: z.array(z.object({ key: z.string(), path: z.string() }).loose()).default([]),
  permissions: z
    .object({
      // A list, or a map `{scope: {allowImpersonation: true}}`.
      scopes: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).default([]),
      content: z.object({ styles: z.array(z.string()).optional() }).loose().optional(),
    })
    .loose()
    .default({ scopes: [] }),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** OAuth scopes a product event needs: any one complete set satisfies it (as @forge/manifest's getMissingScopes). */
export interface EventScopes {
  current: readonly string[];
  beta?: readonly string[];
  deprecated?: readonly string[];
}

export interface ForgeReference {
  knownScopes: ReadonlySet<string>;
  deprecatedScopes: ReadonlySet<string>;
  knownEvents: ReadonlySet<string>;
  eventScopes: ReadonlyMap<string, EventScopes>;
}

/**
 * Jira / Jira Software product events documented for Forge (forge-platform.md §2, from
 * developer.atlassian.com/platform/forge/events-reference/jira and …/jira-software, docs snapshot 2026-08-22).
 * Kept by hand so an event dropped from @forge/manifest's mapping is still recognised; the mapping
 * file adds every other event it lists.
 */
export const DOCUMENTED_JIRA_EVENTS: readonly string[] = [
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:deleted:issue',
  'avi:jira:assigned:issue',
  'avi:jira:viewed:issue',
  'avi:jira:mentioned:issue',
  'avi:jira:commented:issue',
  'avi:jira:created:issuelink',
  'avi:jira:deleted:issuelink',
  'avi:jira:set:issue-property',
  'avi:jira:deleted:issue-property',
  'avi:jira-software:created:sprint',
  'avi:jira-software:started:sprint',
  'avi:jira-software:updated:sprint',
  'avi:jira-software:closed:sprint',
  'avi:jira-software:deleted:sprint',
  'avi:jira-software:created:board',
  'avi:jira-software:updated:board',
  'avi:jira-software:deleted:board',
  'avi:jira-software:configuration-changed:board',
];

/** UI module types removed or deprecated by the platform (forge-platform.md §1, §8). */
const DEPRECATED_MODULE_TYPES: readonly string[] = ['jira:issueGlance'];

const SUPPORTED_RUNTIMES: readonly string[] = ['nodejs22.x', 'nodejs24.x'];
const MAX_INTERACTIVE_TIMEOUT_SECONDS = 25;
const MAX_SCHEDULED_TIMEOUT_SECONDS = 900;
const MAX_RESOURCE_KEY_LENGTH = 23;
const RESOURCE_KEY_PATTERN = /^[a-zA-Z0-9_-]+$/;
const APP_ID_PATTERN = /^ari:cloud:ecosystem::app\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RESOURCE_ICON_PATTERN = /^resource:([^;]+);(.+)$/;
/** jira-custom-field "Properties": the required keys, the value types and the collection kinds. */
const CUSTOM_FIELD_REQUIRED_KEYS = ['key', 'name', 'description', 'type'] as const;
const CUSTOM_FIELD_TYPES: readonly string[] = ['string', 'number', 'user', 'group', 'datetime', 'date', 'object'];
const CUSTOM_FIELD_COLLECTIONS: readonly string[] = ['none', 'list'];
const MODULE_KEY_PATTERN = /^[a-zA-Z0-9_-]+$/;
/** Setting values of the app's own fields (app/field/value) needs it (forge-platform.md §11). */
const CUSTOM_FIELD_VALUE_SCOPE = 'write:app-data:jira';

const mappingFileSchema = z.object({
  mapping: z.array(
    z.object({
      productEvent: z.string(),
      oAuthScopes: z.object({
        current: z.array(z.string()).default([]),
        beta: z.array(z.string()).optional(),
        deprecated: z.array(z.string()).optional(),
      }),
    }),
  ),
});

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Reads scope and event lists from the installed @forge/manifest (out/scopes, out/mapping). */
export function loadForgeReference({ manifestPackageOut }: { manifestPackageOut: string }): ForgeReference {
  const knownScopes = z.array(z.string()).parse(readJson(path.join(manifestPackageOut, 'scopes/shipyard-scopes.json')));
  const deprecatedScopes = z
    .array(z.string())
    .parse(readJson(path.join(manifestPackageOut, 'scopes/deprecated-shipyard-scopes.json')));
  const { mapping } = mappingFileSchema.parse(
    readJson(path.join(manifestPackageOut, 'mapping/product-event-to-scope-mapping.json')),
  );
  const eventScopes = new Map(mapping.map((entry) => [entry.productEvent, entry.oAuthScopes] as const));
  return {
    knownScopes: new Set(knownScopes),
    deprecatedScopes: new Set(deprecatedScopes),
    knownEvents: new Set([...DOCUMENTED_JIRA_EVENTS, ...eventScopes.keys()]),
    eventScopes,
  };
}

/** Parses manifest.yml text; throws with every schema issue when the shape is wrong. */
export function parseManifest({ text }: { text: string }): Manifest {
  const result = manifestSchema.safeParse(load(text));
  if (!result.success) {
    throw new Error(`manifest shape: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export const declaredScopes = ({ manifest }: { manifest: Manifest }): string[] => {
  const { scopes } = manifest.permissions;
  return Array.isArray(scopes) ? scopes : Object.keys(scopes);
};

const isSatisfied = (required: readonly string[] | undefined, declared: ReadonlySet<string>): boolean =>
  required !== undefined && required.length > 0 && required.every((scope) => declared.has(scope));

/** Missing scopes for one event: empty when any complete scope set (current, beta, deprecated) is declared. */
export function missingEventScopes({
  event,
  declared,
  reference,
}: {
  event: string;
  declared: ReadonlySet<string>;
  reference: ForgeReference;
}): string[] {
  const required = reference.eventScopes.get(event);
  if (!required || required.current.length === 0) return [];
  if ([required.current, required.beta, required.deprecated].some((set) => isSatisfied(set, declared))) return [];
  return required.current.filter((scope) => !declared.has(scope));
}

function checkScopes({ manifest, reference }: { manifest: Manifest; reference: ForgeReference }): string[] {
  return declaredScopes({ manifest }).flatMap((scope) => {
    if (!reference.knownScopes.has(scope)) return [`scope-unknown: "${scope}" is not a Forge scope`];
    if (reference.deprecatedScopes.has(scope)) return [`scope-deprecated: "${scope}" is deprecated`];
    return [];
  });
}

function checkTriggers({ manifest, reference }: { manifest: Manifest; reference: ForgeReference }): string[] {
  const declared = new Set(declaredScopes({ manifest }));
  return manifest.modules.trigger.flatMap((trigger) => {
    const problems: string[] = [];
    // Our own writes (issue properties, labels, comments) raise events too; without ignoreSelf we loop.
    if (trigger.filter?.ignoreSelf !== true) problems.push(`trigger-loop: trigger "${trigger.key}" lacks filter.ignoreSelf: true`);
    for (const event of trigger.events) {
      if (!reference.knownEvents.has(event)) {
        problems.push(`event-unknown: trigger "${trigger.key}" listens to unknown event "${event}"`);
        continue;
      }
      const missing = missingEventScopes({ event, declared, reference });
      if (missing.length > 0) {
        problems.push(`event-scope-missing: event "${event}" needs scope(s) ${missing.join(', ')}`);
      }
    }
    return problems;
  });
}

function checkApp({ manifest }: { manifest: Manifest }): string[] {
  const problems: string[] = [];
  if (!APP_ID_PATTERN.test(manifest.app.id)) problems.push(`app-id: "${manifest.app.id}" is not an app ARI`);
  if (!SUPPORTED_RUNTIMES.includes(manifest.app.runtime.name)) {
    problems.push(`runtime: "${manifest.app.runtime.name}" is not one of ${SUPPORTED_RUNTIMES.join(', ')}`);
  }
  return problems;
}

/** Modules other than function/trigger/scheduledTrigger/entityProperty, i.e. the UI modules. */
const uiModules = ({ manifest }: { manifest: Manifest }) => {
  const handled = new Set(['function', 'trigger', 'scheduledTrigger', 'jira:entityProperty', 'consumer', 'jira:customField']);
  return Object.entries(manifest.modules).flatMap(([type, list]) =>
    handled.has(type) ? [] : z.array(otherModuleSchema).parse(list).map((module) => ({ type, module })),
  );
};

/** `resource:<key>;<path>` icon reference, or undefined for an absolute URL. */
export const parseResourceIcon = ({ icon }: { icon: string }): { resourceKey: string; file: string } | undefined => {
  const match = RESOURCE_ICON_PATTERN.exec(icon);
  return match?.[1] && match[2] ? { resourceKey: match[1], file: match[2] } : undefined;
};

function checkModules({ manifest }: { manifest: Manifest }): string[] {
  const problems: string[] = [];
  const resourceKeys = new Set(manifest.resources.map((resource) => resource.key));
  const functionKeys = new Set(manifest.modules.function.map((fn) => fn.key));
  for (const { type, module } of uiModules({ manifest })) {
    const where = `${type} "${module.key}"`;
    if (DEPRECATED_MODULE_TYPES.includes(type)) problems.push(`deprecated-module: ${where} uses a deprecated module type`);
    if (module.function !== undefined) problems.push(`deprecated-module: ${where} is a UI Kit 1 (function:) module`);
    if (module.resource !== undefined && !resourceKeys.has(module.resource)) {
      problems.push(`resource-reference: ${where} uses undeclared resource "${module.resource}"`);
    }
    if (module.resolver && !functionKeys.has(module.resolver.function)) {
      problems.push(`function-reference: ${where} uses undeclared function "${module.resolver.function}"`);
    }
    // @forge/manifest 13.7's schema does not list dynamicProperties for jira:issueContext, so nothing else checks it.
    if (module.dynamicProperties && !functionKeys.has(module.dynamicProperties.function)) {
      problems.push(`function-reference: ${where} dynamicProperties uses undeclared function "${module.dynamicProperties.function}"`);
    }
    const icon = module.icon === undefined ? undefined : parseResourceIcon({ icon: module.icon });
    if (icon && !resourceKeys.has(icon.resourceKey)) {
      problems.push(`resource-reference: ${where} icon uses undeclared resource "${icon.resourceKey}"`);
    }
  }
  for (const job of [...manifest.modules.trigger, ...manifest.modules.scheduledTrigger, ...manifest.modules.consumer]) {
    if (!functionKeys.has(job.function)) problems.push(`function-reference: "${job.key}" uses undeclared function "${job.function}"`);
  }
  return problems;
}

function checkResources({ manifest }: { manifest: Manifest }): string[] {
  return manifest.resources.flatMap((resource) =>
    resource.key.length > MAX_RESOURCE_KEY_LENGTH || !RESOURCE_KEY_PATTERN.test(resource.key)
      ? [`resource-key: "${resource.key}" must be ≤${MAX_RESOURCE_KEY_LENGTH} chars of [a-zA-Z0-9_-]`]
      : [],
  );
}

/** Resolvers, dynamicProperties and product-event triggers get 25 s; functions used only by scheduled triggers or consumers up to 900 s. */
function checkTimeouts({ manifest }: { manifest: Manifest }): string[] {
  const interactive = new Set([
    ...uiModules({ manifest }).flatMap(({ module }) => (module.resolver ? [module.resolver.function] : [])),
    ...uiModules({ manifest }).flatMap(({ module }) => (module.dynamicProperties ? [module.dynamicProperties.function] : [])),
    ...manifest.modules.trigger.map((trigger) => trigger.function),
  ]);
  return manifest.modules.function.flatMap((fn) => {
    const limit = interactive.has(fn.key) ? MAX_INTERACTIVE_TIMEOUT_SECONDS : MAX_SCHEDULED_TIMEOUT_SECONDS;
    return fn.timeoutSeconds !== undefined && fn.timeoutSeconds > limit
      ? [`timeout: function "${fn.key}" has timeoutSeconds ${fn.timeoutSeconds} > ${limit}`]
      : [];
  });
}

/**
 * Every queue the app pushes to (`new Queue({ key })` in src/) needs a consumer, and a consumer of any
 * other queue is a typo: events pushed to a queue without a consumer are never delivered.
 */
function checkConsumers({ manifest, queueKeys }: { manifest: Manifest; queueKeys: readonly string[] }): string[] {
  const consumed = new Set(manifest.modules.consumer.map((consumer) => consumer.queue));
  return [
    ...queueKeys.filter((queue) => !consumed.has(queue)).map((queue) => `queue-consumer: queue "${queue}" used in src/ has no consumer`),
    ...manifest.modules.consumer
      .filter((consumer) => !queueKeys.includes(consumer.queue))
      .map((consumer) => `queue-consumer: consumer "${consumer.key}" listens to queue "${consumer.queue}", which src/ never pushes to`),
  ];
}

function checkCustomFields({ manifest }: { manifest: Manifest }): string[] {
  const fields = manifest.modules['jira:customField'];
  const problems = fields.flatMap((field, index) => {
    const where = `jira:customField "${field.key ?? `#${index}`}"`;
    const found: string[] = CUSTOM_FIELD_REQUIRED_KEYS.filter((name) => field[name] === undefined).map(
      (name) => `custom-field: ${where} lacks the required "${name}"`,
    );
    if (field.key !== undefined && !MODULE_KEY_PATTERN.test(field.key)) found.push(`custom-field: ${where} key must match ${MODULE_KEY_PATTERN}`);
    if (field.type !== undefined && (typeof field.type !== 'string' || !CUSTOM_FIELD_TYPES.includes(field.type))) {
      found.push(`custom-field: ${where} type ${JSON.stringify(field.type)} is not one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
    }
    if (field.collection !== undefined && (typeof field.collection !== 'string' || !CUSTOM_FIELD_COLLECTIONS.includes(field.collection))) {
      found.push(`custom-field: ${where} collection ${JSON.stringify(field.collection)} is not one of ${CUSTOM_FIELD_COLLECTIONS.join(', ')}`);
    }
    // Without the formatter an object field is neither searchable in JQL nor displayed (docs: "type", Important).
    if (field.type === 'object' && field.view?.formatter?.expression === undefined) {
      found.push(`custom-field: ${where} of type object needs view.formatter.expression`);
    }
    return found;
  });
  if (fields.length > 0 && !declaredScopes({ manifest }).includes(CUSTOM_FIELD_VALUE_SCOPE)) {
    problems.push(`custom-field-scope: setting the app's field values (app/field/value) needs scope ${CUSTOM_FIELD_VALUE_SCOPE}`);
  }
  return problems;
}

function checkSearchAliases({ manifest, aliases }: { manifest: Manifest; aliases: readonly string[] }): string[] {
  const declared = new Set(
    manifest.modules['jira:entityProperty'].flatMap((property) => property.values.map((value) => value.searchAlias)),
  );
  return aliases.filter((alias) => !declared.has(alias)).map((alias) => `search-alias: JQL alias "${alias}" is not indexed`);
}

function checkContentPermissions({ manifest }: { manifest: Manifest }): string[] {
  // Atlaskit inserts <style> elements; adding this later would be a major version needing admin approval.
  return manifest.permissions.content?.styles?.includes('unsafe-inline')
    ? []
    : ['csp-styles: permissions.content.styles must include unsafe-inline'];
}

/**
 * Every static check on the manifest text; returns one message per problem (empty = fine).
 * `requiredSearchAliases` are JQL aliases the app relies on (e.g. readinessScore); `queueKeys` the
 * async-event queues src/ pushes to (each needs exactly its consumer).
 */
export function checkManifest({
  text,
  reference,
  requiredSearchAliases = [],
  queueKeys,
}: {
  text: string;
  reference: ForgeReference;
  requiredSearchAliases?: readonly string[];
  queueKeys: readonly string[];
}): string[] {
  let manifest: Manifest;
  try {
    manifest = parseManifest({ text });
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  return [
    ...checkApp({ manifest }),
    ...checkScopes({ manifest, reference }),
    ...checkTriggers({ manifest, reference }),
    ...checkModules({ manifest }),
    ...checkResources({ manifest }),
    ...checkTimeouts({ manifest }),
    ...checkConsumers({ manifest, queueKeys }),
    ...checkCustomFields({ manifest }),
    ...checkSearchAliases({ manifest, aliases: requiredSearchAliases }),
    ...checkContentPermissions({ manifest }),
  ];
}

/** Splits a Forge handler `path/to/file.exportName` (resolved against src/). */
export const parseHandler = ({ handler }: { handler: string }): { file: string; exportName: string } | undefined => {
  const dot = handler.lastIndexOf('.');
  return dot > 0 && dot < handler.length - 1
    ? { file: handler.slice(0, dot), exportName: handler.slice(dot + 1) }
    : undefined;
};

/** Every function handler must name an exported function; `exportsOf(file)` gives a module's exports. */
export function checkHandlerExports({
  manifest,
  exportsOf,
}: {
  manifest: Manifest;
  exportsOf: (file: string) => Record<string, unknown> | undefined;
}): string[] {
  return manifest.modules.function.flatMap((fn) => {
    const parsed = parseHandler({ handler: fn.handler });
    if (!parsed) return [`handler: function "${fn.key}" handler "${fn.handler}" is not file.export`];
    const exported = exportsOf(parsed.file)?.[parsed.exportName];
    return typeof exported === 'function'
      ? []
      : [`handler: function "${fn.key}" needs src/${parsed.file}.ts to export a function "${parsed.exportName}" (found ${typeof exported})`];
  });
}

/** Every resource must be a built folder with index.html, and resource icons must be inside it. */
export function checkResourceBuilds({
  manifest,
  root,
  exists,
}: {
  manifest: Manifest;
  root: string;
  exists: (absolutePath: string) => boolean;
}): string[] {
  const pathOf = new Map(manifest.resources.map((resource) => [resource.key, resource.path]));
  const missingBuilds = manifest.resources
    .filter((resource) => !exists(path.join(root, resource.path, 'index.html')))
    .map((resource) => `resource-build: ${resource.path}/index.html is missing (run npm run build first)`);
  const missingIcons = uiModules({ manifest }).flatMap(({ module }) => {
    const icon = module.icon === undefined ? undefined : parseResourceIcon({ icon: module.icon });
    const folder = icon ? pathOf.get(icon.resourceKey) : undefined;
    if (!icon || folder === undefined || exists(path.join(root, folder, icon.file))) return [];
    return [`resource-icon: ${folder}/${icon.file} is missing (put it in the app's public/ folder, then npm run build)`];
  });
  return [...missingBuilds, ...missingIcons];
}
