import type { Json, Principal } from '../../../sandbox/jira/model';
import { APP, AS_TOM, asArray, asObject, demoEmulator, text } from './emulator-helpers';

function search(jql: string, principal: Principal = APP) {
  return demoEmulator().handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&fields=key&maxResults=100`, principal });
}

const keys = (body: Json | null): string[] => asArray(asObject(body).issues).map((issue) => text(asObject(issue).key));

const errorMessages = (body: Json | null): string => JSON.stringify(asObject(body).errorMessages);

describe('JQL on /rest/api/3/search/jql', () => {
  it('evaluates project, sprint functions, status category and rank order', () => {
    const response = search('project = DEMO AND sprint in futureSprints() AND statusCategory != Done ORDER BY Rank ASC');
    expect(response.status).toBe(200);
    const found = keys(response.body);
    expect(found).toEqual(['DEMO-5', 'DEMO-12', 'DEMO-6', 'DEMO-7', 'DEMO-8', 'DEMO-10', 'DEMO-11', 'DEMO-19']);
  });

  it('supports sprint = N, key in, labels, OR, NOT and parentheses', () => {
    expect(keys(search('sprint = 14 AND labels = paypal').body)).toEqual(['DEMO-12']);
    expect(keys(search('key in (DEMO-5, DEMO-7) ORDER BY key ASC').body)).toEqual(['DEMO-5', 'DEMO-7']);
    expect(keys(search('project = DEMO AND (labels = paypal OR labels = "needs-spike") AND NOT statusCategory = Done ORDER BY key').body)).toEqual(['DEMO-12', 'DEMO-31', 'DEMO-34']);
    expect(keys(search('issuetype = Spike AND resolution = EMPTY').body)).toEqual(['DEMO-33']);
    expect(keys(search('project = DEMO AND sprint in closedSprints() AND statusCategory = Done').body)).toHaveLength(24); // 12 of Sprints 10–12, 12 of the older history (7–9)
  });

  it('answers 400 with Jira-style messages for JQL it cannot parse or evaluate', () => {
    const bad = search('project = DEMO AND');
    expect(bad.status).toBe(400);
    expect(errorMessages(bad.body)).toContain('Error in the JQL Query');
    expect(search('projectt = DEMO').status).toBe(400);
    expect(errorMessages(search('projectt = DEMO').body)).toContain("Field 'projectt' does not exist");
    expect(search('sprint in nextSprints()').status).toBe(400);
  });

  it('rejects unbounded queries like Jira', () => {
    const response = search('order by key desc');
    expect(response.status).toBe(400);
    expect(errorMessages(response.body)).toContain('Unbounded JQL queries are not allowed');
    expect(search('').status).toBe(400);
  });

  it('treats a project the user cannot browse as non-existent', () => {
    expect(search('project = SEC', APP).status).toBe(200);
    const forTom = search('project = SEC', AS_TOM);
    expect(forTom.status).toBe(400);
    expect(errorMessages(forTom.body)).toContain("The value 'SEC' does not exist for the field 'project'");
  });

  it('searches the readiness entity property by its alias', () => {
    const emulator = demoEmulator();
    const put = emulator.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMO-7/properties/refinement-radar-readiness', body: { score: 20, state: 'not-ready', gaps: ['estimate'] }, principal: APP });
    expect(put.status).toBe(201);
    const response = emulator.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DEMO AND readinessScore < 50')}&fields=key`, principal: APP });
    expect(keys(response.body)).toEqual(['DEMO-7']);
  });
});
