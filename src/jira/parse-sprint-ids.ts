/**
 * Sprint field values: an array of sprint objects ({id, state, …}) today, the legacy
 * "com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=12,rapidViewId=3,state=ACTIVE,…]"
 * strings on older data, and a single object on Agile 1.0 endpoints.
 */
const LEGACY_ID = /\bid=(\d+)/;

export function parseSprintIds(raw: unknown): number[] {
  const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  const ids = values.map(sprintIdOf).filter((id): id is number => id !== null);
  return [...new Set(ids)];
}

function sprintIdOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string') {
    const match = LEGACY_ID.exec(value);
    return match?.[1] ? Number(match[1]) : null;
  }
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = value.id;
    if (typeof id === 'number' && Number.isInteger(id)) return id;
    if (typeof id === 'string' && /^\d+$/.test(id)) return Number(id);
  }
  return null;
}
