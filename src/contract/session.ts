/**
 * The refinement session (issue 15): a facilitated walk through the agenda, one current item at a
 * time, with outcomes written back to the issues afterwards. Times are ISO strings; the UI computes
 * countdowns from them, so no timer runs on the server.
 */

export const SESSION_OUTCOMES = ['ready', 'needs-refinement', 'split', 'spike', 'drop'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export interface PersonRef {
  accountId: string;
  displayName: string;
}

/** A question about an agenda item, asked before or during the session; open until answered. */
export interface SessionQuestion {
  id: string;
  issueKey: string;
  text: string;
  author: PersonRef;
  owner: PersonRef | null;
  /** YYYY-MM-DD. */
  due: string | null;
  askedAt: string;
  answer: { text: string; by: PersonRef; at: string } | null;
}

/** The issue panel's questions: those about its own issue only. */
export interface IssueQuestions {
  issueKey: string;
  questions: SessionQuestion[];
}

export interface SessionItem {
  issueKey: string;
  summary: string;
  timeboxMinutes: number;
  /** Minutes added with "extend by N minutes". */
  extendedMinutes: number;
  focus: string[];
  /** When the item last became current; null while it is not. */
  currentSince: string | null;
  /** Seconds spent on it in earlier stretches (an item can be visited twice). */
  spentSeconds: number;
  visited: boolean;
  parked: boolean;
  outcome: SessionOutcome | null;
  decisions: string[];
  /** 1–5 per participant, the optional check before marking ready. */
  confidence: { person: PersonRef; value: number }[];
  /** Came over from the previous session. */
  carriedOver: boolean;
  /** The caller may not see this issue in Jira: its key, summary and notes are withheld. */
  hidden?: true;
}

export type SessionStatus = 'running' | 'ended';

export interface RefinementSession {
  /** 1, 2, … per project. */
  number: number;
  status: SessionStatus;
  facilitator: PersonRef;
  startedAt: string;
  endedAt: string | null;
  sessionMinutes: number;
  currentIndex: number | null;
  items: SessionItem[];
  /** Rises with every change: facilitator actions name the version they saw. */
  version: number;
  /** What the write-back did, per discussed item (after the end). */
  writeBack: { issueKey: string; comment: 'posted' | 'off' | 'failed'; ticked: boolean }[];
}

export interface SessionHistoryRow {
  number: number;
  startedAt: string;
  endedAt: string | null;
  facilitatorName: string;
  itemCount: number;
  discussed: number;
}

/** How a browser follows the session live (Forge Realtime), and the polling fallback. */
export interface SessionChannel {
  channel: string;
  token: string | null;
  /** When `token` expires, in epoch seconds (the JWT `exp`): the page re-reads the view for a new one before then. */
  expiresAt: number | null;
  /** Poll at most this often (seconds) when realtime is not available. */
  pollSeconds: number;
}

export interface SessionView {
  session: RefinementSession | null;
  /** The project's open and answered questions (the UI shows each item's own; the summary lists the session's). */
  questions: SessionQuestion[];
  canFacilitate: boolean;
  /** Whether the caller is the session's facilitator right now. */
  isFacilitator: boolean;
  facilitatorRule: string;
  history: SessionHistoryRow[];
  /** Markdown for Confluence or Slack, once the session ended. */
  summaryMarkdown: string | null;
  live: SessionChannel;
  /** Items that will open the next session (carried over from the last one). */
  carryOver: string[];
}

/** Derived from its zod schema, the one definition of what a facilitator may send. */
export type { SessionAction } from './payloads';
