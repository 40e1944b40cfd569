import type { FieldError, ProjectSettings } from '../../contract';
import { projectSettingsSchema } from './settings-schema';

export type ParseSettingsResult = { ok: true; settings: ProjectSettings } | { ok: false; fieldErrors: FieldError[] };

/** Dotted path as the settings page names its fields ("agenda.minItems", "manualItems.2.id"). */
function dotted(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'symbol' ? part.description ?? '' : String(part))).join('.');
}

/** Validates settings sent by the settings page; every problem comes back with its field path. */
export function parseSettings(input: unknown): ParseSettingsResult {
  const result = projectSettingsSchema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const fieldErrors = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? dotted(issue.path) : '(root)',
    message: issue.path.length > 0 ? issue.message : 'Settings must be an object',
  }));
  return { ok: false, fieldErrors };
}
