/**
 * Request/response types of the emulator and the helpers routes use to answer like Jira.
 */
import type { Json, JsonObject, Principal } from './model';
import type { Site } from './site';
import type { ForgeEvent } from './events';

export interface JiraRequest {
  method: string;
  /** Path with query string, as @forge/api sends it (`/rest/api/3/issue/DEMO-1?fields=summary`). */
  path: string;
  /** Parsed JSON body (undefined when none). */
  body?: unknown;
  principal: Principal;
}

export interface JiraResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON answered; null for empty bodies (204). */
  body: Json | null;
}

export interface RouteContext {
  site: Site;
  principal: Principal;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** Every REST write is the app's own write: the runtime marks it self-generated. */
  emit(event: ForgeEvent): void;
  now(): Date;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template as in Atlassian's specs: `/rest/api/3/issue/{issueIdOrKey}`. */
  template: string;
  handle(ctx: RouteContext): JiraResponse;
}

export const json = (status: number, body: Json | null, headers: Record<string, string> = {}): JiraResponse => ({
  status,
  headers: body === null ? headers : { 'content-type': 'application/json;charset=UTF-8', ...headers },
  body,
});

export const errorCollection = (status: number, errorMessages: string[], errors: Record<string, string> = {}): JiraResponse =>
  json(status, { errorMessages, errors });

export const notFoundIssue = (): JiraResponse => errorCollection(404, ['Issue does not exist or you do not have permission to see it.']);

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isObject(value)) {
    const out: JsonObject = {};
    // defineProperty: an own "__proto__" key (JSON.parse makes one) stays data, as after a JSON round trip.
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) Object.defineProperty(out, key, { value: toJson(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return null;
}

/** Integer query parameter with Jira's "must be a number" 400 on garbage. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number | JiraResponse {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) return errorCollection(400, [`The '${name}' parameter must be a non-negative integer.`]);
  return value;
}

/** Jira timestamps look like 2025-01-06T09:00:00.000+0000. */
export const jiraTimestamp = (date: Date): string => date.toISOString().replace('Z', '+0000');
