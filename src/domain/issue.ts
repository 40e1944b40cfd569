import type { ReadinessProperty } from '../contract';
import type { TextDoc } from './text/text-doc';

/**
 * The subset of a Jira issue the domain judges, already normalized by src/jira
 * (field ids resolved, estimates parsed, links classified). Pure data: no REST shapes.
 */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** Which Definition-of-Ready profile an issue type is judged by. */
export type IssueKind = 'story' | 'bug' | 'task' | 'spike' | 'epic' | 'subtask';

/** Text reduced to what the criteria need: defined with its readers in src/domain/text. */
export type { TextBlock, TextBlockKind, TextDoc } from './text/text-doc';

export type LinkDirection =
  /** The other issue blocks this one ("is blocked by", "depends on"). */
  | 'blocked-by'
  /** This issue blocks the other one. */
  | 'blocks'
  | 'other';

export interface LinkedIssue {
  direction: LinkDirection;
  /** Link type name as Jira shows it ("Blocks", "Dependency"). */
  typeName: string;
  /** The phrase from this issue's side ("is blocked by"). */
  phrase: string;
  key: string;
  id: string;
  summary: string;
  statusName: string;
  statusCategory: StatusCategory;
  projectKey: string;
  issueKind: IssueKind | null;
  issueTypeName: string;
}

export interface NormalizedIssue {
  id: string;
  key: string;
  projectKey: string;
  projectId: string;
  summary: string;
  issueTypeName: string;
  kind: IssueKind;
  statusName: string;
  statusCategory: StatusCategory;
  description: TextDoc;
  /** Text of the configured acceptance-criteria custom field, when the team uses one. */
  acceptanceField: TextDoc | null;
  labels: string[];
  /** Story points (or other estimation-field value) as a number; null when missing or unparseable. */
  estimate: number | null;
  /** Raw estimation value when it could not be parsed (kept to explain the judgement). */
  estimateProblem: string | null;
  attachmentCount: number;
  links: LinkedIssue[];
  /** Links Jira listed without the other issue (deleted, or hidden from the user). */
  hiddenLinkCount: number;
  /** Sprint ids the issue belongs to (any state). */
  sprintIds: number[];
  /** Lexorank string, used only to compare order. */
  rank: string | null;
  created: string | null;
  updated: string | null;
  /** Whether Jira's Flagged field is set. */
  flagged: boolean;
  /**
   * The app's indexed readiness property as stored on the issue, read with the issue itself so
   * refreshing it costs no extra call: null when absent, undefined when the read did not ask for it.
   */
  readinessProperty?: ReadinessProperty | null;
}
