/**
 * createSandbox(): the local Forge + Jira emulation that runs the app's real, unmodified
 * handlers from src/index.ts. Installs `global.__forge_fetch__` / `global.__forge_runtime__`
 * (what @forge/api and @forge/kvs call), then imports the app lazily.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createJiraEmulator, type JiraEmulator } from './jira/emulator';
import type { ForgeEvent } from './jira/events';
import { type Json, type SeedData } from './jira/model';
import { findIssue, userByAliasOrId } from './jira/site';
import { toJson } from './jira/http';
import { createKvs, type KvsEmulator } from './kvs';
import { createEventQueue } from './forge/event-queue';
import { createAsyncQueue, type AsyncQueue, type QueueClock } from './forge/async-queue';
import { createFaults, type FaultController } from './forge/faults';
import { createForgeFetch } from './forge/forge-fetch';
import { dynamicPropertiesPayload, type FrameContext, installContextOf, resolverRequest } from './forge/forge-context';
import { currentScope, runInScope } from './forge/invocation-scope';
import { type AppManifest, loadManifest, type TriggerBinding, type UiModuleType } from './forge/manifest';
import { createRealtimeHub, type RealtimeHub } from './forge/realtime-hub';
import { createTrafficLog } from './forge/traffic-log';
import { demoSeed } from './seed/demo';
import { playVotes } from './seed/play-votes';
import { seedPastSession } from './seed/past-session';
import { seedSprintRecords } from './seed/sprint-history';

export type AppModule = object;

export interface SandboxOptions {
  seed?: 'demo' | SeedData;
  /** Added to every Jira request (faults.set({latencyMs}) overrides it). */
  latencyMs?: number;
  /** NDJSON file for every Jira exchange (default: env SANDBOX_TRAFFIC_LOG). */
  trafficLog?: string;
  /** Seed the 3-vs-13 estimation round through the real resolvers (demo seed only; default true). */
  playVotes?: boolean;
  /** Seed a past refinement session of DEMO for the Session tab's history (demo seed only; default: as playVotes). */
  pastSession?: boolean;
  /** The app's entry module; default `import('../src/index')`. */
  loadApp?: () => Promise<AppModule>;
  manifest?: AppManifest;
  now?: () => Date;
  /** Log trigger failures to the console (default true). */
  logErrors?: boolean;
  /** Deliver every n-th async event twice (at least once delivery; default 0: never). */
  duplicateEvery?: number;
  /** Deliver those duplicates concurrently with the first delivery (default false: after it). */
  overlappingDuplicates?: boolean;
}

export interface InvokeOptions {
  /** Alias (ana, raj, …) or accountId of the user whose browser invokes. */
  accountId: string;
  /** Manifest module key; defaults to the issue panel (issueKey) or the project page (projectKey). */
  moduleKey?: string;
  issueKey?: string;
  projectKey?: string;
}

export interface FunctionCallOptions {
  /** Alias or accountId of the user the invocation runs for; omitted: no principal. */
  accountId?: string;
  /** The module that made Jira call the function (for the invocation's appContext). */
  moduleKey?: string;
}

export interface DeliveredEvent {
  event: ForgeEvent;
  functionKey: string;
  ok: boolean;
  error?: string;
  /** The handler returned an InvocationError: the event is delivered again (at most 4 times). */
  retryRequested?: boolean;
  /** Set on a redelivery: its `retryContext.retryCount`. */
  retryCount?: number;
}

const invocationErrorSchema = z.object({
  _retry: z.literal(true),
  retryOptions: z.object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown().optional() }).optional(),
});

export interface SuppressedEvent {
  event: ForgeEvent;
  /** The trigger that would have received it; null when no trigger listens to the event. */
  functionKey: string | null;
}

