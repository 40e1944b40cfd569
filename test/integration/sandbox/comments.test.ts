/**
 * The emulator's comment routes, written from the platform REST spec (issue comments group):
 * addComment with `properties`, getComments (`orderBy`, paging, `PageOfComments`) and
 * getCommentsByIds (`expand=properties`, `PageBeanComment`).
 */
import { AS_TOM, APP, asArray, asObject, demoEmulator, text } from './emulator-helpers';

const adf = (words: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });

describe('comment routes', () => {
  it('stores comment properties given on create and returns them only when expanded on the list by ids', () => {
    const emulator = demoEmulator();
    // The spec's example value shape for EntityProperty: { key, value }.
    const created = emulator.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMO-7/comment',
      body: { body: adf('marked'), properties: [{ key: 'refinement-radar-comment', value: { kind: 'sprint-flag', sprintId: 15, v: 1 } }] },
      principal: APP,
    });
    expect(created.status).toBe(201);
    const id = text(asObject(created.body).id);

    const plain = emulator.handle({ method: 'POST', path: '/rest/api/3/comment/list', body: { ids: [Number(id)] }, principal: APP });
    expect(plain.status).toBe(200);
    expect(asObject(asArray(asObject(plain.body).values)[0] ?? null).properties).toBeUndefined();

    const expanded = emulator.handle({ method: 'POST', path: '/rest/api/3/comment/list?expand=properties', body: { ids: [Number(id), 999_999] }, principal: APP });
    expect(asObject(expanded.body)).toMatchObject({ isLast: true, startAt: 0, total: 1 });
    expect(asArray(asObject(expanded.body).values)).toEqual([
      expect.objectContaining({ id, properties: [{ key: 'refinement-radar-comment', value: { kind: 'sprint-flag', sprintId: 15, v: 1 } }] }),
    ]);
  });

  it('refuses malformed properties and an empty or oversized id list with 400', () => {
    const emulator = demoEmulator();
    expect(emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: adf('x'), properties: { key: 'k' } }, principal: APP }).status).toBe(400);
    expect(emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: adf('x'), properties: [{ key: '', value: 1 }] }, principal: APP }).status).toBe(400);
    expect(emulator.handle({ method: 'POST', path: '/rest/api/3/comment/list', body: { ids: [] }, principal: APP }).status).toBe(400);
    expect(emulator.handle({ method: 'POST', path: '/rest/api/3/comment/list', body: { ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, principal: APP }).status).toBe(400);
  });

  it('lists an issue’s comments oldest first, newest first with orderBy=-created, paged, and refuses other orders', () => {
    const emulator = demoEmulator();
    for (const words of ['first', 'second', 'third']) emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: adf(words) }, principal: APP });
    const ids = (path: string) => asArray(asObject(emulator.handle({ method: 'GET', path, principal: APP }).body).comments).map((comment) => asObject(comment).id);

    const ascending = ids('/rest/api/3/issue/DEMO-7/comment');
    expect(ids('/rest/api/3/issue/DEMO-7/comment?orderBy=-created')).toEqual([...ascending].reverse());
    expect(ids('/rest/api/3/issue/DEMO-7/comment?orderBy=%2Bcreated')).toEqual(ascending);
    const page = asObject(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-7/comment?orderBy=-created&maxResults=2&startAt=1', principal: APP }).body);
    expect(page).toMatchObject({ startAt: 1, maxResults: 2, total: ascending.length });
    expect(asArray(page.comments).map((comment) => asObject(comment).id)).toEqual([...ascending].reverse().slice(1, 3));
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-7/comment?orderBy=updated', principal: APP }).status).toBe(400);
  });

  it('shows no comments of an issue the caller may not browse', () => {
    const emulator = demoEmulator();
    const created = emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: adf('private') }, principal: APP });
    const id = Number(asObject(created.body).id);
    emulator.setAccess(AS_TOM.kind === 'user' ? AS_TOM.accountId : '', 'DEMO', { browse: false, edit: false, admin: false });
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-7/comment', principal: AS_TOM }).status).toBe(404);
    expect(asObject(emulator.handle({ method: 'POST', path: '/rest/api/3/comment/list', body: { ids: [id] }, principal: AS_TOM }).body).values).toEqual([]);
  });
});
