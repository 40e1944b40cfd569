import type { TextDoc } from '../../issue';
import { type DocLines, firstSection } from '../../text';
import { type CriterionJudge, type Judgement } from '../criterion-context';
import { plural, quote } from '../quote';

const SCENARIO = /^(?:\W*)scenario(?:\s+(?:outline|template))?\s*:/i;
const OUTLINE = /^(?:\W*)scenario\s+(?:outline|template)\s*:/i;
const EXAMPLES = /^(?:\W*)examples\s*:?$/i;
const GIVEN = /^(?:\W*)given\b/i;
const THEN = /\bthen\b/i;
const TABLE_ROW = /\|/;

const NO_EDGE_CASE_FIX = 'Add a scenario for an edge case or an error path';
const MISSING_FIX = 'Add acceptance criteria: Given/When/Then scenarios or a checklist under an ‘Acceptance criteria’ heading';

interface Gherkin {
  scenarios: number;
  outlines: number;
  examples: number;
}

/**
 * The first character of `line` that regex `\w` matches ([A-Za-z0-9_]), lowercased, as a char
 * code; 0 when there is none. SCENARIO, EXAMPLES and GIVEN can only match where `^\W*` stops,
 * that is at this character, so checking it first skips the regexes for most lines.
 */
function firstWordLetter(line: string): number {
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if ((code >= 48 && code <= 57) || code === 95 || (code >= 97 && code <= 122)) return code;
    if (code >= 65 && code <= 90) return code + 32;
  }
  return 0;
}

const LOWER_S = 115;
const LOWER_E = 101;
const LOWER_G = 103;

/**
 * Counts Gherkin scenarios. "Scenario:" lines count when present; otherwise each line starting
 * with "Given" starts one. Rows under "Examples:" (minus the header row) count as extra cases.
 * `plain` is the lines joined by "\n": "then" is looked for in it once instead of line by line.
 */
function countGherkin({ lines, plain }: { lines: readonly string[]; plain: string }): Gherkin {
  let scenarioLines = 0;
  let outlines = 0;
  let givens = 0;
  let examples = 0;
  let inExamples = false;
  let headerSeen = false;
  for (const line of lines) {
    const first = firstWordLetter(line);
    if (first === LOWER_S && SCENARIO.test(line)) {
      scenarioLines += 1;
      if (OUTLINE.test(line)) outlines += 1;
      inExamples = false;
      continue;
    }
    if (first === LOWER_E && EXAMPLES.test(line)) {
      inExamples = true;
      headerSeen = false;
      continue;
    }
    if (inExamples && TABLE_ROW.test(line)) {
      if (headerSeen) examples += 1;
      headerSeen = true;
      continue;
    }
    inExamples = false;
    if (first === LOWER_G && GIVEN.test(line)) givens += 1;
  }
  const scenarios = scenarioLines > 0 ? scenarioLines : givens > 0 && THEN.test(plain) ? givens : 0;
  return { scenarios, outlines, examples };
}

function judgeGherkin(gherkin: Gherkin, prefix = ''): Judgement | null {
  if (gherkin.scenarios === 0) return null;
  if (gherkin.outlines > 0 && gherkin.examples >= 2) {
    const detail = `${plural(gherkin.scenarios, 'scenario')}, including a Scenario Outline with ${gherkin.examples} examples`;
    return { status: 'pass', detail: prefix + detail };
  }
  if (gherkin.scenarios >= 2) return { status: 'pass', detail: `${prefix}${gherkin.scenarios} Given/When/Then scenarios` };
  return { status: 'warn', detail: `${prefix}1 scenario only — no edge case`, fix: NO_EDGE_CASE_FIX };
}

function judgeItems({ count, what }: { count: number; what: string }): Judgement {
  if (count >= 2) return { status: 'pass', detail: `${what} with ${plural(count, 'item')}` };
  if (count === 1) return { status: 'warn', detail: `${what} with 1 item only — no edge case`, fix: NO_EDGE_CASE_FIX };
  return { status: 'fail', detail: `${what} with nothing under it`, fix: MISSING_FIX };
}

function taskListName(doc: TextDoc): string {
  return doc.format === 'adf' ? 'ADF task list' : 'checklist';
}

/** The team's AC custom field, when it holds anything; `split` is its DocLines. */
function judgeField({ field, split }: { field: TextDoc; split: DocLines }): Judgement | null {
  if (field.format === 'empty' || field.plain.length === 0) return null;
  const { lines } = split;
  const gherkin = judgeGherkin(countGherkin({ lines, plain: field.plain }), 'AC field: ');
  if (gherkin) return gherkin;
  const count = field.tasks.length > 0 ? field.tasks.length : lines.length;
  const first = lines[0] ?? '';
  if (count >= 2) return { status: 'pass', detail: `AC field: ${plural(count, 'item')}, starting ${quote(first, 50)}` };
  return { status: 'warn', detail: `AC field: ${quote(first, 60)} — 1 item only, no edge case`, fix: NO_EDGE_CASE_FIX };
}

/**
 * Acceptance criteria, from the most explicit source to the least: the AC field, Gherkin
 * scenarios, an AC heading, a task list. The first source found decides.
 */
export const judgeAcceptanceCriteria: CriterionJudge = ({ issue, settings, facts }) => {
  if (issue.acceptanceField && facts.acceptanceField) {
    const field = judgeField({ field: issue.acceptanceField, split: facts.acceptanceField });
    if (field) return field;
  }
  const doc = issue.description;
  const gherkin = doc.plain.length > 0 ? judgeGherkin(countGherkin({ lines: facts.description.lines, plain: doc.plain })) : null;
  if (gherkin) return gherkin;
  const section = firstSection({ lines: facts.description, names: settings.text.acHeadings });
  if (section) {
    // A checklist under the heading counts as its items (text after it is not AC); prose counts per line.
    const taskTexts = new Set(doc.tasks.map((task) => task.text));
    const checklistItems = section.lines.filter((line) => taskTexts.has(line)).length;
    const count = checklistItems > 0 ? checklistItems : section.lines.length;
    return judgeItems({ count, what: `an ‘${section.heading}’ heading` });
  }
  if (doc.tasks.length > 0) return judgeItems({ count: doc.tasks.length, what: taskListName(doc) });
  return { status: 'fail', detail: 'no acceptance criteria found', fix: MISSING_FIX };
};
