/**
 * The KVS shape of the sprint records (readiness at start, done at close): schemas and the
 * entries one record is stored as. Kept free of @forge/kvs so the sandbox can seed history with
 * exactly the shape the app reads.
 */
import { z } from 'zod';
import type { CloseEntry, SprintCloseRecord, SprintStartRecord, StartEntry } from '../domain/health';
import { storeKeys } from './keys';

/** A KVS value may be 240 KiB; an entry is ≈ 150 bytes, so 1,000 per chunk stays far below. */
export const CLOSE_CHUNK_SIZE = 1000;

export const startHeaderSchema = z.object({
  sprintId: z.number().int(),
  startedAt: z.string().nullable(),
  recordedAt: z.string(),
  pages: z.array(z.number().int().nonnegative()),
  complete: z.boolean(),
});
export type StartHeader = z.infer<typeof startHeaderSchema>;

export const startEntrySchema = z.object({
  id: z.string(),
  key: z.string(),
  points: z.number().nullable(),
  score: z.number().nullable(),
  state: z.enum(['ready', 'not-ready', 'excluded']),
  gaps: z.array(z.string()),
}) satisfies z.ZodType<StartEntry>;
export const startPageSchema = z.object({ issues: z.array(startEntrySchema) });

export const closeHeaderSchema = z.object({ sprintId: z.number().int(), closedAt: z.string(), chunks: z.number().int().nonnegative() });
export const closeEntrySchema = z.object({ id: z.string(), key: z.string(), points: z.number().nullable(), done: z.boolean() }) satisfies z.ZodType<CloseEntry>;
export const closeChunkSchema = z.object({ issues: z.array(closeEntrySchema) });

/** A whole start record as entries, `pageSize` issues per page (the sandbox seeds history this way). */
export function startRecordEntries(record: SprintStartRecord, pageSize = 100): { key: string; value: unknown }[] {
  const pages: StartEntry[][] = [];
  for (let start = 0; start < record.issues.length; start += pageSize) pages.push(record.issues.slice(start, start + pageSize));
  if (pages.length === 0) pages.push([]);
  const header: StartHeader = { sprintId: record.sprintId, startedAt: record.startedAt, recordedAt: record.recordedAt, pages: pages.map((_, index) => index), complete: record.complete };
  return [
    { key: storeKeys.sprintStart({ sprintId: record.sprintId }), value: header },
    ...pages.map((issues, page) => ({ key: storeKeys.sprintStartPage({ sprintId: record.sprintId, page }), value: { issues } })),
  ];
}

/** A close record as entries: the header last, so a reader never sees a header without its chunks. */
export function closeRecordEntries(record: SprintCloseRecord): { key: string; value: unknown }[] {
  const chunks: CloseEntry[][] = [];
  for (let start = 0; start < record.issues.length; start += CLOSE_CHUNK_SIZE) chunks.push(record.issues.slice(start, start + CLOSE_CHUNK_SIZE));
  return [
    ...chunks.map((issues, chunk) => ({ key: storeKeys.sprintCloseChunk({ sprintId: record.sprintId, chunk }), value: { issues } })),
    { key: storeKeys.sprintClose({ sprintId: record.sprintId }), value: { sprintId: record.sprintId, closedAt: record.closedAt, chunks: chunks.length } },
  ];
}
