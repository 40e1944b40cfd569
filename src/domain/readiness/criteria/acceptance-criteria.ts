import type { AcSource } from '../../../contract';
import type { TextBlock, TextDoc } from '../../issue';
import { findSection, type Gherkin, inlineItems, normalizedNames, readGherkin, type Section } from '../../text';
import { type CriterionJudge, type Judgement } from '../criterion-context';
import { plural, quote, withArticle } from '../quote';
import { defineCriterion, off, on } from './criterion-definition';

const NO_EDGE_CASE_FIX = 'Add a scenario for an edge case or an error path';
const NO_EDGE_CASE = { code: 'ac.fix.edge-case', params: {} } as const;
const MISSING = { code: 'ac.fix.missing', params: {} } as const;
const MISSING_FIX = 'Add acceptance criteria: Given/When/Then scenarios or a checklist under an ‘Acceptance criteria’ heading';

/**
 * Names teams use for the same section. When a project's heading words hold one of a group,
 * the others are read as well: "AC", "A/C", "Acceptance Criteria", "Conditions of satisfaction"
 * and its abbreviation "COS"; "Definition of done" and "DoD".
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['acceptance criteria', 'acceptance criterion', 'ac', 'a c', 'conditions of satisfaction', 'cos'],
  ['definition of done', 'dod'],
];

/** The project's names and their synonyms, normalized. */
function withSynonyms(names: readonly string[]): string[] {
  const all = new Set(normalizedNames(names));
  for (const group of SYNONYMS) if (group.some((name) => all.has(name))) for (const name of group) all.add(name);
  return [...all];
}

function judgeGherkin(gherkin: Gherkin, prefix = ''): Judgement | null {
  if (gherkin.scenarios === 0) return null;
  const field = prefix !== '';
  if (gherkin.outlines > 0 && gherkin.examples >= 2) {
    const detail = `${plural(gherkin.scenarios, 'scenario')}, including a Scenario Outline with ${gherkin.examples} examples`;
    return { status: 'pass', detail: prefix + detail, message: { code: 'ac.outline', params: { scenarios: gherkin.scenarios, examples: gherkin.examples, field } } };
  }
  if (gherkin.scenarios >= 2) {
    return { status: 'pass', detail: `${prefix}${gherkin.scenarios} Given/When/Then scenarios`, message: { code: 'ac.scenarios', params: { count: gherkin.scenarios, field } } };
  }
  return { status: 'warn', detail: `${prefix}1 scenario only — no edge case`, fix: NO_EDGE_CASE_FIX, message: { code: 'ac.one-scenario', params: { field } }, fixMessage: NO_EDGE_CASE };
}

function judgeItems({ count, what, source }: { count: number; what: string; source: AcSource }): Judgement {
  if (count >= 2) return { status: 'pass', detail: `${what} with ${plural(count, 'item')}`, message: { code: 'ac.items', params: { count, source } } };
  if (count === 1) {
    return { status: 'warn', detail: `${what} with 1 item only — no edge case`, fix: NO_EDGE_CASE_FIX, message: { code: 'ac.one-item', params: { source } }, fixMessage: NO_EDGE_CASE };
  }
  return { status: 'fail', detail: `${what} with nothing under it`, fix: MISSING_FIX, message: { code: 'ac.empty-section', params: { source } }, fixMessage: MISSING };
}

const LIST_KINDS = new Set<TextBlock['kind']>(['list-item', 'task']);

/** The list items, checklist items and table rows among `blocks`, sub-items not counted apart. */
function listItems(blocks: readonly TextBlock[]): number {
  let top = Number.POSITIVE_INFINITY;
  for (const block of blocks) if (LIST_KINDS.has(block.kind)) top = Math.min(top, block.level ?? 1);
  let count = 0;
  for (const block of blocks) {
    if (LIST_KINDS.has(block.kind) && (block.level ?? 1) === top) count += 1;
    if (block.kind === 'table-row' && block.header !== true) count += 1;
  }
  return count;
}

/**
 * The criteria in a section: the items after its label ("AC: * a * b"), then its list items,
 * checklist items and table rows; without any of those, each line of prose under it (a line
 * holding an inline list counts its items).
 */
function sectionItems(section: Section): number {
  const inline = inlineItems(section.inline).length;
  const listed = listItems(section.blocks);
  if (listed > 0) return inline + listed;
  let prose = 0;
  for (const block of section.blocks) if (block.kind === 'paragraph' || block.kind === 'code') prose += Math.max(1, inlineItems(block.text).length);
  return inline + prose;
}

function taskCount(doc: TextDoc): number {
  return doc.blocks.filter((block) => block.kind === 'task').length;
}

/** The team's AC custom field, when it holds anything. */
function judgeField(field: TextDoc): Judgement | null {
  const first = field.blocks[0];
  if (first === undefined) return null;
  const gherkin = judgeGherkin(readGherkin(field.blocks), 'AC field: ');
  if (gherkin) return gherkin;
  const tasks = taskCount(field);
  const count = tasks > 0 ? tasks : field.blocks.reduce((sum, block) => sum + (block.kind === 'heading' ? 0 : Math.max(1, inlineItems(block.text).length)), 0);
  if (count >= 2) {
    return { status: 'pass', detail: `AC field: ${plural(count, 'item')}, starting ${quote(first.text, 50)}`, message: { code: 'ac.field-items', params: { count, first: first.text } } };
  }
  return {
    status: 'warn',
    detail: `AC field: ${quote(first.text, 60)} — 1 item only, no edge case`,
    fix: NO_EDGE_CASE_FIX,
    message: { code: 'ac.field-one', params: { first: first.text } },
    fixMessage: NO_EDGE_CASE,
  };
}

/**
 * Acceptance criteria, from the most explicit source to the least: the AC field, Gherkin
 * scenarios (in any language Cucumber knows), an AC heading or label ("Acceptance criteria:",
 * "AC:", "DoD:"), a task list. The first source found decides.
 */
export const judgeAcceptanceCriteria: CriterionJudge = ({ issue, settings }) => {
  if (issue.acceptanceField) {
    const field = judgeField(issue.acceptanceField);
    if (field) return field;
  }
  const doc = issue.description;
  const gherkin = judgeGherkin(readGherkin(doc.blocks));
  if (gherkin) return gherkin;
  const section = findSection({ blocks: doc.blocks, names: withSynonyms(settings.text.acHeadings), normalized: true });
  if (section) {
    const what = `${withArticle(section.title)} ${section.via === 'heading' ? 'heading' : 'label'}`;
    return judgeItems({ count: sectionItems(section), what, source: { kind: 'section', title: section.title, via: section.via } });
  }
  const tasks = taskCount(doc);
  if (tasks > 0) return judgeItems({ count: tasks, what: doc.format === 'adf' ? 'ADF task list' : 'checklist', source: { kind: 'tasks', adf: doc.format === 'adf' } });
  return { status: 'fail', detail: 'no acceptance criteria found', fix: MISSING_FIX, message: { code: 'ac.none', params: {} }, fixMessage: MISSING };
};

export const acceptanceCriteria = defineCriterion({
  id: 'acceptance-criteria',
  label: 'Acceptance criteria',
  gapLabel: 'No acceptance criteria',
  hint: 'AC heading, Given/When/Then or the AC field',
  // Bugs have their expected behaviour in the steps; a spike's outcome is its answer.
  defaults: { story: on(3, true), bug: on(1), spike: off(), task: on(2) },
  judge: judgeAcceptanceCriteria,
});
