import { InvalidStoreKeyError } from '../../../src/store/errors';
import { isValidChecklistItemId, storeKeys } from '../../../src/store/keys';

describe('storeKeys', () => {
  it('builds the documented keys from trusted ids', () => {
    expect(storeKeys.settings({ projectId: '10000' })).toBe('settings:10000');
    expect(storeKeys.vote({ issueId: '10001', accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077' })).toBe(
      'vote:10001:557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    );
    expect(storeKeys.votePrefix({ issueId: '10001' })).toBe('vote:10001:');
    expect(storeKeys.round({ issueId: '10001' })).toBe('round:10001');
    expect(storeKeys.checklistItem({ issueId: '10001', itemId: 'design-reviewed' })).toBe('checklist:10001:design-reviewed');
    expect(storeKeys.permission({ projectId: '10000', accountId: 'u1' })).toBe('perm:10000:u1');
    expect(storeKeys.sprintFlag({ issueId: '10001' })).toBe('sprintflag:10001');
    expect(storeKeys.sprintComment({ issueId: '10001', sprintId: 7 })).toBe('sprintcomment:10001:7');
    expect(storeKeys.fields({ siteId: 'site' })).toBe('fields:site');
    expect(storeKeys.rescoreCursor()).toBe('rescore:cursor');
  });

  it.each([
    () => storeKeys.settings({ projectId: '10000:evil' }),
    () => storeKeys.round({ issueId: '' }),
    () => storeKeys.votePrefix({ issueId: '1/../2' }),
    () => storeKeys.vote({ issueId: '1', accountId: 'a b' }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: 'Has Spaces' }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: 'x'.repeat(41) }),
    () => storeKeys.checklistItem({ issueId: '1', itemId: '../settings' }),
    () => storeKeys.sprintComment({ issueId: '1', sprintId: 1.5 }),
  ])('refuses ids that could escape their key (%#)', (build) => {
    expect(build).toThrow(InvalidStoreKeyError);
  });

  it('validates checklist item ids', () => {
    expect(isValidChecklistItemId('po-approved')).toBe(true);
    expect(isValidChecklistItemId('PO')).toBe(false);
  });
});
