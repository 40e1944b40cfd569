import type { NormalizedIssue, TextBlock } from '../issue';
import { pushSentences } from '../text';
import { unknownSentences } from './unknown-sentences';

/** Text shared by several criteria, derived once per evaluation. Shared arrays: never mutate. */
export interface TextFacts {
  /** The description's blocks, then the AC field's. */
  readonly blocks: readonly TextBlock[];
  /** Their text, one entry per block. */
  readonly lines: readonly string[];
  /** The same text split into sentences (a block may hold several). */
  readonly sentences: readonly string[];
  /** All of it as one string, a block per line, for whole-text searches. */
  readonly all: string;
  /** Sentences asking a question or holding an unknown marker (the unknowns criterion and flag read them). */
  readonly unknownSentences: readonly string[];
}

/** The joined text, sentences and unknowns are made on first use: most criteria never need them. */
class IssueTextFacts implements TextFacts {
  readonly blocks: readonly TextBlock[];
  readonly lines: readonly string[];
  private allCache: string | null = null;
  private sentencesCache: readonly string[] | null = null;
  private unknownsCache: readonly string[] | null = null;

  constructor(issue: NormalizedIssue) {
    const field = issue.acceptanceField?.blocks ?? [];
    this.blocks = field.length === 0 ? issue.description.blocks : [...issue.description.blocks, ...field];
    this.lines = this.blocks.map((block) => block.text);
    // Without an AC field the text is the description's, whose `plain` already joins its blocks.
    if (field.length === 0) this.allCache = issue.description.plain;
  }

  get all(): string {
    this.allCache ??= this.lines.join('\n');
    return this.allCache;
  }

  get sentences(): readonly string[] {
    if (this.sentencesCache === null) {
      const sentences: string[] = [];
      for (const line of this.lines) pushSentences(line, sentences);
      this.sentencesCache = sentences;
    }
    return this.sentencesCache;
  }

  get unknownSentences(): readonly string[] {
    this.unknownsCache ??= unknownSentences(this);
    return this.unknownsCache;
  }
}

export function textFacts(issue: NormalizedIssue): TextFacts {
  return new IssueTextFacts(issue);
}
