/**
 * A small stand-in for the Forge runtime in unit tests: installs `global.__forge_fetch__`, which
 * both `@forge/api` (requestJira) and `@forge/kvs` call, and answers with scripted Jira responses
 * and a Map-backed KVS speaking the /api/v1/* protocol. The full emulator lives in sandbox/.
 */
export interface JiraRequest {
  meta: { type?: string; provider?: string; remote?: string; accountId?: string };
  method: string;
  /** Path with query, exactly as @forge/api sent it. */
  path: string;
  url: URL;
  body: unknown;
  /** The fetch `redirect` option, when the app set one. */
  redirect?: string;
}

type Responder = (request: JiraRequest) => Response | Promise<Response>;
type PathMatcher = string | RegExp;

interface KvsEntry {
  value: unknown;
  options: unknown;
}

export interface FakeForge {
  jiraRequests: JiraRequest[];
  kvsRequests: { path: string; body: unknown }[];
  kvs: Map<string, KvsEntry>;
  /** Answers every matching request with `respond` (later registrations win). */
  onJira(method: string, path: PathMatcher, respond: Responder | Response): void;
  /** Answers the next matching requests with these responses, one each, before any onJira handler. */
  queueJira(method: string, path: PathMatcher, ...responses: Response[]): void;
  /** Makes the next `times` calls to a KVS endpoint (e.g. '/api/v1/batch/get') fail with 429. */
  failKvs(path: string, times: number): void;
  uninstall(): void;
}

export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const text = body === undefined ? null : JSON.stringify(body);
  return new Response(status === 204 ? null : text, {
    status,
    headers: { ...(text === null ? {} : { 'content-type': 'application/json' }), ...headers },
  });
}

export function installFakeForgeFetch(): FakeForge {
  const handlers: { method: string; path: PathMatcher; respond: Responder }[] = [];
  const queued: { method: string; path: PathMatcher; response: Response }[] = [];
  const kvsFailures = new Map<string, number>();
  const fake: FakeForge = {
    jiraRequests: [],
    kvsRequests: [],
    kvs: new Map(),
    onJira(method, path, respond) {
      const responder: Responder = typeof respond === 'function' ? respond : () => respond.clone();
      handlers.unshift({ method, path, respond: responder });
    },
    queueJira(method, path, ...responses) {
      queued.push(...responses.map((response) => ({ method, path, response })));
    },
    failKvs(path, times) {
      kvsFailures.set(path, times);
    },
    uninstall() {
      Reflect.deleteProperty(globalThis, '__forge_fetch__');
    },
  };

  const forgeFetch = async (meta: JiraRequest['meta'], path: string, init?: RequestInit): Promise<Response> => {
    const body = parseBody(init?.body);
    if (meta.type === 'kvs') {
      fake.kvsRequests.push({ path, body });
      const failures = kvsFailures.get(path) ?? 0;
      if (failures > 0) {
        kvsFailures.set(path, failures - 1);
        return jsonResponse(429, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' });
      }
      return answerKvs({ store: fake.kvs, path, body });
    }
    const request: JiraRequest = { meta, method: init?.method ?? 'GET', path, url: new URL(path, 'https://fake.atlassian.net'), body, ...(init?.redirect ? { redirect: init.redirect } : {}) };
    fake.jiraRequests.push(request);
    const queuedIndex = queued.findIndex((entry) => matches({ entry, request }));
    if (queuedIndex >= 0) {
      const [entry] = queued.splice(queuedIndex, 1);
      return entry!.response;
    }
    const handler = handlers.find((entry) => matches({ entry, request }));
    if (handler) return handler.respond(request);
    return jsonResponse(404, { errorMessages: [`fake Jira has no handler for ${request.method} ${path}`] });
  };
  Reflect.set(globalThis, '__forge_fetch__', forgeFetch);
  return fake;
}

function matches(params: { entry: { method: string; path: PathMatcher }; request: JiraRequest }): boolean {
  const { entry, request } = params;
  if (entry.method !== request.method) return false;
  return typeof entry.path === 'string' ? request.url.pathname === entry.path : entry.path.test(request.path);
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' || body === '') return undefined;
  return JSON.parse(body) as unknown;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The subset of the Forge KVS protocol @forge/kvs uses for get/set/delete/query/batch. */
function answerKvs(params: { store: Map<string, KvsEntry>; path: string; body: unknown }): Response {
  const { store, path } = params;
  const body = record(params.body);
  const key = typeof body.key === 'string' ? body.key : '';
  const notFound = () => jsonResponse(404, { code: 'KEY_NOT_FOUND', message: `No value for ${key}` });
  switch (path) {
    case '/api/v1/get': {
      const entry = store.get(key);
      return entry ? jsonResponse(200, { key, value: entry.value }) : notFound();
    }
    case '/api/v1/set': {
      const options = record(body.options);
      if (options.keyPolicy === 'FAIL_IF_EXISTS' && store.has(key)) {
        return jsonResponse(409, { code: 'KEY_CONFLICT', message: `${key} already exists` });
      }
      store.set(key, { value: body.value, options: body.options });
      return new Response(null, { status: 200 });
    }
    case '/api/v1/delete':
      store.delete(key);
      return new Response(null, { status: 200 });
    case '/api/v1/query':
      return answerQuery({ store, body });
    case '/api/v1/batch/get': {
      const items = Array.isArray(params.body) ? params.body.map(record) : [];
      const keys = items.map((item) => String(item.key));
      return jsonResponse(200, {
        successfulKeys: keys.filter((k) => store.has(k)).map((k) => ({ key: k, value: store.get(k)!.value })),
        failedKeys: keys.filter((k) => !store.has(k)).map((k) => ({ key: k, error: { code: 'KEY_NOT_FOUND', message: 'not found' } })),
      });
    }
    default:
      return jsonResponse(400, { code: 'UNSUPPORTED', message: `fake KVS does not implement ${path}` });
  }
}

function answerQuery(params: { store: Map<string, KvsEntry>; body: Record<string, unknown> }): Response {
  const where = Array.isArray(params.body.where) ? params.body.where.map(record) : [];
  const prefixes = where.filter((clause) => clause.condition === 'BEGINS_WITH').map((clause) => String((clause.values as unknown[])[0]));
  const keys = [...params.store.keys()].filter((key) => prefixes.every((prefix) => key.startsWith(prefix))).sort();
  const limit = typeof params.body.limit === 'number' ? params.body.limit : 10;
  const start = typeof params.body.after === 'string' ? Number(params.body.after) : 0;
  const page = keys.slice(start, start + limit);
  const next = start + page.length;
  return jsonResponse(200, {
    data: page.map((key) => ({ key, value: params.store.get(key)!.value })),
    ...(next < keys.length ? { cursor: String(next) } : {}),
  });
}
