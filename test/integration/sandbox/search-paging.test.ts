import { APP, asArray, asObject, demoEmulator, text } from './emulator-helpers';

const JQL = encodeURIComponent('project = DEMO ORDER BY Rank ASC');

describe('search/jql paging and fields', () => {
  it('returns only issue ids when no fields are requested', () => {
    const response = demoEmulator().handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${JQL}&maxResults=2`, principal: APP });
    const issues = asArray(asObject(response.body).issues);
    expect(issues).toHaveLength(2);
    expect(Object.keys(asObject(issues[0]))).toEqual(['id']);
  });

  it('pages with an opaque nextPageToken until isLast', () => {
    const emulator = demoEmulator();
    const seen: string[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const tokenPart: string = token ? `&nextPageToken=${encodeURIComponent(token)}` : '';
      const body = asObject(emulator.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${JQL}&fields=summary&maxResults=20${tokenPart}`, principal: APP }).body);
      for (const issue of asArray(body.issues)) seen.push(text(asObject(issue).key));
      token = body.isLast === true ? null : text(body.nextPageToken);
      if (body.isLast === true) expect(body.nextPageToken).toBeUndefined();
      pages += 1;
    } while (token);
    expect(pages).toBe(4); // DEMO grew by the 14 issues of its older sprint history
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((key) => key.startsWith('DEMO-'))).toHaveLength(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(40);
  });

  it('rejects a token used with another query', () => {
    const emulator = demoEmulator();
    const first = asObject(emulator.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${JQL}&maxResults=5`, principal: APP }).body);
    const other = encodeURIComponent('project = TEAM');
    const response = emulator.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${other}&nextPageToken=${text(first.nextPageToken)}`, principal: APP });
    expect(response.status).toBe(400);
  });

  it('caps pages at 100 issues when fields are requested, and supports POST with *all and -field', () => {
    const emulator = demoEmulator();
    const big = asObject(emulator.handle({ method: 'GET', path: `/rest/api/3/search/jql?jql=${encodeURIComponent('project in (DEMO, TEAM)')}&fields=summary&maxResults=500`, principal: APP }).body);
    expect(asArray(big.issues).length).toBeLessThanOrEqual(100);
    const posted = emulator.handle({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'key = DEMO-5', fields: ['*all', '-description'] }, principal: APP });
    const fields = asObject(asObject(asArray(asObject(posted.body).issues)[0]).fields);
    expect(fields.summary).toBe('Show saved cards at checkout');
    expect(fields.description).toBeUndefined();
    expect(fields.customfield_10106).toBe(5);
    expect(asArray(fields.customfield_10104)).toEqual([expect.objectContaining({ id: 14, state: 'future', boardId: 1 })]);
  });
});
