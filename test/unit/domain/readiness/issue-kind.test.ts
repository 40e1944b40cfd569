import { issueKindFromType } from '../../../../src/domain/issue-kind';

describe('issueKindFromType', () => {
  it.each([
    [{ name: 'Story' }, 'story'],
    [{ name: 'user story' }, 'story'],
    [{ name: 'Bug' }, 'bug'],
    [{ name: 'Defect' }, 'bug'],
    [{ name: 'Spike' }, 'spike'],
    [{ name: 'Research' }, 'spike'],
    [{ name: 'Investigation' }, 'spike'],
    [{ name: 'Epic' }, 'epic'],
    [{ name: 'Feature', hierarchyLevel: 1 }, 'epic'],
    [{ name: 'Sub-task', subtask: true }, 'subtask'],
    [{ name: 'Technical work', hierarchyLevel: -1 }, 'subtask'],
    [{ name: 'Task' }, 'task'],
    [{ name: 'Improvement', hierarchyLevel: 0 }, 'task'],
  ] as const)('%j → %s', (type, kind) => {
    expect(issueKindFromType(type)).toBe(kind);
  });
});
