import type { FieldError } from '../../../src/contract';

/** Resolver paths are dotted paths into the payload (`settings.readyThreshold`); fields know theirs without the prefix. */
export function normalizePath(path: string): string {
  return path.replace(/^settings\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/** Errors for one field path, including errors on its children (`manualItems.0.label` for `manualItems.0`). */
export function errorsFor(args: { errors: readonly FieldError[]; path: string }): FieldError[] {
  return args.errors.filter((e) => {
    const p = normalizePath(e.path);
    return p === args.path || p.startsWith(`${args.path}.`);
  });
}

/** Errors no field on screen claims, so they still reach the user (in the form-level message). */
export function unclaimedErrors(args: { errors: readonly FieldError[]; claimedPaths: readonly string[] }): FieldError[] {
  return args.errors.filter((e) => {
    const p = normalizePath(e.path);
    return !args.claimedPaths.some((c) => p === c || p.startsWith(`${c}.`));
  });
}

/** Words typed as "acceptance criteria, AC,  definition of done" → trimmed, non-empty, de-duplicated. */
export function parseWordList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const word = part.trim();
    if (word !== '') seen.add(word);
  }
  return [...seen];
}

/** "12" → 12; "" or "abc" → NaN, which the resolver rejects with a field error. */
export function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