export interface Sandbox {
  readonly jira: JiraEmulator;
  readonly kvs: KvsEmulator;
  readonly faults: FaultController;
  readonly manifest: AppManifest;
  readonly cloudId: string;
  readonly siteUrl: string;
  /** Calls the resolver exactly as Forge would for a Custom UI `invoke(functionKey, payload)`. */
  invoke<T = unknown>(functionKey: string, payload: unknown, options: InvokeOptions): Promise<T>;
  /** Like invoke, with the module and user taken from a frame the host built. */
  invokeFromFrame<T = unknown>(functionKey: string, payload: unknown, frame: FrameContext): Promise<T>;
  /**
   * Calls a manifest `function` as Forge calls plain function handlers: `handler(payload, context)`,
   * context `{ installContext, principal? }` (function-reference/arguments), as `accountId` when given.
   */
  invokeFunction<T = unknown>(functionKey: string, payload: unknown, options?: FunctionCallOptions): Promise<T>;
  /**
   * What Jira does for a collapsed issue context: calls the module's `dynamicProperties` function with the
   * documented payload for the issue, as the viewing user. Null when the module declares none.
   */
  dynamicProperties<T = unknown>(options: { issueKey: string; accountId: string; moduleKey?: string }): Promise<T | null>;
  /** Waits until every queued event, and any event its handler causes, has been processed. */
  settle(): Promise<void>;
  /** The app's async events queue (`@forge/events`): deliveries, duplicates, retries. */
  readonly asyncQueue: AsyncQueue;
  /** Forge Realtime: resolvers' publishes, delivered to the frames subscribed to the channel. */
  readonly realtime: RealtimeHub;
  /**
   * The clock latency, queue delays and consumer time limits run on (default real time). Tests and
   * the bench pass a virtual clock so Retry-After and delayInSeconds cost no wall time.
   */
  setClock(clock: QueueClock | null): void;
  readonly deliveredEvents: DeliveredEvent[];
  readonly suppressedEvents: SuppressedEvent[];
  /** Human-caused events no trigger listens to. */
  readonly unsubscribedEvents: ForgeEvent[];
  /** Delivers an event again to its triggers (idempotency tests); resolves once processed. */
  replay(event: ForgeEvent): Promise<void>;
  /** Runs a scheduled trigger by its key or function key ("rescore-daily"). */
  runScheduled(key: string): Promise<void>;
  /** Jira calls by "METHOD /template" since the last reset. */
  jiraCalls(): Record<string, number>;
  resetCounters(): void;
  /** accountId for an alias ("ana") or accountId. */
  accountId(aliasOrId: string): string;
  moduleFor(params: { moduleKey?: string; issueKey?: string; projectKey?: string }): { key: string; type: UiModuleType };
  /** The imported app module (after the first invoke/trigger). */
  app(): Promise<AppModule>;
}

type Handler = (...args: unknown[]) => unknown;
const isHandler = (value: unknown): value is Handler => typeof value === 'function';

