/**
 * Helpers for tests that talk to the Jira emulator directly (no Forge runtime), and for reading
 * or rewriting the JSON it answers.
 */
import { createJiraEmulator, type JiraEmulator } from '../../../sandbox/jira/emulator';
import type { Json, JsonObject, Principal } from '../../../sandbox/jira/model';
import { demoSeed } from '../../../sandbox/seed/demo';
import { ANA, TOM } from '../../../sandbox/seed/users';

export const APP: Principal = { kind: 'app' };
export const AS_TOM: Principal = { kind: 'user', accountId: TOM.accountId };
export const AS_ANA: Principal = { kind: 'user', accountId: ANA.accountId };

export const demoEmulator = (): JiraEmulator => createJiraEmulator({ seed: demoSeed() });

export const isJsonObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function asObject(value: Json | null | undefined): JsonObject {
  if (value === null || !isJsonObject(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

export function asArray(value: Json | null | undefined): Json[] {
  if (!Array.isArray(value)) throw new Error(`not an array: ${JSON.stringify(value)}`);
  return value;
}

export function text(value: Json | undefined): string {
  if (typeof value !== 'string') throw new Error(`not a string: ${JSON.stringify(value)}`);
  return value;
}
