import type { ChangelogItem } from '../../../src/triggers/events';
import { classifyChange } from '../../../src/triggers/issue-change-kind';
import { aChangelogItem, flaggedChange, labelsChange, sprintChange } from './changelog-builders';

const SPRINT_FIELD = 'customfield_10020';
const POINTS_FIELD = 'customfield_10016';

function classify(items: ChangelogItem[], overrides: { sprintFieldId?: string | null; estimationFieldIds?: string[]; appLabel?: string } = {}) {
  return classifyChange({
    items,
    sprintFieldId: SPRINT_FIELD,
    estimationFieldIds: [POINTS_FIELD],
    appLabel: 'not-ready',
    ...overrides,
  });
}

describe('classifyChange: sprint moves', () => {
  it('recognises the Sprint field by its name, even when the sprint field id is unknown', () => {
    expect(classify([sprintChange()], { sprintFieldId: null })).toEqual({ sprintChanged: true, readinessInputsChanged: false, onlyAppEdits: false });
  });

  it('recognises the sprint field by its id when the name is localized', () => {
    const item = sprintChange({ field: 'Itération' });
    expect(classify([item]).sprintChanged).toBe(true);
    expect(classify([item], { sprintFieldId: null }).sprintChanged).toBe(false);
  });

  it('does not take a rank change or another custom field for a sprint move', () => {
    const rank = aChangelogItem({ field: 'Rank', fieldId: 'Rank', fromString: '', toText: 'ranked higher' });
    const other = aChangelogItem({ field: 'Team', fieldtype: 'custom', fieldId: 'customfield_10001', fromString: null, toText: 'Payments' });
    expect(classify([rank, other])).toEqual({ sprintChanged: false, readinessInputsChanged: false, onlyAppEdits: false });
  });
});

describe('classifyChange: readiness inputs', () => {
  it.each([
    ['description', aChangelogItem({ field: 'description', fieldId: 'description' })],
    ['summary', aChangelogItem({ field: 'summary', fieldId: 'summary', fromString: 'Cart', toText: 'Save the cart between visits' })],
    ['attachment', aChangelogItem({ field: 'Attachment', fieldId: 'attachment', fromString: null, to: '10300', toText: 'mockup.png' })],
    ['issue link', aChangelogItem({ field: 'Link', fieldId: 'issuelinks', fromString: null, to: 'DEMO-12', toText: 'This issue is blocked by DEMO-12' })],
    ['issue type', aChangelogItem({ field: 'issuetype', fieldId: 'issuetype', fromString: 'Task', toText: 'Story' })],
    ['a label other than the app label', labelsChange({ from: ['backend'], to: ['backend', 'frontend'] })],
  ])('counts a %s change as a readiness input', (_name, item) => {
    expect(classify([item])).toEqual({ sprintChanged: false, readinessInputsChanged: true, onlyAppEdits: false });
  });

  it('recognises the estimation field by its id, whatever it is called', () => {
    const item = aChangelogItem({ field: 'Team points', fieldtype: 'custom', fieldId: 'customfield_10099', fromString: null, toText: '5' });
    expect(classify([item], { estimationFieldIds: ['customfield_10099'] }).readinessInputsChanged).toBe(true);
    expect(classify([item], { estimationFieldIds: [POINTS_FIELD] }).readinessInputsChanged).toBe(false);
  });

  it('ignores fields that cannot move readiness', () => {
    const assignee = aChangelogItem({ field: 'assignee', fieldId: 'assignee', fromString: null, toText: 'Ana Lopez' });
    expect(classify([assignee])).toEqual({ sprintChanged: false, readinessInputsChanged: false, onlyAppEdits: false });
  });

  it('treats an empty changelog as nothing to react to, not as an app edit', () => {
    expect(classify([])).toEqual({ sprintChanged: false, readinessInputsChanged: false, onlyAppEdits: false });
  });
});

describe('classifyChange: the app’s own writes never loop', () => {
  it.each([
    ['adding the app label', labelsChange({ from: ['backend'], to: ['backend', 'not-ready'] })],
    ['removing the app label', labelsChange({ from: ['not-ready', 'backend'], to: ['backend'] })],
    ['adding the app label to an unlabelled issue', labelsChange({ from: [], to: ['not-ready'] })],
    ['setting Flagged', flaggedChange({ set: true })],
    ['clearing Flagged', flaggedChange({ set: false })],
  ])('%s is an app-only edit that changes no readiness input', (_name, item) => {
    expect(classify([item])).toEqual({ sprintChanged: false, readinessInputsChanged: false, onlyAppEdits: true });
  });

  it('counts the label and Flagged written together as app-only', () => {
    const items = [labelsChange({ from: [], to: ['not-ready'] }), flaggedChange({ set: true })];
    expect(classify(items).onlyAppEdits).toBe(true);
  });

  it('uses the configured label, not the default one', () => {
    const item = labelsChange({ from: [], to: ['not-ready'] });
    expect(classify([item], { appLabel: 'needs-refinement' })).toEqual({ sprintChanged: false, readinessInputsChanged: true, onlyAppEdits: false });
    const own = labelsChange({ from: [], to: ['needs-refinement'] });
    expect(classify([own], { appLabel: 'needs-refinement' }).onlyAppEdits).toBe(true);
  });

  it('compares whole labels, not substrings', () => {
    const item = labelsChange({ from: [], to: ['not-ready-yet'] });
    expect(classify([item])).toEqual({ sprintChanged: false, readinessInputsChanged: true, onlyAppEdits: false });
  });

  it('a label edit that adds the app label and another label is a person’s edit', () => {
    const item = labelsChange({ from: [], to: ['not-ready', 'frontend'] });
    expect(classify([item])).toEqual({ sprintChanged: false, readinessInputsChanged: true, onlyAppEdits: false });
  });
});

describe('classifyChange: mixed changes', () => {
  it('an app label write together with a description edit still counts the description', () => {
    const items = [labelsChange({ from: [], to: ['not-ready'] }), aChangelogItem({ field: 'description', fieldId: 'description' })];
    expect(classify(items)).toEqual({ sprintChanged: false, readinessInputsChanged: true, onlyAppEdits: false });
  });

  it('a sprint move together with an app label write is a sprint change, not app-only', () => {
    const items = [sprintChange(), labelsChange({ from: [], to: ['not-ready'] })];
    expect(classify(items)).toEqual({ sprintChanged: true, readinessInputsChanged: false, onlyAppEdits: false });
  });

  it('reports both a sprint move and a story point change made in one edit', () => {
    const items = [sprintChange(), aChangelogItem({ field: 'Story point estimate', fieldtype: 'custom', fieldId: POINTS_FIELD, fromString: null, toText: '8' })];
    expect(classify(items)).toEqual({ sprintChanged: true, readinessInputsChanged: true, onlyAppEdits: false });
  });
});