const noopMetric = { incr: () => undefined, decr: () => undefined, stop: () => undefined };
const metrics = {
  counter: () => noopMetric,
  gauge: () => ({ set: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
};

function installRuntimeGlobal(params: { appId: string; cloudId: string }) {
  const runtime = {
    proxy: { token: 'sandbox-token', url: 'http://sandbox.invalid' },
    metrics,
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
    externalAuth: [],
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    get appContext() {
      const scope = currentScope();
      return {
        appId: params.appId,
        appVersion: '1.0.0',
        environmentId: 'sandbox',
        environmentType: 'DEVELOPMENT',
        invocationId: scope?.invocationId ?? 'none',
        installationId: `sandbox-${params.cloudId}`,
        moduleKey: scope?.moduleKey ?? '',
        license: undefined,
        installation: undefined,
        permissions: { scopes: [], external: {} },
      };
    },
  };
  Reflect.set(globalThis, '__forge_runtime__', runtime);
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed === undefined || options.seed === 'demo' ? demoSeed() : options.seed;
  const manifest = options.manifest ?? loadManifest();
  const jira = createJiraEmulator({ seed, ...(options.now ? { now: options.now } : {}) });
  const kvs = createKvs(options.now ? { now: () => options.now!().getTime() } : {});
  // The app's records of DEMO Sprints 10–12 (readiness at start, done at close) for the Health tab.
  if (options.seed === undefined || options.seed === 'demo') seedSprintRecords(kvs, jira.site);
  if ((options.seed === undefined || options.seed === 'demo') && (options.pastSession ?? options.playVotes ?? true)) seedPastSession(kvs, jira.site, options.now ? options.now() : new Date());
  const faults = createFaults();
  const counts = new Map<string, number>();
  const traffic = createTrafficLog(options.trafficLog ?? process.env.SANDBOX_TRAFFIC_LOG);
  const logErrors = options.logErrors ?? true;

  const realClock: QueueClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
  let clock: QueueClock = realClock;
  let asyncQueue: AsyncQueue | null = null;
  const realtime = createRealtimeHub();
  const queueProxy = { publish: (body: unknown) => (asyncQueue ? asyncQueue.publish(body) : { status: 500, body: { message: 'queue not ready' } }) };
  Reflect.set(
    globalThis,
    '__forge_fetch__',
    createForgeFetch({ jira, kvs, faults, traffic, counts, baseLatencyMs: () => options.latencyMs ?? 0, asyncQueue: queueProxy, realtime, sleep: (ms) => clock.sleep(ms) }),
  );
  installRuntimeGlobal({ appId: manifest.appId, cloudId: seed.cloudId });

  // @forge/kvs picks its fetch client at import time: import the app only after the globals exist.
  let appPromise: Promise<AppModule> | null = null;
  const app = () => (appPromise ??= options.loadApp ? options.loadApp() : import('../src/index'));
  const handlerOf = async (exportName: string): Promise<Handler> => {
    const handler: unknown = Reflect.get(await app(), exportName);
    if (!isHandler(handler)) throw new Error(`src/index.ts does not export a function "${exportName}"`);
    return handler;
  };

  const deliveredEvents: DeliveredEvent[] = [];
  const suppressedEvents: SuppressedEvent[] = [];
  const unsubscribedEvents: ForgeEvent[] = [];
  const installContext = installContextOf(jira.site);

  const queue = createEventQueue<{ event: ForgeEvent; binding: TriggerBinding }>(
    async ({ event, binding }, retryContext) => {
      const retry = retryContext ? { retryCount: retryContext.retryCount } : {};
      try {
        const handler = await handlerOf(binding.exportName);
        // product_events "Retry": a retried event carries `retryContext` {retryCount, retryReason, retryData}.
        const payload = { ...event, context: { cloudId: seed.cloudId, moduleKey: binding.key }, ...(retryContext ? { retryContext } : {}) };
        const result = await runInScope({ kind: 'trigger', moduleKey: binding.key, accountId: undefined }, async () =>
          await handler(structuredClone(payload), { installContext, principal: undefined }),
        );
        // A returned InvocationError (`{_retry: true, retryOptions}`) asks for the event again.
        const asked = invocationErrorSchema.safeParse(result);
        if (asked.success) {
          deliveredEvents.push({ event, functionKey: binding.functionKey, ok: false, error: 'retry requested', retryRequested: true, ...retry });
          const options = asked.data.retryOptions;
          return { retryAfterSeconds: options?.retryAfter ?? 1, retryReason: options?.retryReason ?? 'FUNCTION_RETRY_REQUEST', retryData: options?.retryData };
        }
        deliveredEvents.push({ event, functionKey: binding.functionKey, ok: true, ...retry });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (logErrors) console.error(`[sandbox] trigger ${binding.functionKey} failed on ${event.eventType}: ${message}`);
        deliveredEvents.push({ event, functionKey: binding.functionKey, ok: false, error: message, ...retry });
      }
      return undefined;
    },
    { clock: () => clock },
  );

  asyncQueue = createAsyncQueue({
    consumers: (manifest.consumers ?? []).map((consumer) => ({ queue: consumer.queue, moduleKey: consumer.key, exportName: consumer.exportName, timeoutSeconds: consumer.timeoutSeconds })),
    clock: () => clock,
    duplicateEvery: options.duplicateEvery ?? 0,
    overlappingDuplicates: options.overlappingDuplicates ?? false,
    logErrors,
    invoke: async (binding, event) => {
      const handler = await handlerOf(binding.exportName);
      return runInScope({ kind: 'trigger', moduleKey: binding.moduleKey, accountId: undefined }, async () => await handler(event, { installContext, principal: undefined }));
    },
  });
  const queues = asyncQueue;
  /** Product events and async events until both are quiet (a consumer's writes raise events, a trigger pushes jobs). */
  const settleAll = async () => {
    for (;;) {
      await queue.settle();
      if (!(await queues.drain())) break;
    }
    await queue.settle();
  };

  const dispatch = (event: ForgeEvent, selfGenerated: boolean) => {
    const bindings = manifest.triggers.filter((binding) => binding.events.includes(event.eventType));
    if (bindings.length === 0) {
      if (selfGenerated) suppressedEvents.push({ event, functionKey: null });
      else unsubscribedEvents.push(event);
      return;
    }
    for (const binding of bindings) {
      if (selfGenerated && binding.ignoreSelf) suppressedEvents.push({ event, functionKey: binding.functionKey });
      else queue.enqueue({ event, binding });
    }
  };
  jira.onEvent(({ event, selfGenerated }) => dispatch(event, selfGenerated));

  const accountId = (aliasOrId: string): string => {
    const user = userByAliasOrId(jira.site, aliasOrId);
    if (!user) throw new Error(`Unknown user "${aliasOrId}"`);
    return user.accountId;
  };

  const moduleFor: Sandbox['moduleFor'] = ({ moduleKey, issueKey, projectKey }) => {
    const found = moduleKey
      ? manifest.uiModules.find((module) => module.key === moduleKey)
      : manifest.uiModules.find((module) => module.type === (issueKey ? 'jira:issuePanel' : projectKey ? 'jira:projectPage' : ''));
    if (!found) throw new Error(`No UI module ${moduleKey ?? '(default)'} in the manifest`);
    return { key: found.key, type: found.type };
  };

  // A frame on an issue is in that issue's project (the realtime channel context needs both).
  const projectKeyOf = (frame: FrameContext): string | undefined => frame.projectKey ?? (frame.issueKey ? findIssue(jira.site, frame.issueKey)?.projectKey : undefined);

  const invokeFromFrame = async <T>(functionKey: string, payload: unknown, frame: FrameContext): Promise<T> => {
    const handler = await handlerOf(manifest.resolverExport);
    const { request, invocation } = resolverRequest({ site: jira.site, appId: manifest.appId, frame, functionKey, payload: toJson(payload ?? {}) });
    const result = await runInScope({ kind: 'resolver', moduleKey: frame.moduleKey, accountId: frame.accountId, issueKey: frame.issueKey, projectKey: projectKeyOf(frame) }, async () => await handler(request, invocation));
    // Forge serialises resolver results to JSON on the way to the browser.
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };

  const invokeFunction = async <T>(functionKey: string, payload: unknown, callOptions: FunctionCallOptions = {}): Promise<T> => {
    const declared = manifest.functions.find((entry) => entry.key === functionKey);
    if (!declared) throw new Error(`No function "${functionKey}" in the manifest`);
    const handler = await handlerOf(declared.exportName);
    const principal = callOptions.accountId === undefined ? undefined : { accountId: accountId(callOptions.accountId) };
    const context = { installContext, ...(principal ? { principal } : {}) };
    const result = await runInScope({ kind: 'function', moduleKey: callOptions.moduleKey ?? functionKey, accountId: principal?.accountId }, async () =>
      await handler(structuredClone(payload), context),
    );
    // Forge hands the result to the product as JSON.
    return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
  };

  const dynamicProperties: Sandbox['dynamicProperties'] = async <T>(params: { issueKey: string; accountId: string; moduleKey?: string }) => {
    const module = manifest.uiModules.find((candidate) => candidate.type === 'jira:issueContext' && (params.moduleKey === undefined || candidate.key === params.moduleKey));
    if (!module) throw new Error(`No jira:issueContext module ${params.moduleKey ?? ''} in the manifest`);
    if (!module.dynamicProperties) return null;
    const viewer = accountId(params.accountId);
    const payload = dynamicPropertiesPayload({ site: jira.site, frame: { moduleKey: module.key, moduleType: module.type, accountId: viewer, issueKey: params.issueKey } });
    return invokeFunction<T>(module.dynamicProperties.functionKey, payload, { accountId: viewer, moduleKey: module.key });
  };

  const sandbox: Sandbox = {
    jira,
    kvs,
    faults,
    manifest,
    cloudId: seed.cloudId,
    siteUrl: seed.siteUrl,
    invoke: (functionKey, payload, invokeOptions) => {
      const module = moduleFor(invokeOptions);
      return invokeFromFrame(functionKey, payload, {
        moduleKey: module.key,
        moduleType: module.type,
        accountId: accountId(invokeOptions.accountId),
        issueKey: invokeOptions.issueKey,
        projectKey: invokeOptions.projectKey,
      });
    },
    invokeFromFrame,
    invokeFunction,
    dynamicProperties,
    settle: settleAll,
    asyncQueue: queues,
    realtime,
    setClock(next) {
      clock = next ?? realClock;
    },
    deliveredEvents,
    suppressedEvents,
    unsubscribedEvents,
    async replay(event) {
      dispatch(structuredClone(event), false);
      await settleAll();
    },
    async runScheduled(key) {
      const binding = manifest.scheduled.find((entry) => entry.key === key || entry.functionKey === key);
      if (!binding) throw new Error(`No scheduled trigger "${key}" in the manifest`);
      const handler = await handlerOf(binding.exportName);
      await runInScope({ kind: 'scheduled', moduleKey: binding.key, accountId: undefined }, async () => {
        await handler({ context: { cloudId: seed.cloudId, moduleKey: binding.key } }, { installContext, principal: undefined });
      });
      await settleAll();
    },
    jiraCalls: () => Object.fromEntries(counts),
    resetCounters: () => counts.clear(),
    accountId,
    moduleFor,
    app,
  };

  if ((options.seed === undefined || options.seed === 'demo') && (options.playVotes ?? true)) await playVotes(sandbox);
  return sandbox;
}

export type { FrameContext, Json };
