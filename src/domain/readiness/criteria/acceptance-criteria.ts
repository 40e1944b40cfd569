import type { TextDoc } from '../../issue';
import { findSections } from '../../text';
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
 * Counts Gherkin scenarios. "Scenario:" lines count when present; otherwise each line starting
 * with "Given" starts one. Rows under "Examples:" (minus the header row) count as extra cases.
 */
function countGherkin(lines: readonly string[]): Gherkin {
  let scenarioLines = 0;
  let outlines = 0;
  let givens = 0;
  let examples = 0;
  let inExamples = false;
  let headerSeen = false;
  for (const line of lines) {
    if (SCENARIO.test(line)) {
      scenarioLines += 1;
      if (OUTLINE.test(line)) outlines += 1;
      inExamples = false;
      continue;
    }
    if (EXAMPLES.test(line)) {
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
    if (GIVEN.test(line)) givens += 1;
  }
  const hasThen = lines.some((line) => THEN.test(line));
  const scenarios = scenarioLines > 0 ? scenarioLines : hasThen ? givens : 0;
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

/** The team's AC custom field, when it holds anything. */
function judgeField(field: TextDoc): Judgement | null {
  if (field.format === 'empty' || field.plain.length === 0) return null;
  const lines = field.plain.split('\n');
  const gherkin = judgeGherkin(countGherkin(lines), 'AC field: ');
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
export const judgeAcceptanceCriteria: CriterionJudge = ({ issue, settings }) => {
  if (issue.acceptanceField) {
    const field = judgeField(issue.acceptanceField);
    if (field) return field;
  }
  const doc = issue.description;
  const lines = doc.plain.length > 0 ? doc.plain.split('\n') : [];
  const gherkin = judgeGherkin(countGherkin(lines));
  if (gherkin) return gherkin;
  const section = findSections({ doc, names: settings.text.acHeadings })[0];
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
