/**
 * NDJSON log of every Jira exchange, in the format ../shared/tools/check-jira-traffic.mjs reads.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Json } from '../jira/model';

export interface TrafficLog {
  record(exchange: { method: string; path: string; status: number; body: Json | null }): void;
}

export function createTrafficLog(file: string | undefined): TrafficLog {
  if (!file) return { record: () => undefined };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    // Synchronous on purpose: lines stay whole and in order even when requests interleave.
    record: (exchange) => appendFileSync(file, `${JSON.stringify(exchange)}\n`),
  };
}
