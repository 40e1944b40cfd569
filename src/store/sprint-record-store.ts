/**
 * Sprint records for the Health tab: the readiness of every issue when its sprint started
 * (written page by page by the queued sprint-start work, merged by issue id so a second delivery
 * changes nothing) and done-or-not when it closed. Shapes: sprint-record-entries.ts.
 */
import { kvs } from '@forge/kvs';
import type { StartEntry } from '../domain/health';
import type { Stores } from '../usecases/ports';
import { readManyParsed, readParsed } from './kvs-access';
import { storeKeys } from './keys';
import { closeChunkSchema, closeHeaderSchema, closeRecordEntries, startHeaderSchema, startPageSchema, type StartHeader } from './sprint-record-entries';

export function createSprintRecordStore(): Stores['sprintRecords'] {
  return {
    async putStartPage({ sprintId, page, startedAt, recordedAt, entries, last }) {
      const pageKey = storeKeys.sprintStartPage({ sprintId, page });
      const stored = await readParsed({ key: pageKey, schema: startPageSchema });
      const merged = new Map<string, StartEntry>((stored?.issues ?? []).map((entry) => [entry.id, entry]));
      for (const entry of entries) merged.set(entry.id, entry);
      await kvs.set(pageKey, { issues: [...merged.values()] });
      const headerKey = storeKeys.sprintStart({ sprintId });
      const header = await readParsed({ key: headerKey, schema: startHeaderSchema });
      const next: StartHeader = {
        sprintId,
        startedAt: header?.startedAt ?? startedAt,
        recordedAt: header?.recordedAt ?? recordedAt,
        pages: [...new Set([...(header?.pages ?? []), page])].sort((a, b) => a - b),
        complete: (header?.complete ?? false) || last,
      };
      await kvs.set(headerKey, next);
    },
    async hasStart(sprintId) {
      return (await readParsed({ key: storeKeys.sprintStart({ sprintId }), schema: startHeaderSchema })) !== undefined;
    },
    async getStart(sprintId) {
      const header = await readParsed({ key: storeKeys.sprintStart({ sprintId }), schema: startHeaderSchema });
      if (!header) return undefined;
      const pages = await readManyParsed({ keys: header.pages.map((page) => storeKeys.sprintStartPage({ sprintId, page })), schema: startPageSchema });
      const issues = new Map<string, StartEntry>();
      for (const page of pages.values()) for (const entry of page.issues) issues.set(entry.id, entry);
      return { sprintId, startedAt: header.startedAt, recordedAt: header.recordedAt, complete: header.complete && pages.size === header.pages.length, issues: [...issues.values()] };
    },
    async putClose(record) {
      for (const { key, value } of closeRecordEntries(record)) await kvs.set(key, value);
    },
    async getClose(sprintId) {
      const header = await readParsed({ key: storeKeys.sprintClose({ sprintId }), schema: closeHeaderSchema });
      if (!header) return undefined;
      const keys = Array.from({ length: header.chunks }, (_, chunk) => storeKeys.sprintCloseChunk({ sprintId, chunk }));
      const chunks = await readManyParsed({ keys, schema: closeChunkSchema });
      if (chunks.size !== keys.length) return undefined;
      return { sprintId, closedAt: header.closedAt, issues: keys.flatMap((key) => chunks.get(key)?.issues ?? []) };
    },
  };
}
