import type { AdfNode } from '../../../src/usecases/ports';
import { sprintFlagComment } from '../../../src/usecases/sprint-flag-comment';
import { aCriterion, aReadiness, adfProblems } from './builders';

const textOf = (nodes: AdfNode[] = []): string => nodes.map((node) => (node.text ?? '') + textOf(node.content)).join('');
const bulletLists = (nodes: AdfNode[]): AdfNode[] => nodes.filter((node) => node.type === 'bulletList');

function comment(readiness = aReadiness()) {
  return sprintFlagComment({ readiness, sprintName: 'DEMO Sprint 7', label: 'not-ready' });
}

describe('sprintFlagComment', () => {
  it('is a valid ADF document', () => {
    const doc = comment();
    expect(doc).toMatchObject({ type: 'doc', version: 1 });
    expect(adfProblems(doc)).toEqual([]);
  });

  it('(the ADF check itself rejects what Jira would reject)', () => {
    expect(adfProblems({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).not.toEqual([]);
    expect(adfProblems({ type: 'doc', version: 1, content: [{ type: 'bulletList', content: [{ type: 'paragraph', content: [] }] }] })).not.toEqual([]);
  });

  it('names the sprint, the score, the threshold and the label', () => {
    const text = textOf(comment(aReadiness({ score: 47, threshold: 75 })).content);
    expect(text).toContain('DEMO Sprint 7');
    expect(text).toContain('readiness 47');
    expect(text).toContain('ready at 75');
    expect(text).toContain('“not-ready”');
  });

  it('lists each failing criterion with its fix, and nothing that passes or warns', () => {
    const readiness = aReadiness({
      criteria: [
        aCriterion({ id: 'acceptance-criteria', label: 'Acceptance criteria', fix: 'Add Given/When/Then scenarios.' }),
        aCriterion({ id: 'estimate', label: 'Estimate', detail: 'No story points', fix: 'Estimate it with the team.' }),
        aCriterion({ id: 'scope-bounds', label: 'Scope bounds', status: 'warn', fix: 'Add an “Out of scope” section.' }),
        aCriterion({ id: 'description', label: 'Description', status: 'pass', fix: undefined }),
      ],
    });
    const lists = bulletLists(comment(readiness).content);
    expect(lists).toHaveLength(1);
    const bullets = (lists[0]!.content ?? []).map((item) => textOf([item]));
    expect(bullets).toEqual(['Acceptance criteria: Add Given/When/Then scenarios.', 'Estimate: Estimate it with the team.']);
  });

  it('falls back to what was seen when a failing criterion has no fix', () => {
    const readiness = aReadiness({ criteria: [aCriterion({ label: 'Team has discussed it', detail: 'Not ticked yet', fix: undefined, manual: true })] });
    const bullets = (bulletLists(comment(readiness).content)[0]?.content ?? []).map((item) => textOf([item]));
    expect(bullets).toEqual(['Team has discussed it: Not ticked yet']);
  });

  it('shows at most 8 bullets', () => {
    const criteria = Array.from({ length: 11 }, (_, n) => aCriterion({ label: `Gap ${n + 1}`, fix: `Fix ${n + 1}` }));
    const doc = comment(aReadiness({ criteria }));
    const items = bulletLists(doc.content)[0]?.content ?? [];
    expect(items).toHaveLength(8);
    expect(textOf(items)).toContain('Gap 8');
    expect(textOf(items)).not.toContain('Gap 9');
    expect(adfProblems(doc)).toEqual([]);
  });

  it('has no bullet list, and stays valid ADF, when nothing fails', () => {
    const doc = comment(aReadiness({ criteria: [aCriterion({ status: 'warn' }), aCriterion({ status: 'pass', fix: undefined })] }));
    expect(bulletLists(doc.content)).toEqual([]);
    expect(adfProblems(doc)).toEqual([]);
  });

  it('keeps a sprint or label with special characters as plain text', () => {
    const doc = sprintFlagComment({ readiness: aReadiness(), sprintName: 'Sprint *7* <b>', label: 'dor:not-ready' });
    expect(textOf(doc.content)).toContain('entered Sprint *7* <b> but');
    expect(textOf(doc.content)).toContain('“dor:not-ready”');
    expect(adfProblems(doc)).toEqual([]);
  });
});
