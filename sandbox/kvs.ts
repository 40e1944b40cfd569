/**
 * In-memory Forge KVS speaking the HTTP protocol @forge/kvs uses (/api/v1/get, /set, /query, …).
 * Non-OK answers carry `{code, message}` so the library raises ForgeKvsAPIError as in Forge.
 */
import { z } from 'zod';
import type { Json } from './jira/model';
import { toJson } from './jira/http';

export interface KvsResponse {
  status: number;
  body: Json | null;
}

interface Entry {
  value: Json;
  createdAt: number;
  updatedAt: number;
  expiresAt: number | null;
}

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const MAX_VALUE_BYTES = 240 * 1024;
const UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

const ttlSchema = z.object({ value: z.number().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const setOptions = z
  .object({
    ttl: ttlSchema.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(z.string()).optional(),
  })
  .optional();
const getBody = z.object({ key: z.string(), options: z.object({ metadataFields: z.array(z.string()).optional() }).optional() });
const setBody = z.object({ key: z.string(), value: z.unknown(), options: setOptions });
const deleteBody = z.object({ key: z.string() });
const queryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.union([z.string(), z.number(), z.boolean()])) })).optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});
const batchSetBody = z.array(z.object({ key: z.string(), value: z.unknown(), entityName: z.string().optional(), options: setOptions }));
const batchKeysBody = z.array(z.object({ key: z.string(), entityName: z.string().optional() }));
const transactionBody = z.object({
  set: z.array(z.object({ key: z.string(), value: z.unknown(), entityName: z.string().optional(), options: setOptions })).optional(),
  delete: z.array(z.object({ key: z.string(), entityName: z.string().optional() })).optional(),
  check: z.array(z.unknown()).optional(),
});

export interface KvsEmulator {
  handle(path: string, body: unknown): KvsResponse;
  /** Direct read for tests (ignores expired entries). */
  peek(key: string): Json | undefined;
  keys(): string[];
}

const error = (status: number, code: string, message: string): KvsResponse => ({ status, body: { code, message } });

