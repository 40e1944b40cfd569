import type { ReadinessProperty } from '../../contract';

/**
 * What the collapsed issue-context panel shows right of its label ("Readiness"), in the shape
 * Jira expects from a `dynamicProperties` function:
 * manifest reference, jira:issueContext, "Dynamic properties", "Status properties" and
 * "Status value properties" (`value.type` only colours a lozenge; a badge would need a number).
 */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

export interface IssueContextStatus {
  status: { type: 'lozenge'; value: { label: string; type: LozengeAppearance } };
}

const lozenge = (label: string, type: LozengeAppearance): IssueContextStatus => ({ status: { type: 'lozenge', value: { label, type } } });

/**
 * Shown when the judgement cannot be read (Jira error, no user to read as, malformed call):
 * neutral, because a red or green lozenge would claim something nobody checked.
 */
export const UNAVAILABLE_BADGE_STATUS: IssueContextStatus = lozenge('Unavailable', 'default');

/**
 * Without a stored judgement: an invitation, neutral, rather than a verdict. Jira asks for the status
 * on the initial render, which comes before the panel's first view has scored the issue and stored
 * the property, and asks again only when the panel is collapsed (manifest reference,
 * jira:issueContext, "Dynamic properties"). A "Not scored" lozenge would then sit above a badge that
 * says "Ready 80"; "Open to score" stays true: opening the panel scores it, and the next collapse
 * shows the score. Not computed here: the status may cost one Jira read, never an evaluation.
 */
export const UNSCORED_BADGE_STATUS: IssueContextStatus = lozenge('Open to score', 'default');

/**
 * The stored judgement (the issue property the app writes) as the collapsed status.
 * `null` means the issue has no stored judgement yet (new, never opened, or its type is excluded).
 * Colours match the expanded badge (success / removed).
 */
export function badgeStatus({ property }: { property: ReadinessProperty | null }): IssueContextStatus {
  if (property === null) return UNSCORED_BADGE_STATUS;
  const score = Math.round(Math.min(100, Math.max(0, property.score)));
  return property.state === 'ready' ? lozenge(`Ready ${score}`, 'success') : lozenge(`Not ready ${score}`, 'removed');
}
