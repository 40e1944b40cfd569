/**
 * What the sandbox needs from manifest.yml: UI modules (key → type, resource path),
 * product-event triggers (event → function export, ignoreSelf) and scheduled triggers.
 * A manifest the sandbox cannot read is an error: the emulation must follow the app's real wiring.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';

export type UiModuleType = 'jira:issuePanel' | 'jira:issueContext' | 'jira:projectPage' | 'jira:projectSettingsPage';
const UI_MODULE_TYPES: UiModuleType[] = ['jira:issuePanel', 'jira:issueContext', 'jira:projectPage', 'jira:projectSettingsPage'];

export interface UiModule {
  key: string;
  type: UiModuleType;
  title: string;
  /** The text on the issue context's button (jira:issueContext `label`); undefined for other modules. */
  label?: string;
  /** Folder of the built Custom UI (`static/<app>/build`), relative to the project root. */
  resourcePath: string;
  /** Folder name under static/ (`readiness-panel`), used in `/ui/<app>/` URLs. */
  app: string;
  /** The function Jira calls for the collapsed status (jira:issueContext `dynamicProperties`). */
  dynamicProperties?: { functionKey: string; exportName: string };
}

export interface TriggerBinding {
  key: string;
  functionKey: string;
  /** Export name in src/index.ts. */
  exportName: string;
  events: string[];
  ignoreSelf: boolean;
}

export interface ScheduledBinding {
  key: string;
  functionKey: string;
  exportName: string;
  interval: string;
}

export interface AppManifest {
  appId: string;
  uiModules: UiModule[];
  triggers: TriggerBinding[];
  scheduled: ScheduledBinding[];
  resolverExport: string;
  /** Every `function` module: key → export name in src/index.ts. */
  functions: { key: string; exportName: string }[];
  /** `consumer` modules (async events): queue → function, with the function's time limit. */
  consumers?: { key: string; queue: string; functionKey: string; exportName: string; timeoutSeconds: number }[];
}

const moduleEntry = z.object({
  key: z.string(),
  resource: z.string().optional(),
  title: z.string().optional(),
  label: z.string().optional(),
  resolver: z.object({ function: z.string() }).optional(),
  dynamicProperties: z.object({ function: z.string() }).optional(),
});
const manifestSchema = z.object({
  app: z.object({ id: z.string() }),
  modules: z
    .object({
      'jira:issuePanel': z.array(moduleEntry).optional(),
      'jira:issueContext': z.array(moduleEntry).optional(),
      'jira:projectPage': z.array(moduleEntry).optional(),
      'jira:projectSettingsPage': z.array(moduleEntry).optional(),
      trigger: z.array(z.object({ key: z.string(), function: z.string(), events: z.array(z.string()), filter: z.object({ ignoreSelf: z.boolean().optional() }).optional() })).optional(),
      scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string() })).optional(),
      function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })).optional(),
      consumer: z.array(z.object({ key: z.string(), queue: z.string(), function: z.string() })).optional(),
    })
    .loose(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).optional(),
});

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

export function loadManifest(file = path.join(PROJECT_ROOT, 'manifest.yml')): AppManifest {
  const parsed = manifestSchema.safeParse(load(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`[sandbox] ${file} not understood: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const { modules, resources = [] } = parsed.data;
  const functions = new Map((modules.function ?? []).map((fn) => [fn.key, fn.handler.split('.').pop() ?? fn.handler]));
  const exportOf = (functionKey: string) => functions.get(functionKey) ?? functionKey;
  const uiModules: UiModule[] = UI_MODULE_TYPES.flatMap((type) =>
    (modules[type] ?? []).map((entry) => {
      const resourcePath = resources.find((resource) => resource.key === entry.resource)?.path ?? `static/${entry.resource ?? entry.key}/build`;
      const dynamic = entry.dynamicProperties ? { dynamicProperties: { functionKey: entry.dynamicProperties.function, exportName: exportOf(entry.dynamicProperties.function) } } : {};
      const label = entry.label === undefined ? {} : { label: entry.label };
      return { key: entry.key, type, title: entry.title ?? entry.key, resourcePath, app: path.basename(path.dirname(resourcePath)), ...label, ...dynamic };
    }),
  );
  const resolverFunction = UI_MODULE_TYPES.flatMap((type) => modules[type] ?? []).find((entry) => entry.resolver)?.resolver?.function ?? 'resolver';
  return {
    appId: parsed.data.app.id.split('/').pop() ?? parsed.data.app.id,
    resolverExport: exportOf(resolverFunction),
    functions: [...functions].map(([key, exportName]) => ({ key, exportName })),
    uiModules,
    triggers: (modules.trigger ?? []).map((trigger) => ({
      key: trigger.key,
      functionKey: trigger.function,
      exportName: exportOf(trigger.function),
      events: trigger.events,
      ignoreSelf: trigger.filter?.ignoreSelf ?? false,
    })),
    // Function default timeout is 55 s; `timeoutSeconds` up to 900 (async-events-api "Manifest configuration").
    consumers: (modules.consumer ?? []).map((entry) => ({
      key: entry.key,
      queue: entry.queue,
      functionKey: entry.function,
      exportName: exportOf(entry.function),
      timeoutSeconds: (modules.function ?? []).find((fn) => fn.key === entry.function)?.timeoutSeconds ?? 55,
    })),
    scheduled: (modules.scheduledTrigger ?? []).map((entry) => ({ key: entry.key, functionKey: entry.function, exportName: exportOf(entry.function), interval: entry.interval })),
  };
}
