import { GHERKIN_DIALECTS, type GherkinDialect } from './gherkin-keywords.generated';
import type { TextBlock } from './text-doc';

/** Gherkin as teams write it in a description, in any language Cucumber knows. */
export interface Gherkin {
  /** Scenarios: "Scenario:" headers with steps, or else Given … When … Then runs. */
  scenarios: number;
  /** Of those, Scenario Outlines. */
  outlines: number;
  /** Rows under "Examples:", without the header row. */
  examples: number;
}

type Group = 'scenario' | 'scenarioOutline' | 'examples' | 'given' | 'when' | 'then' | 'and' | 'but';
const GROUPS: readonly Group[] = ['scenario', 'scenarioOutline', 'examples', 'given', 'when', 'then', 'and', 'but'];

/** Scripts written without spaces: their keywords ("假如", "もし") need no space after them. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Keyword {
  /** Lowercased. */
  text: string;
  group: Group;
  unspaced: boolean;
  /** Indexes into DIALECTS of the languages that use it in this group. */
  languages: number[];
}

const DIALECTS: readonly GherkinDialect[] = Object.values(GHERKIN_DIALECTS);

/** The first word of a keyword ("gegeben" of "Gegeben sei"), or its first character when unspaced. */
function headOf(text: string, unspaced: boolean): string {
  return unspaced ? text.charAt(0) : (text.split(' ')[0] ?? text);
}

/** Every keyword by its head, longest first: a clause is matched by looking its first word up. */
const KEYWORDS: ReadonlyMap<string, readonly Keyword[]> = (() => {
  const byText = new Map<string, Keyword>();
  DIALECTS.forEach((dialect, language) => {
    for (const group of GROUPS) {
      for (const word of dialect[group]) {
        const text = word.toLowerCase();
        const key = `${group}\u0000${text}`;
        const known = byText.get(key);
        if (known) known.languages.push(language);
        else byText.set(key, { text, group, unspaced: UNSPACED.test(text.slice(-1)), languages: [language] });
      }
    }
  });
  const byHead = new Map<string, Keyword[]>();
  for (const keyword of byText.values()) {
    const head = headOf(keyword.text, keyword.unspaced);
    byHead.set(head, [...(byHead.get(head) ?? []), keyword]);
  }
  for (const list of byHead.values()) list.sort((a, b) => b.text.length - a.text.length);
  return byHead;
})();

function pushMatches({ candidates, lower, into }: { candidates: readonly Keyword[] | undefined; lower: string; into: Keyword[] }): void {
  for (const keyword of candidates ?? []) {
    if (!lower.startsWith(keyword.text)) continue;
    const next = lower.charAt(keyword.text.length);
    if (keyword.unspaced || next === '' || !WORD_CHAR.test(next)) into.push(keyword);
  }
}

/** Ends a clause's first word: whitespace or , . : ; ! ? */
function endsWord(code: number): boolean {
  return code <= 32 || code === 44 || code === 46 || code === 58 || code === 59 || code === 33 || code === 63 || code === 160;
}

/** What most clauses begin with: shared, never changed. */
const NO_KEYWORDS: readonly Keyword[] = Object.freeze([]);

/** The keywords the clause starting at `at` in `text` begins with, longest first; none for most clauses. */
function keywordsAt(text: string, at = 0): readonly Keyword[] {
  let end = at;
  while (end < text.length && !endsWord(text.charCodeAt(end))) end += 1;
  const byWord = KEYWORDS.get(text.slice(at, end).toLowerCase());
  // Keywords of unspaced scripts ("假如") run into the next word: they are looked up by their first character.
  const byChar = text.charCodeAt(at) >= 0x0e00 ? KEYWORDS.get(text.charAt(at)) : undefined;
  if (byWord === undefined && byChar === undefined) return NO_KEYWORDS;
  const lower = text.slice(at, at + 40).toLowerCase();
  const found: Keyword[] = [];
  pushMatches({ candidates: byWord, lower, into: found });
  pushMatches({ candidates: byChar, lower, into: found });
  return found;
}

/** A When or Then keyword as containsKeyword looks for it: lowercased, and whether it needs a word boundary. */
interface StepWord {
  text: string;
  unspaced: boolean;
}

const stepWords = (words: readonly string[]): StepWord[] =>
  words.map((word) => {
    const text = word.toLowerCase();
    return { text, unspaced: UNSPACED.test(text.slice(-1)) };
  });

/** Every language's When and Then keywords, by the language's index in DIALECTS, prepared once. */
const STEP_WORDS: readonly { when: readonly StepWord[]; then: readonly StepWord[] }[] = DIALECTS.map((dialect) => ({
  when: stepWords(dialect.when),
  then: stepWords(dialect.then),
}));

/** True when one of the languages' `group` keywords appears in `text` from `from` on, as a word. */
function containsKeyword({ text, from, group, languages }: { text: string; from: number; group: 'when' | 'then'; languages: readonly number[] }): boolean {
  const lower = text.toLowerCase();
  for (const language of languages) {
    for (const { text: keyword, unspaced } of STEP_WORDS[language]?.[group] ?? []) {
      for (let at = lower.indexOf(keyword, from); at >= 0; at = lower.indexOf(keyword, at + 1)) {
        const before = lower.charAt(at - 1);
        const after = lower.charAt(at + keyword.length);
        if (unspaced || ((at === 0 || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after)))) return true;
      }
    }
  }
  return false;
}

