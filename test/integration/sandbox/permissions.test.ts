import { APP, AS_ANA, AS_TOM, asArray, asObject, demoEmulator } from './emulator-helpers';

describe('permissions in the Jira emulator', () => {
  it('answers 404 to a user who cannot browse the project, while the app sees the issue', () => {
    const emulator = demoEmulator();
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/SEC-1', principal: AS_TOM }).status).toBe(404);
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/SEC-1', principal: AS_ANA }).status).toBe(200);
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/SEC-1', principal: APP }).status).toBe(200);
  });

  it('leaves the hidden issue out of a link entry (only id and type remain)', () => {
    const emulator = demoEmulator();
    const linksFor = (principal: typeof AS_TOM) =>
      asArray(asObject(asObject(emulator.handle({ method: 'GET', path: '/rest/api/3/issue/DEMO-25?fields=issuelinks', principal }).body).fields).issuelinks);
    const [forTom] = linksFor(AS_TOM);
    expect(Object.keys(asObject(forTom)).sort()).toEqual(['id', 'self', 'type']);
    const [forAna] = linksFor(AS_ANA);
    expect(asObject(asObject(forAna).inwardIssue).key).toBe('SEC-1');
    expect(asObject(asObject(asObject(forAna).inwardIssue).fields).status).toEqual(expect.objectContaining({ name: 'In Progress' }));
  });

  it('reports forbidden and missing issues in bulkfetch issueErrors', () => {
    const response = demoEmulator().handle({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: ['DEMO-5', 'SEC-1', 'DEMO-999'], fields: ['summary'] }, principal: AS_TOM });
    const body = asObject(response.body);
    expect(asArray(body.issues).map((issue) => asObject(issue).key)).toEqual(['DEMO-5']);
    expect(asArray(body.issueErrors).map((error) => asObject(error).id)).toEqual(['SEC-1', 'DEMO-999']);
    const tooMany = demoEmulator().handle({ method: 'POST', path: '/rest/api/3/issue/bulkfetch', body: { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `DEMO-${i + 1}`) }, principal: APP });
    expect(tooMany.status).toBe(400);
  });

  it('answers mypermissions per user and project, and requires the permissions parameter', () => {
    const emulator = demoEmulator();
    const have = (principal: typeof AS_TOM) =>
      asObject(asObject(asObject(emulator.handle({ method: 'GET', path: '/rest/api/3/mypermissions?projectKey=DEMO&permissions=ADMINISTER_PROJECTS', principal }).body).permissions).ADMINISTER_PROJECTS).havePermission;
    expect(have(AS_ANA)).toBe(true);
    expect(have(AS_TOM)).toBe(false);
    expect(emulator.handle({ method: 'GET', path: '/rest/api/3/mypermissions?projectKey=DEMO', principal: AS_TOM }).status).toBe(400);
  });

  it('answers 404 for endpoints it does not know', () => {
    expect(demoEmulator().handle({ method: 'GET', path: '/rest/api/3/search?jql=project%3DDEMO', principal: APP }).status).toBe(404);
  });
});
