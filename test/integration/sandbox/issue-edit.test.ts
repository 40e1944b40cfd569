import { APP, AS_TOM, asArray, asObject, demoEmulator } from './emulator-helpers';

describe('editing issues through REST', () => {
  it('adds and removes labels with update operations and announces a self-generated event', () => {
    const emulator = demoEmulator();
    const events: boolean[] = [];
    emulator.onEvent((emitted) => events.push(emitted.selfGenerated));
    const response = emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7', body: { update: { labels: [{ add: 'not-ready' }] } }, principal: APP });
    expect(response.status).toBe(204);
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual(['not-ready']);
    emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7', body: { update: { labels: [{ remove: 'not-ready' }] } }, principal: APP });
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).labels).toEqual([]);
    expect(events).toEqual([true, true]);
  });

  it('rejects fields that are not on the project screen, and wrong value types, without changing anything', () => {
    const emulator = demoEmulator();
    const wrongField = emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-9', body: { fields: { customfield_10216: 3 } }, principal: APP });
    expect(wrongField.status).toBe(400);
    expect(JSON.stringify(wrongField.body)).toContain('It is not on the appropriate screen, or unknown');
    const stringPoints = emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-9', body: { fields: { customfield_10106: '3', summary: 'changed' } }, principal: APP });
    expect(stringPoints.status).toBe(400);
    expect(asObject(emulator.issueSnapshot('DEMO-9')?.fields ?? null).summary).toBe('Split a payment between two cards');
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-9', body: { fields: { customfield_10106: 8 } }, principal: APP }).status).toBe(204);
    expect(asObject(emulator.issueSnapshot('DEMO-9')?.fields ?? null).customfield_10106).toBe(8);
  });

  it('sets and clears the Flagged field and keeps comments and properties', () => {
    const emulator = demoEmulator();
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7', body: { fields: { customfield_10121: [{ value: 'Impediment' }] } }, principal: APP }).status).toBe(204);
    expect(asArray(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).customfield_10121)).toHaveLength(1);
    emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7', body: { fields: { customfield_10121: null } }, principal: APP });
    expect(asObject(emulator.issueSnapshot('DEMO-7')?.fields ?? null).customfield_10121).toBeNull();
    const comment = emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: { type: 'doc', version: 1, content: [] } }, principal: APP });
    expect(comment.status).toBe(201);
    expect(asObject(asObject(comment.body).author).accountType).toBe('app');
    expect(emulator.handle({ method: 'POST', path: '/rest/api/3/issue/DEMO-7/comment', body: { body: 'plain text' }, principal: APP }).status).toBe(400);
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-7/properties/x', principal: APP }).status).toBe(404);
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7/properties/x', body: { v: 1 }, principal: APP }).status).toBe(201);
    expect(emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7/properties/x', body: { v: 2 }, principal: APP }).status).toBe(200);
    expect(asObject(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-7/properties/x', principal: AS_TOM }).body).value).toEqual({ v: 2 });
  });

  it('emits a Sprint changelog when a human moves an issue into a sprint', () => {
    const emulator = demoEmulator();
    const seen: string[] = [];
    emulator.onEvent(({ event, selfGenerated }) => {
      expect(selfGenerated).toBe(false);
      seen.push(JSON.stringify(event.changelog));
    });
    emulator.moveIssueToSprint('DEMO-15', 14, 'ana');
    expect(seen[0]).toContain('"from":"12, 13"');
    expect(seen[0]).toContain('"to":"12, 14"');
    expect(seen[0]).toContain('"toString":"DEMO Sprint 12, DEMO Sprint 14"');
  });
});
