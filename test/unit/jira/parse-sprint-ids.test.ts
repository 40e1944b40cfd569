import { parseSprintIds } from '../../../src/jira/parse-sprint-ids';

describe('parseSprintIds', () => {
  it('reads today\'s array of sprint objects', () => {
    expect(
      parseSprintIds([
        { id: 12, name: 'Sprint 12', state: 'closed', boardId: 3 },
        { id: 13, name: 'Sprint 13', state: 'active', boardId: 3 },
      ]),
    ).toEqual([12, 13]);
  });

  it('reads legacy greenhopper strings', () => {
    expect(
      parseSprintIds([
        'com.atlassian.greenhopper.service.sprint.Sprint@1a2b3c[id=12,rapidViewId=3,state=CLOSED,name=Sprint 12,startDate=2026-01-01T00:00:00.000Z]',
        'com.atlassian.greenhopper.service.sprint.Sprint@4d5e6f[rapidViewId=3,id=14,state=FUTURE,name=Sprint 14]',
      ]),
    ).toEqual([12, 14]);
  });

  it('reads the single sprint object of Agile endpoints and string ids', () => {
    expect(parseSprintIds({ id: 37, state: 'future' })).toEqual([37]);
    expect(parseSprintIds([{ id: '38' }])).toEqual([38]);
  });

  it('ignores nulls, duplicates and unreadable entries', () => {
    expect(parseSprintIds(null)).toEqual([]);
    expect(parseSprintIds([{ id: 5 }, { id: 5 }, 'Sprint@[name=x]', { name: 'no id' }, true])).toEqual([5]);
  });
});
