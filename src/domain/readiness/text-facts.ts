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

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/** Splits after . ! ? followed by whitespace, keeping the punctuation with its sentence. */
function pushSentences(line: string, into: string[]): void {
  let start = 0;
  for (let i = 0; i < line.length - 1; i += 1) {
    const code = line.charCodeAt(i);
    if ((code === 46 || code === 33 || code === 63) && isSpace(line.charCodeAt(i + 1))) {
      const sentence = line.slice(start, i + 1).trim();
      if (sentence.length > 0) into.push(sentence);
      start = i + 1;
    }
  }
  const rest = line.slice(start).trim();
  if (rest.length > 0) into.push(rest);
}

export function textFacts(issue: NormalizedIssue): TextFacts {
  const lines: string[] = [];
  for (const doc of [issue.description, issue.acceptanceField]) {
    if (doc === null || doc.plain.length === 0) continue;
    for (const line of doc.plain.split('\n')) if (line.length > 0) lines.push(line);
  }
  const sentences: string[] = [];
  for (const line of lines) pushSentences(line, sentences);
  return { lines, sentences, all: lines.join('\n') };
}
