import type { NormalizedIssue } from '../issue';

/** Text shared by several criteria, derived once per evaluation. */
export interface TextFacts {
  /** Description and AC-field lines, in that order. */
  lines: string[];
  /** The same text split into sentences (a line may hold several). */
  sentences: string[];
  /** All of it as one string, for whole-text searches. */
  all: string;
}

/** Splits after . ! ? followed by a space, keeping the punctuation with its sentence. */
const SENTENCE_END = /(?<=[.!?])\s+(?=\S)/;

export function textFacts(issue: NormalizedIssue): TextFacts {
  const lines: string[] = [];
  for (const doc of [issue.description, issue.acceptanceField]) {
    if (doc === null || doc.plain.length === 0) continue;
    for (const line of doc.plain.split('\n')) if (line.length > 0) lines.push(line);
  }
  const sentences: string[] = [];
  for (const line of lines) {
    for (const sentence of line.split(SENTENCE_END)) if (sentence.length > 0) sentences.push(sentence);
  }
  return { lines, sentences, all: lines.join('\n') };
}
