/**
 * Estimation-field values as sites really store them: numbers, but also "8.0", "8,5", " 5 "
 * (imports, automation rules) and plain garbage. Garbage is kept, so the judgement can quote it.
 */
export interface ParsedEstimate {
  estimate: number | null;
  /** The raw value when it was present but not a usable number. */
  problem: string | null;
}

const NUMERIC = /^\d+(?:\.\d+)?$/;
const MAX_PROBLEM_LENGTH = 40;

export function parseEstimate(raw: unknown): ParsedEstimate {
  if (raw === null || raw === undefined) return { estimate: null, problem: null };
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && raw >= 0 ? { estimate: raw, problem: null } : { estimate: null, problem: String(raw) };
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return { estimate: null, problem: null };
    const normalized = text.replace(',', '.');
    if (NUMERIC.test(normalized)) return { estimate: Number(normalized), problem: null };
    return { estimate: null, problem: text.slice(0, MAX_PROBLEM_LENGTH) };
  }
  return { estimate: null, problem: describe(raw) };
}

function describe(raw: unknown): string {
  try {
    // JSON.stringify answers undefined for undefined, functions and symbols, which lib.es5.d.ts does not say.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    return (JSON.stringify(raw) ?? typeof raw).slice(0, MAX_PROBLEM_LENGTH);
  } catch {
    return typeof raw;
  }
}
