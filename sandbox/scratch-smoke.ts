import { createSandbox } from './runtime';
async function main() {
  const sb = await createSandbox({ playVotes: false, loadApp: async () => ({}) });
  const { asUser, asApp, route } = await import('@forge/api');
  const { kvs, WhereConditions } = await import('@forge/kvs');
  const r = await asApp().requestJira(route`/rest/api/3/search/jql?jql=${'project = DEMO AND sprint in openSprints() ORDER BY Rank ASC'}&fields=summary,customfield_10106,customfield_10104&maxResults=5`);
  console.log(r.status, JSON.stringify(await r.json()).slice(0, 600));
  const r2 = await asApp().requestJira(route`/rest/api/3/search/jql?jql=${'order by key'}`);
  console.log(r2.status, await r2.text());
  const r3 = await asApp().requestJira(route`/rest/agile/1.0/board/1/backlog?maxResults=5&fields=summary`);
  const b = await r3.json() as {issues: {key: string}[]};
  console.log(r3.status, b.issues.map(i => i.key));
  await kvs.set('vote:1:a', { value: '3' });
  await kvs.set('vote:1:b', { value: '13' }, );
  console.log(await kvs.get('vote:1:a'), await kvs.get('nope'));
  console.log(JSON.stringify(await kvs.query().where('key', WhereConditions.beginsWith('vote:1:')).limit(1).getMany()));
  const r4 = await asApp().requestJira(route`/rest/api/3/issue/DEMO-25?fields=issuelinks`);
  console.log(JSON.stringify(await r4.json()).slice(0, 400));
  console.log(sb.jiraCalls());
}
main().catch((e) => { console.error(e); process.exit(1); });