export function createKvs(options: { now?: () => number } = {}): KvsEmulator {
  const now = options.now ?? (() => Date.now());
  const store = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry;
  };

  const metadata = (key: string, entry: Entry, fields: string[] | undefined): Record<string, Json> => ({
    key,
    value: entry.value,
    ...(fields?.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
    ...(fields?.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
    ...(fields?.includes('EXPIRE_TIME') && entry.expiresAt !== null ? { expireTime: new Date(entry.expiresAt).toISOString() } : {}),
  });

  const validateKey = (key: string): KvsResponse | null =>
    key.length === 0 || key.length > 500 || !KEY_PATTERN.test(key) ? error(400, 'INVALID_KEY', `The key '${key}' is not valid.`) : null;

  /** Writes one key; returns an error response or the entry that was there before. */
  const write = (key: string, rawValue: unknown, opts: z.infer<typeof setOptions>): KvsResponse | { previous: Entry | undefined; entry: Entry } => {
    const invalid = validateKey(key);
    if (invalid) return invalid;
    if (rawValue === undefined) return error(400, 'INVALID_VALUE', 'The value must not be undefined.');
    const value = toJson(rawValue);
    if (Buffer.byteLength(JSON.stringify(value)) > MAX_VALUE_BYTES) return error(413, 'VALUE_TOO_LARGE', `The value for key '${key}' exceeds the maximum size of 240 KiB.`);
    const previous = live(key);
    if (opts?.keyPolicy === 'FAIL_IF_EXISTS' && previous) return error(409, 'KEY_ALREADY_EXISTS', `The key '${key}' already exists.`);
    const at = now();
    const entry: Entry = {
      value,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
      expiresAt: opts?.ttl ? at + opts.ttl.value * UNIT_MS[opts.ttl.unit] : null,
    };
    store.set(key, entry);
    return { previous, entry };
  };

  const handlers: Record<string, (body: unknown) => KvsResponse> = {
    '/api/v1/get': (body) => {
      const parsed = getBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid get request.');
      const entry = live(parsed.data.key);
      if (!entry) return error(404, 'KEY_NOT_FOUND', `The key '${parsed.data.key}' was not found.`);
      return { status: 200, body: metadata(parsed.data.key, entry, parsed.data.options?.metadataFields ?? ['CREATED_AT', 'UPDATED_AT']) };
    },
    '/api/v1/set': (body) => {
      const parsed = setBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid set request.');
      const result = write(parsed.data.key, parsed.data.value, parsed.data.options);
      if ('status' in result) return result;
      const returnValue = parsed.data.options?.returnValue;
      if (!returnValue) return { status: 200, body: null };
      const chosen = returnValue === 'PREVIOUS' ? result.previous : result.entry;
      if (!chosen) return { status: 200, body: null };
      return { status: 200, body: metadata(parsed.data.key, chosen, parsed.data.options?.returnMetadataFields) };
    },
    '/api/v1/delete': (body) => {
      const parsed = deleteBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid delete request.');
      store.delete(parsed.data.key);
      return { status: 204, body: null };
    },
    '/api/v1/query': (body) => {
      const parsed = queryBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid query request.');
      const limit = parsed.data.limit ?? 10;
      if (limit < 1 || limit > 100) return error(400, 'INVALID_LIMIT', 'The limit must be between 1 and 100.');
      const conditions = parsed.data.where ?? [];
      const unsupported = conditions.find((where) => where.property !== 'key' || !['BEGINS_WITH', 'EQUAL_TO', 'BETWEEN', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO'].includes(where.condition));
      if (unsupported) return error(400, 'INVALID_WHERE', `Unsupported where condition ${unsupported.condition} on ${unsupported.property}.`);
      let after = '';
      if (parsed.data.after) {
        try {
          after = Buffer.from(parsed.data.after, 'base64url').toString('utf8');
        } catch {
          return error(400, 'INVALID_CURSOR', 'The cursor is not valid.');
        }
      }
      const matches = (key: string) =>
        conditions.every((where) => {
          const [first, second] = where.values.map(String);
          switch (where.condition) {
            case 'BEGINS_WITH':
              return key.startsWith(first ?? '');
            case 'EQUAL_TO':
              return key === first;
            case 'BETWEEN':
              return key >= (first ?? '') && key <= (second ?? '');
            case 'GREATER_THAN':
              return key > (first ?? '');
            case 'GREATER_THAN_EQUAL_TO':
              return key >= (first ?? '');
            case 'LESS_THAN':
              return key < (first ?? '');
            default:
              return key <= (first ?? '');
          }
        });
      const keys = [...store.keys()].filter((key) => live(key) && matches(key) && key > after).sort();
      const page = keys.slice(0, limit);
      const fields = parsed.data.options?.metadataFields;
      const data = page.map((key) => {
        const entry = live(key)!;
        return { key, value: entry.value, ...(fields?.includes('CREATED_AT') ? { createdAt: entry.createdAt } : {}), ...(fields?.includes('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}) };
      });
      const last = page[page.length - 1];
      return { status: 200, body: { data, ...(keys.length > limit && last ? { cursor: Buffer.from(last).toString('base64url') } : {}) } };
    },
    '/api/v1/batch/set': (body) => {
      const parsed = batchSetBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid batch set request.');
      if (parsed.data.length > 25) return error(400, 'TOO_MANY_ITEMS', 'A batch may contain at most 25 items.');
      const successfulKeys: Json[] = [];
      const failedKeys: Json[] = [];
      for (const item of parsed.data) {
        const result = write(item.key, item.value, item.options);
        if ('status' in result) failedKeys.push({ key: item.key, error: result.body ?? {} });
        else successfulKeys.push({ key: item.key });
      }
      return { status: 200, body: { successfulKeys, failedKeys } };
    },
    '/api/v1/batch/get': (body) => {
      const parsed = batchKeysBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid batch get request.');
      if (parsed.data.length > 25) return error(400, 'TOO_MANY_ITEMS', 'A batch may contain at most 25 items.');
      const successfulKeys: Json[] = [];
      const failedKeys: Json[] = [];
      for (const item of parsed.data) {
        const entry = live(item.key);
        if (entry) successfulKeys.push({ key: item.key, value: entry.value, createdAt: entry.createdAt, updatedAt: entry.updatedAt });
        else failedKeys.push({ key: item.key, error: { code: 'KEY_NOT_FOUND', message: `The key '${item.key}' was not found.` } });
      }
      return { status: 200, body: { successfulKeys, failedKeys } };
    },
    '/api/v1/batch/delete': (body) => {
      const parsed = batchKeysBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid batch delete request.');
      if (parsed.data.length > 25) return error(400, 'TOO_MANY_ITEMS', 'A batch may contain at most 25 items.');
      for (const item of parsed.data) store.delete(item.key);
      return { status: 200, body: { successfulKeys: parsed.data.map((item) => ({ key: item.key })), failedKeys: [] } };
    },
    '/api/v1/transaction': (body) => {
      const parsed = transactionBody.safeParse(body);
      if (!parsed.success) return error(400, 'BAD_REQUEST', 'Invalid transaction request.');
      const sets = parsed.data.set ?? [];
      const deletes = parsed.data.delete ?? [];
      if (sets.length + deletes.length + (parsed.data.check?.length ?? 0) > 25) return error(400, 'TOO_MANY_ITEMS', 'A transaction may contain at most 25 operations.');
      if (parsed.data.check?.length) return error(400, 'UNSUPPORTED', 'Entity conditions are not supported by the sandbox KVS.');
      // All-or-nothing: validate every write before applying any.
      const snapshot = new Map(store);
      for (const item of sets) {
        const result = write(item.key, item.value, item.options);
        if ('status' in result) {
          store.clear();
          for (const [key, entry] of snapshot) store.set(key, entry);
          return error(409, 'TRANSACTION_CONFLICT', `Transaction failed on key '${item.key}'.`);
        }
      }
      for (const item of deletes) store.delete(item.key);
      return { status: 204, body: null };
    },
  };

  return {
    handle(path, body) {
      const handler = handlers[path];
      if (!handler) return error(404, 'NOT_FOUND', `The sandbox KVS does not implement ${path}.`);
      return handler(body);
    },
    peek: (key) => live(key)?.value,
    keys: () => [...store.keys()].filter((key) => live(key)).sort(),
  };
}
