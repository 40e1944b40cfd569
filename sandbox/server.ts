/**
 * The sandbox web server: Jira-like host pages, the built Custom UI apps under Forge's CSP
 * with the bridge stub, the trusted `/__sandbox/invoke` host endpoint and human actions.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { browserContext, type FrameContext } from './forge/forge-context';
import { PROJECT_ROOT, type UiModule } from './forge/manifest';
import type { SiteUser } from './jira/model';
import { toJson } from './jira/http';
import { canBrowse, findIssue, userByAliasOrId } from './jira/site';
import type { Sandbox } from './runtime';
import { escapeHtml } from './server/adf-html';
import { homePage, issuePage, notFoundPage, type PageUser, projectModulePage, sessionDuoPage } from './server/pages';

export const FORGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

const PUBLIC_DIR = path.join(__dirname, 'public');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type Reply = { status: number; headers: Record<string, string>; body: string | Buffer };

const html = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
const jsonReply = (status: number, body: unknown): Reply => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

const frameSchema = z.object({ module: z.string(), issue: z.string().nullish(), project: z.string().nullish(), as: z.string() });
const invokeSchema = z.object({ functionKey: z.string(), payload: z.unknown().optional(), frame: frameSchema });

/**
 * A `dynamicProperties` answer as Jira reads it: manifest-reference/modules/jira-issue-context,
 * "Dynamic properties", "Status properties" and "Status value properties". Anything else (or a throw)
 * and Jira keeps the manifest's own `status` — none here, so nothing is shown.
 */
const issueContextStatusSchema = z.object({
  status: z.object({
    type: z.enum(['badge', 'lozenge', 'icon']),
    value: z.object({
      label: z.string(),
      url: z.string().optional(),
      type: z.enum(['default', 'inprogress', 'moved', 'new', 'removed', 'success']).optional(),
    }),
  }),
});

/** Injects the bridge stub as the first element of <head>: an external script, never inline. */
export function injectBridge(indexHtml: string): string {
  const tag = '<script src="/__sandbox/bridge-stub.js"></script>';
  return /<head[^>]*>/i.test(indexHtml) ? indexHtml.replace(/<head[^>]*>/i, (head) => `${head}${tag}`) : `${tag}${indexHtml}`;
}