/** Sentence ends (the mark captured) and inline list markers: a step can start a clause anywhere in a line. */
const CLAUSE_BREAK = /([.!?;])\s+|\s(?:[*•#-]+|\d{1,2}[.)])\s+/g;
const LEADING_MARKER = /(?:[*•#-]+|\d{1,2}[.)])\s+/y;

/** True when a list marker may start at `at`: "*", "•", "#", "-" or a digit. */
function mayStartMarker(code: number): boolean {
  return code === 42 || code === 0x2022 || code === 35 || code === 45 || (code >= 48 && code <= 57);
}

/** A Given … When … Then run longer than this is prose that happens to hold the words. */
const MAX_SCENARIO_CHARS = 600;
const HEADER_COLON = /^\s*:\s*/;
/** Steps written on a header's own line when the line breaks were lost ("Scenario: pay Given a cart When …"). */
const ENGLISH_STEP = /\b(?:given|when|then)\b/i;

/**
 * Reads clauses one by one. "Scenario:" headers count when steps follow them; without headers,
 * each Given starts a run that counts when a When and a Then of the same language follow it
 * (in its clause or the next ones, before the next Given). Rows under "Examples:" (minus the
 * header row) count as cases.
 */
class GherkinReader {
  private headers = 0;
  private outlines = 0;
  private examples = 0;
  private runs = 0;
  private header: { steps: boolean; outline: boolean } | null = null;
  private run: { languages: number[]; when: boolean; then: boolean; chars: number } | null = null;
  /** -1 outside an Examples table, else the rows seen so far (the first is the header). */
  private examplesRows = -1;

  read(blocks: readonly TextBlock[]): Gherkin {
    for (const block of blocks) {
      const { text } = block;
      // A table row is data (an Examples row), even when a cell starts with "Given".
      if (block.kind === 'table-row') {
        this.plain(text, 0, text.length);
        continue;
      }
      let start = 0;
      if (block.kind !== 'code') {
        CLAUSE_BREAK.lastIndex = 0;
        for (let match = CLAUSE_BREAK.exec(text); match !== null; match = CLAUSE_BREAK.exec(text)) {
          // A sentence keeps its full stop; a list marker starts the next clause.
          this.clause(text, start, match.index + (match[1] === undefined ? 0 : 1));
          start = match.index + match[0].length;
        }
      }
      this.clause(text, start, text.length);
    }
    this.closeHeader();
    this.closeRun();
    const { headers, outlines, examples, runs } = this;
    return headers > 0 ? { scenarios: headers, outlines, examples } : { scenarios: runs, outlines: 0, examples: 0 };
  }

  private closeHeader(): void {
    if (this.header?.steps) {
      this.headers += 1;
      if (this.header.outline) this.outlines += 1;
    }
    this.header = null;
  }

  private closeRun(): void {
    if (this.run?.when && this.run.then) this.runs += 1;
    this.run = null;
  }

  /** The clause from `start` to `end` in `text`, a list marker before it skipped. */
  private clause(text: string, start: number, end: number): void {
    let from = start;
    if (mayStartMarker(text.charCodeAt(start))) {
      LEADING_MARKER.lastIndex = start;
      if (LEADING_MARKER.test(text)) from = LEADING_MARKER.lastIndex;
    }
    if (end <= from) return;
    const keywords = keywordsAt(text, from);
    if (keywords.length === 0) this.plain(text, from, end);
    else this.keyed(text.slice(from, end), keywords);
  }

  /** A clause that starts with no keyword: an Examples row, or text inside a run. */
  private plain(text: string, from: number, end: number): void {
    if (this.examplesRows >= 0 && text.slice(from, end).includes('|')) {
      if (this.examplesRows > 0) this.examples += 1;
      this.examplesRows += 1;
      return;
    }
    this.examplesRows = -1;
    if (this.run === null) return;
    this.run.chars += end - from;
    if (this.run.chars > MAX_SCENARIO_CHARS) this.closeRun();
  }

  private keyed(clause: string, keywords: readonly Keyword[]): void {
    const scenario = keywords.find((k) => (k.group === 'scenario' || k.group === 'scenarioOutline') && clause.slice(k.text.length).trimStart().startsWith(':'));
    if (scenario) {
      this.closeHeader();
      this.closeRun();
      this.examplesRows = -1;
      const rest = clause.slice(scenario.text.length).replace(HEADER_COLON, '');
      this.header = { outline: scenario.group === 'scenarioOutline', steps: keywordsAt(rest).length > 0 || ENGLISH_STEP.test(rest) };
      return;
    }
    const example = keywords.find((k) => k.group === 'examples');
    if (example && clause.slice(example.text.length).replace(HEADER_COLON, '').trim().length === 0) {
      this.examplesRows = 0;
      return;
    }
    this.examplesRows = -1;
    const step = keywords.find((k) => k.group !== 'scenario' && k.group !== 'scenarioOutline' && k.group !== 'examples');
    if (step === undefined) return;
    if (this.header !== null) this.header.steps = true;
    if (step.group === 'given') {
      this.closeRun();
      this.run = { languages: step.languages, when: false, then: false, chars: 0 };
    }
    const { run } = this;
    if (run === null) return;
    const from = step.group === 'given' ? step.text.length : 0;
    if (step.group === 'when' || containsKeyword({ text: clause, from, group: 'when', languages: run.languages })) run.when = true;
    if (step.group === 'then' || (run.when && containsKeyword({ text: clause, from, group: 'then', languages: run.languages }))) run.then = true;
    run.chars += clause.length;
  }
}

/** Counts the Gherkin scenarios of the blocks, in any language Cucumber knows (see GherkinReader). */
export function readGherkin(blocks: readonly TextBlock[]): Gherkin {
  return new GherkinReader().read(blocks);
}
