import { InvalidStoreKeyError } from '../../../src/store/errors';
import { isValidChecklistItemId, storeKeys } from '../../../src/store/keys';

describe('storeKeys', () => {
  it('builds the documented keys from trusted ids', () => {
    expect(storeKeys.settings({ projectId: '10000' })).toBe('settings:10000');
    expect(storeKeys.ballot({ issueId: '10001', roundNumber: 2, slot: 7 })).toBe('vote:10001:2:7');
    expect(storeKeys.roundStart({ issueId: '10001', roundNumber: 3 })).toBe('round:10001:3');
    expect(storeKeys.roundClosed({ issueId: '10001', roundNumber: 3 })).toBe('round:10001:3:closed');
    expect(storeKeys.roundRevealed({ issueId: '10001', roundNumber: 3 })).toBe('round:10001:3:revealed');
    expect(storeKeys.roundAccepted({ issueId: '10001', roundNumber: 3 })).toBe('round:10001:3:accepted');
    expect(storeKeys.checklistItem({ issueId: '10001', itemId: 'design-reviewed' })).toBe('checklist:10001:design-reviewed');
    expect(storeKeys.permission({ projectId: '10000', accountId: 'u1' })).toBe('perm:10000:u1');
    expect(storeKeys.sprintFlag({ issueId: '10001' })).toBe('sprintflag:10001');
    expect(storeKeys.sprintComment({ issueId: '10001', sprintId: 7 })).toBe('sprintcomment:10001:7');
    expect(storeKeys.sprintComment({ issueId: '10001', sprintId: 7, attempt: 1 })).toBe('sprintcomment:10001:7');
    expect(storeKeys.sprintComment({ issueId: '10001', sprintId: 7, attempt: 2 })).toBe('sprintcomment:10001:7:2');
    expect(storeKeys.fields({ siteId: 'site' })).toBe('fields:site');
  });

  it.each([
    () => storeKeys.settings({ projectId: '10000:evil' }),
    () => storeKeys.roundStart({ issueId: '', roundNumber: 1 }),
    () => storeKeys.roundStart({ issueId: '1', roundNumber: 0 }),
    () => storeKeys.roundRevealed({ issueId: '1', roundNumber: 1.5 }),
    () => storeKeys.ballot({ issueId: '1/../2', roundNumber: 1, slot: 1 }),
    () => storeKeys.ballot({ issueId: '1', roundNumber: 1, slot: -1 }),
    () => storeKeys.permission({ projectId: '1', accountId: 'a b' }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: 'Has Spaces' }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: 'x'.repeat(41) }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: '../settings' }),
    () => storeKeys.sprintComment({ issueId: '1', sprintId: 1.5 }),
    () => storeKeys.sprintComment({ issueId: '1', sprintId: 1, attempt: 0 }),
  ])('refuses ids that could escape their key (%#)', (build) => {
    expect(build).toThrow(InvalidStoreKeyError);
  });

  it('validates checklist item ids', () => {
    expect(isValidChecklistItemId('po-approved')).toBe(true);
    expect(isValidChecklistItemId('PO')).toBe(false);
  });
});
