import type { NormalizedIssue } from '../issue';
import { type DocLines, docLines } from '../text';
import { unknownSentences } from './unknown-sentences';

/** Text shared by several criteria, derived once per evaluation. Shared arrays: never mutate. */
export interface TextFacts {
  /** Description and AC-field lines, in that order. */
  readonly lines: readonly string[];
  /** The same text split into sentences (a line may hold several). */
  readonly sentences: readonly string[];
  /** All of it as one string, for whole-text searches. */
  readonly all: string;
  /** The description's lines and sections, split once for every criterion that reads them. */
  readonly description: DocLines;
  /** The same for the acceptance-criteria field, when the team uses one. */
  readonly acceptanceField: DocLines | null;
  /** Sentences asking a question or holding an unknown marker (the unknowns criterion and flag read them). */
  readonly unknownSentences: readonly string[];
}

/**
 * Each part is worked out on first use: many evaluations never need the sentences. The
 * splitting itself is done by DocLines, once per doc and evaluation.
 */
class LazyTextFacts implements TextFacts {
  private linesCache: readonly string[] | null = null;
  private sentencesCache: readonly string[] | null = null;
  private allCache: string | null = null;
  private unknownSentencesCache: readonly string[] | null = null;
  /** The docs with any text, description first. */
  private readonly docs: readonly DocLines[];

  constructor(
    readonly description: DocLines,
    readonly acceptanceField: DocLines | null,
  ) {
    const docs: DocLines[] = [];
    for (const doc of [description, acceptanceField]) if (doc !== null && doc.plain.length > 0) docs.push(doc);
    this.docs = docs;
  }

  get lines(): readonly string[] {
    this.linesCache ??= this.docs.length === 1 ? (this.docs[0]?.nonEmpty ?? []) : this.docs.flatMap((doc) => doc.nonEmpty);
    return this.linesCache;
  }

  get sentences(): readonly string[] {
    this.sentencesCache ??= this.docs.length === 1 ? (this.docs[0]?.sentences ?? []) : this.docs.flatMap((doc) => doc.sentences);
    return this.sentencesCache;
  }

  get all(): string {
    this.allCache ??= this.docs.length === 1 ? (this.docs[0]?.joined ?? '') : joinAll(this.docs);
    return this.allCache;
  }

  get unknownSentences(): readonly string[] {
    this.unknownSentencesCache ??= unknownSentences({ all: this.all, sentences: this.sentences });
    return this.unknownSentencesCache;
  }
}

/** Lines of several docs joined by "\n"; a doc with no non-empty line adds nothing. */
function joinAll(docs: readonly DocLines[]): string {
  return docs
    .filter((doc) => doc.nonEmpty.length > 0)
    .map((doc) => doc.joined)
    .join('\n');
}

export function textFacts(issue: NormalizedIssue): TextFacts {
  const { description, acceptanceField } = issue;
  return new LazyTextFacts(docLines(description), acceptanceField === null ? null : docLines(acceptanceField));
}
