/**
 * `npm start`: the sandbox with the demo site on http://127.0.0.1:${PORT:-4173}/.
 */
import { createSandbox } from './runtime';
import { startServer } from './server';

async function main(): Promise<void> {
  const sandbox = await createSandbox({ seed: 'demo', playVotes: process.env.SANDBOX_PLAY_VOTES !== '0' });
  const port = Number(process.env.PORT ?? 4173);
  const server = await startServer({ port, sandbox });
  const links: [string, string][] = [
    ['Home', `${server.url}/?as=ana`],
    ['Ready story', `${server.url}/browse/DEMO-5?as=ana`],
    ['Vague story', `${server.url}/browse/DEMO-7?as=raj`],
    ['3 vs 13 estimates', `${server.url}/browse/DEMO-9?as=raj`],
    ['Blocked, out of order', `${server.url}/browse/DEMO-12?as=tom`],
    ['Refinement agenda', `${server.url}/projects/DEMO/agenda?as=ana`],
    ['Project settings', `${server.url}/projects/DEMO/settings?as=ana   (Tom is not an admin: ?as=tom)`],
    ['Dark theme', 'add &theme=dark'],
  ];
  const width = Math.max(...links.map(([label]) => label.length)) + 2;
  const lines = [
    `Refinement Radar sandbox running at ${server.url}/`,
    '',
    ...links.map(([label, link]) => `  ${label.padEnd(width)}${link}`),
    '',
    process.env.SANDBOX_TRAFFIC_LOG ? `Jira traffic is logged to ${process.env.SANDBOX_TRAFFIC_LOG}` : 'Set SANDBOX_TRAFFIC_LOG=file.ndjson to log every Jira exchange.',
  ];
  console.log(lines.join('\n'));
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
