import { CRITERION_IDS, PROFILE_IDS, criterionLabelFor, type FieldError, type ProfileId } from '../../../src/contract';
import { normalizePath } from './field-errors';

/** The DOM id of the control for a settings path (`readyThreshold`, `profiles.bug.criteria.size.weight`). */
export function fieldDomId(path: string): string {
  return `field-${path}`;
}

/** Ids to try when focusing a path, most specific first: an error on `manualItems.1` lands on its label. */
export function focusCandidates(path: string): string[] {
  const parts = normalizePath(path).split('.');
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(fieldDomId(parts.slice(0, n).join('.')));
  const last = parts.join('.');
  if (/^manualItems\.\d+$/.test(last)) out.unshift(fieldDomId(`${last}.label`));
  return out;
}

/** The profile tab a path lives on, so the page can switch to it before focusing. */
export function profileOfPath(path: string): ProfileId | null {
  const [head, id] = normalizePath(path).split('.');
  return head === 'profiles' ? (PROFILE_IDS.find((p) => p === id) ?? null) : null;
}

const LABELS: Record<string, string> = {
  readyThreshold: 'Ready threshold',
  manualItems: 'Manual checklist',
  'text.minDescriptionWords': 'Minimum description words',
  'text.minSummaryWords': 'Minimum summary words',
  'text.acFieldId': 'Acceptance criteria field',
  'text.acHeadings': 'Acceptance-criteria heading words',
  'text.scopeHeadings': 'Scope heading words',
  'estimation.scale': 'Scale',
  'estimation.divergenceSteps': 'Divergence at',
  'estimation.facilitator': 'Who runs the estimation round',
  'estimation.facilitatorIds': 'Facilitators',
  'estimation.anonymous': 'Anonymous votes',
  'size.maxPoints': 'Split above',
  staleDays: 'Stale after',
  'agenda.sessionMinutes': 'Session length',
  'agenda.minItems': 'Minimum items',
  'agenda.maxItems': 'Maximum items',
  'agenda.baseMinutesPerItem': 'Base minutes per item',
  'agenda.minutesPerGap': 'Extra minutes per gap',
  'agenda.maxMinutesPerItem': 'Max minutes per item',
  'agenda.horizonSprints': 'Horizon',
  'agenda.runwayTargetSprints': 'Runway target',
  'agenda.outcomeComments': 'Write session outcomes as comments',
  'sprintFlags.enabled': 'Flag not-ready issues',
  'sprintFlags.label': 'Label',
  'sprintFlags.setFlagged': "Jira's Flagged field",
  'sprintFlags.comment': 'Explain with one comment',
};

const PROFILE_NAMES: Record<ProfileId, string> = { story: 'Story', bug: 'Bug', task: 'Task', spike: 'Spike', epic: 'Epic' };

/** The words a person sees next to the field, for the list of fields at fault ("Bug: Estimate weight"). */
export function fieldLabel(path: string): string {
  const p = normalizePath(path);
  const known = LABELS[p];
  if (known !== undefined) return known;
  const parts = p.split('.');
  const profile = profileOfPath(p);
  if (profile !== null) {
    const criterion = CRITERION_IDS.find((c) => c === parts[3]);
    if (criterion === undefined) return `${PROFILE_NAMES[profile]} profile`;
    const name = criterionLabelFor({ id: criterion, profile });
    return parts[4] === undefined ? `${PROFILE_NAMES[profile]}: ${name}` : `${PROFILE_NAMES[profile]}: ${name} ${parts[4]}`;
  }
  if (parts[0] === 'manualItems' && parts[1] !== undefined) return `Manual item ${Number(parts[1]) + 1}${parts[2] === undefined ? '' : ` ${parts[2]}`}`;
  if (parts[0] === 'estimation' && parts[1] === 'tshirtPoints' && parts[2] !== undefined) return `${parts[2]} points`;
  return p;
}

/** One entry per field at fault, in the order the resolver reported them, duplicates merged. */
export function faultList(errors: readonly FieldError[]): { path: string; label: string; messages: string[] }[] {
  const byPath = new Map<string, { path: string; label: string; messages: string[] }>();
  for (const e of errors) {
    const path = normalizePath(e.path);
    const entry = byPath.get(path) ?? { path, label: fieldLabel(path), messages: [] };
    entry.messages.push(e.message);
    byPath.set(path, entry);
  }
  return [...byPath.values()];
}
