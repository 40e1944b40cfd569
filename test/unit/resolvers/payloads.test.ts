import { RESOLVER_KEYS } from '../../../src/contract';
import { payloadSchemas } from '../../../src/resolvers/payloads';

/** Keys a hostile or confused browser might add to redirect a call; they must never survive. */
const SMUGGLED = { issueKey: 'OTHER-1', issueId: '99999', accountId: 'someone-else', projectId: '20000', key: 'settings:20000' };

describe('payloadSchemas', () => {
  it('has a schema for every resolver key', () => {
    expect(Object.keys(payloadSchemas).sort()).toEqual([...RESOLVER_KEYS].sort());
  });

  it.each([
    ['getReadiness', {}],
    ['getRound', {}],
    ['revealVotes', {}],
    ['resetVotes', {}],
    ['getSettings', {}],
    ['resetSettings', {}],
    ['castVote', { value: '5' }],
    ['acceptEstimate', { value: '8' }],
    ['setChecklistItem', { itemId: 'team-discussed', checked: true }],
    ['getAgenda', { sessionMinutes: 45, boardId: 3 }],
    ['getSprintCheck', { sprintId: 37 }],
    ['saveSettings', { settings: { readyThreshold: 70 } }],
    ['previewSettings', { settings: { readyThreshold: 70 } }],
  ] as const)('%s strips issue, account and storage keys and keeps its own fields', (key, payload) => {
    const parsed = payloadSchemas[key].safeParse({ ...SMUGGLED, ...payload });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(payload);
  });

  it('keeps optional agenda and sprint fields optional', () => {
    expect(payloadSchemas.getAgenda.parse({})).toEqual({});
    expect(payloadSchemas.getSprintCheck.parse({ accountId: 'x' })).toEqual({});
  });

  it('trims a card value', () => {
    expect(payloadSchemas.castVote.parse({ value: ' 13 ' })).toEqual({ value: '13' });
  });

  it.each([
    ['castVote', { value: 5 }],
    ['castVote', {}],
    ['castVote', { value: '   ' }],
    ['castVote', { value: 'a-very-long-card' }],
    ['acceptEstimate', { value: null }],
    ['setChecklistItem', { itemId: 'team-discussed', checked: 'true' }],
    ['setChecklistItem', { itemId: '', checked: true }],
    ['setChecklistItem', { itemId: 'x'.repeat(81), checked: true }],
    ['setChecklistItem', { checked: true }],
    ['getAgenda', { sessionMinutes: '60' }],
    ['getAgenda', { sessionMinutes: 5 }],
    ['getAgenda', { sessionMinutes: 241 }],
    ['getAgenda', { sessionMinutes: 45.5 }],
    ['getAgenda', { boardId: 0 }],
    ['getSprintCheck', { sprintId: -1 }],
    ['getSprintCheck', { sprintId: '37' }],
    ['saveSettings', {}],
  ] as const)('%s rejects %j', (key, payload) => {
    expect(payloadSchemas[key].safeParse(payload).success).toBe(false);
  });

  it.each([null, 'castVote', 42, [{ value: '5' }]])('rejects a payload that is not an object (%j) without throwing', (payload) => {
    expect(() => payloadSchemas.castVote.safeParse(payload)).not.toThrow();
    expect(payloadSchemas.castVote.safeParse(payload).success).toBe(false);
    expect(payloadSchemas.getReadiness.safeParse(payload).success).toBe(false);
  });
});