export function startServer(options: { port?: number; host?: string; sandbox: Sandbox }): Promise<RunningServer> {
  const { sandbox } = options;
  const site = sandbox.jira.site;
  const modules = sandbox.manifest.uiModules;
  const moduleOfType = (type: UiModule['type']) => modules.find((module) => module.type === type);

  const viewerOf = (url: URL): PageUser | null => {
    const user: SiteUser | undefined = userByAliasOrId(site, url.searchParams.get('as') ?? 'ana');
    if (!user) return null;
    return { user, theme: url.searchParams.get('theme') === 'dark' ? 'dark' : 'light' };
  };

  const frameFrom = (raw: z.infer<typeof frameSchema>): FrameContext => {
    const module = modules.find((candidate) => candidate.key === raw.module);
    if (!module) throw new Error(`Unknown module ${raw.module}`);
    return { moduleKey: module.key, moduleType: module.type, accountId: sandbox.accountId(raw.as), issueKey: raw.issue ?? undefined, projectKey: raw.project ?? undefined };
  };

  const serveUi = (pathname: string): Reply => {
    const [, , app = '', ...rest] = pathname.split('/');
    const module = modules.find((candidate) => candidate.app === app);
    const buildDir = path.resolve(PROJECT_ROOT, module?.resourcePath ?? `static/${app}/build`);
    const relative = decodeURIComponent(rest.join('/') || 'index.html');
    const file = path.resolve(buildDir, relative);
    const csp = { 'content-security-policy': FORGE_CSP };
    if (!file.startsWith(buildDir + path.sep)) return { status: 403, headers: csp, body: 'Forbidden' };
    if (!existsSync(path.join(buildDir, 'index.html'))) {
      return { status: 404, headers: { ...csp, 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UI not built</title></head><body><h1>UI not built: run npm run build</h1><p>${escapeHtml(path.relative(PROJECT_ROOT, buildDir))}/index.html is missing.</p></body></html>` };
    }
    if (!existsSync(file) || !statSync(file).isFile()) return { status: 404, headers: csp, body: 'Not found' };
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    const body = relative === 'index.html' ? injectBridge(readFileSync(file, 'utf8')) : readFileSync(file);
    return { status: 200, headers: { ...csp, 'content-type': type, 'cache-control': 'no-cache' }, body };
  };

  const servePublic = (name: string): Reply => {
    const file = path.join(PUBLIC_DIR, path.basename(name));
    if (!existsSync(file)) return { status: 404, headers: {}, body: 'Not found' };
    return { status: 200, headers: { 'content-type': MIME[path.extname(file)] ?? 'text/plain', 'cache-control': 'no-cache' }, body: readFileSync(file) };
  };

  const actions: Record<string, (body: unknown) => unknown> = {
    'move-to-sprint': (body) => {
      const input = z.object({ issueKey: z.string(), sprintId: z.union([z.number(), z.string(), z.null()]).optional() }).parse(body);
      const sprintId = input.sprintId === null || input.sprintId === undefined || input.sprintId === '' ? null : Number(input.sprintId);
      sandbox.jira.moveIssueToSprint(input.issueKey, sprintId, actorOf(body));
    },
    'start-sprint': (body) => sandbox.jira.startSprint(z.object({ sprintId: z.coerce.number() }).parse(body).sprintId, actorOf(body)),
    'complete-sprint': (body) => sandbox.jira.completeSprint(z.object({ sprintId: z.coerce.number() }).parse(body).sprintId, actorOf(body)),
    'create-sprint': (body) => {
      const input = z.object({ boardId: z.coerce.number(), name: z.string(), goal: z.string().optional() }).parse(body);
      return sandbox.jira.createSprint(input, actorOf(body));
    },
    'edit-issue': (body) => {
      const input = z
        .object({
          issueKey: z.string(),
          summary: z.string().optional(),
          description: z.unknown().optional(),
          storyPoints: z.union([z.number(), z.string(), z.null()]).optional(),
          labels: z.array(z.string()).optional(),
          status: z.string().optional(),
        })
        .parse(body);
      const { issueKey, description, ...rest } = input;
      sandbox.jira.editIssue(issueKey, { ...rest, ...(description !== undefined ? { description: toJson(description) } : {}) }, actorOf(body));
    },
    'create-issue': (body) => {
      const input = z.object({ projectKey: z.string(), type: z.string(), summary: z.string(), storyPoints: z.number().nullable().optional(), sprintId: z.number().nullable().optional() }).parse(body);
      return sandbox.jira.createIssue(input, actorOf(body));
    },
    'rank-issue': (body) => {
      const input = z.object({ issueKey: z.string(), before: z.string().optional(), after: z.string().optional() }).parse(body);
      sandbox.jira.rankIssue(input.issueKey, { ...(input.before ? { before: input.before } : {}), ...(input.after ? { after: input.after } : {}) }, actorOf(body));
    },
    'link-issues': (body) => sandbox.jira.linkIssues(z.object({ type: z.string(), source: z.string(), destination: z.string() }).parse(body), actorOf(body)),
    'delete-link': (body) => sandbox.jira.deleteLink(z.object({ linkId: z.string() }).parse(body).linkId, actorOf(body)),
  };
  const actorOf = (body: unknown): string => {
    const as: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'as') : undefined;
    return sandbox.accountId(typeof as === 'string' ? as : 'ana');
  };

  async function route(request: IncomingMessage): Promise<Reply> {
    const url = new URL(request.url ?? '/', 'http://sandbox.local');
    const method = request.method ?? 'GET';
    const { pathname } = url;

    if (pathname.startsWith('/ui/')) return serveUi(pathname);
    if (method === 'GET' && /^\/__sandbox\/[\w.-]+\.(js|css)$/.test(pathname)) return servePublic(pathname);
    // Browsers ask for it on every page; a 404 would be a console error in every e2e test.
    if (method === 'GET' && pathname === '/favicon.ico') return { status: 204, headers: { 'cache-control': 'max-age=86400' }, body: '' };

    if (method === 'POST' && pathname === '/__sandbox/invoke') {
      const input = invokeSchema.safeParse(await readBody(request));
      if (!input.success) return jsonReply(400, { message: 'Bad invoke request' });
      try {
        // The host, like Forge, builds the trusted context from the frame it rendered.
        const result = await sandbox.invokeFromFrame(input.data.functionKey, input.data.payload ?? {}, frameFrom(input.data.frame));
        return jsonReply(200, { result: result ?? null });
      } catch (error) {
        return jsonReply(500, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (method === 'POST' && pathname === '/__sandbox/dynamic-properties') {
      const input = frameSchema.safeParse(await readBody(request));
      if (!input.success || !input.data.issue) return jsonReply(400, { message: 'Bad dynamic properties request' });
      try {
        // Like Jira, the host names the issue on screen and the viewer; the function gets nothing else.
        const frame = frameFrom(input.data);
        const answer = await sandbox.dynamicProperties({ moduleKey: frame.moduleKey, issueKey: input.data.issue, accountId: frame.accountId });
        const parsed = issueContextStatusSchema.safeParse(answer);
        return jsonReply(200, parsed.success ? { status: parsed.data.status } : { status: null, problem: answer === null ? 'no dynamicProperties' : 'not a documented status' });
      } catch (error) {
        // 200 on purpose: the page shows no status (as Jira does), and the browser logs no failed request.
        return jsonReply(200, { status: null, problem: error instanceof Error ? error.message : String(error) });
      }
    }
    if (method === 'GET' && pathname === '/__sandbox/context') {
      const input = frameSchema.safeParse({
        module: url.searchParams.get('module'),
        issue: url.searchParams.get('issue'),
        project: url.searchParams.get('project'),
        as: url.searchParams.get('as'),
      });
      if (!input.success) return jsonReply(400, { message: 'Bad frame parameters' });
      try {
        const frame = frameFrom(input.data);
        const colorMode = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
        return jsonReply(200, browserContext({ site, appId: sandbox.manifest.appId, frame, colorMode }));
      } catch (error) {
        return jsonReply(404, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    const action = /^\/__sandbox\/actions\/([\w-]+)$/.exec(pathname);
    if (method === 'POST' && action) {
      const handler = actions[action[1] ?? ''];
      if (!handler) return jsonReply(404, { message: `Unknown action ${action[1] ?? ''}` });
      try {
        const result = handler(await readBody(request));
        await sandbox.settle();
        return jsonReply(200, { ok: true, result: result === undefined ? null : toJson(result) });
      } catch (error) {
        return jsonReply(400, { ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const rawIssue = /^\/__sandbox\/jira\/issue\/([\w-]+)$/.exec(pathname);
    if (method === 'GET' && rawIssue) {
      const snapshot = sandbox.jira.issueSnapshot(rawIssue[1] ?? '');
      return snapshot ? jsonReply(200, snapshot) : jsonReply(404, { message: 'No such issue' });
    }
    if (method === 'GET' && pathname === '/__sandbox/events') {
      return jsonReply(200, { delivered: sandbox.deliveredEvents, suppressed: sandbox.suppressedEvents, unsubscribed: sandbox.unsubscribedEvents });
    }
    if (method === 'POST' && pathname === '/__sandbox/settle') {
      await sandbox.settle();
      return jsonReply(200, { ok: true });
    }
    if (method === 'GET' && pathname === '/__sandbox/jira-calls') return jsonReply(200, sandbox.jiraCalls());

    if (method !== 'GET') return html(405, notFoundPage('Method not allowed'));
    const viewer = viewerOf(url);
    if (!viewer) return html(404, notFoundPage(`Unknown user "${url.searchParams.get('as') ?? ''}"`));
    if (pathname === '/') return html(200, homePage({ site, viewer }));
    const browse = /^\/browse\/([\w-]+)$/.exec(pathname);
    if (browse) {
      const key = (browse[1] ?? '').toUpperCase();
      const page = issuePage({
        site,
        viewer,
        key,
        panel: moduleOfType('jira:issuePanel'),
        badge: moduleOfType('jira:issueContext'),
        estimationFieldId: sandbox.jira.estimationFieldFor(key.split('-')[0] ?? ''),
      });
      return page ? html(200, page) : html(404, notFoundPage(`Issue ${key} does not exist or you do not have permission to see it.`));
    }
    const projectPage = /^\/projects\/([\w-]+)\/(agenda|settings)$/.exec(pathname);
    if (projectPage) {
      const kind = projectPage[2] === 'settings' ? 'settings' : 'agenda';
      const page = projectModulePage({
        site,
        viewer,
        projectKey: projectPage[1] ?? '',
        kind,
        module: moduleOfType(kind === 'settings' ? 'jira:projectSettingsPage' : 'jira:projectPage'),
      });
      return page ? html(200, page) : html(404, notFoundPage('Project not found or not visible to you.'));
    }
    const duo = /^\/projects\/([\w-]+)\/session-duo$/.exec(pathname);
    if (duo) {
      // ?left=ana&right=raj by default: Ana facilitates, Raj follows.
      const left = userByAliasOrId(site, url.searchParams.get('left') ?? 'ana');
      const right = userByAliasOrId(site, url.searchParams.get('right') ?? 'raj');
      const page = left && right ? sessionDuoPage({ site, viewer, projectKey: duo[1] ?? '', module: moduleOfType('jira:projectPage'), left, right }) : null;
      return page ? html(200, page) : html(404, notFoundPage('Project not found, or one of the two users cannot see it.'));
    }
    return html(404, notFoundPage(`No page at ${pathname}`));
  }

  /**
   * Forge Realtime delivery to framed pages (apis-reference/ui-api-bridge/realtime "subscribe"): the
   * bridge stub opens one server-sent-events stream per `realtime.subscribe()`, named by the frame it
   * runs in (the channel context, realtime/authorizing-realtime-channels); every event published to
   * that channel in that context is written to the stream. Same origin, no inline script: Forge's
   * CSP (`connect-src 'self'`) allows it. A frame of a project the user cannot browse gets 403, as
   * Forge enforces "the user's product permissions for the context properties".
   */
  const openRealtimeStream = (request: IncomingMessage, response: ServerResponse, url: URL): void => {
    const input = frameSchema.safeParse({ module: url.searchParams.get('module'), issue: url.searchParams.get('issue'), project: url.searchParams.get('project'), as: url.searchParams.get('as') });
    const channel = url.searchParams.get('channel') ?? '';
    if (!input.success || channel === '' || channel.length > 128) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad realtime subscription');
      return;
    }
    let frame: FrameContext;
    let projectKey: string | undefined;
    try {
      frame = frameFrom(input.data);
      const issue = frame.issueKey ? findIssue(site, frame.issueKey) : undefined;
      if (frame.issueKey && !issue) throw new Error(`No issue ${frame.issueKey}`);
      projectKey = issue?.projectKey ?? frame.projectKey?.toUpperCase();
    } catch (error) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      return;
    }
    if (projectKey && !canBrowse(site, { kind: 'user', accountId: frame.accountId }, projectKey)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('No permission for this channel context');
      return;
    }
    const overrides = url.searchParams.get('overrides');
    let unsubscribe: () => void;
    try {
      // A subscription needs a subscribe token for the channel (realtime-hub.ts, "Distinct subscriber and publisher roles").
      unsubscribe = sandbox.realtime.subscribe({
        channel,
        place: { moduleKey: frame.moduleKey, issueKey: frame.issueKey, projectKey },
        contextOverrides: overrides === null ? null : overrides.split(',').filter((name) => name !== ''),
        isGlobal: url.searchParams.get('global') === '1',
        token: url.searchParams.get('token'),
        subscriber: { deliver: (payload) => response.write(`data: ${payload.replace(/\n/g, ' ')}\n\n`) },
      });
    } catch (error) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': subscribed\n\n');
    // Proxies and browsers drop silent streams; a comment line every 20 s keeps it open.
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 20_000);
    request.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const streamUrl = new URL(request.url ?? '/', 'http://sandbox.local');
    if (request.method === 'GET' && streamUrl.pathname === '/__sandbox/realtime') {
      openRealtimeStream(request, response, streamUrl);
      return;
    }
    route(request)
      .then((reply) => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      })
      .catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : String(error));
      });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
