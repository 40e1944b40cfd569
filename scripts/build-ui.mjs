// Builds the four Custom UI apps with Vite's JS API into static/<app>/build.
// Usage: node scripts/build-ui.mjs [app ...]   (no argument = every app)
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FEATURE_GATES_STUB = path.join(ROOT, 'static', 'shared', 'feature-gates-stub.ts');
const APPS = ['readiness-panel', 'issue-badge', 'refinement-agenda', 'project-settings'];

/** Vite config for one app: relative asset paths and external scripts only, because Forge's CSP forbids inline scripts. */
function configFor(app) {
  const root = path.join(ROOT, 'static', app);
  return {
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    oxc: { jsx: { runtime: 'automatic' } },
    resolve: {
      // Atlaskit's feature-gate client never initialises in a Forge iframe; the stub answers the same and saves ~230 KB.
      alias: [{ find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: FEATURE_GATES_STUB }],
    },
    build: {
      outDir: path.join(root, 'build'),
      emptyOutDir: true,
      // Inlined assets become data: URLs; keep every asset a file so the CSP never has to allow data:.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1500,
      sourcemap: false,
    },
  };
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

async function sizesOf(app) {
  const outDir = path.join(ROOT, 'static', app, 'build');
  const files = await listFiles(outDir);
  let raw = 0;
  let gzip = 0;
  let js = 0;
  let css = 0;
  for (const file of files) {
    const size = (await stat(file)).size;
    raw += size;
    if (/\.(js|css|html)$/.test(file)) gzip += gzipSync(readFileSync(file)).length;
    if (file.endsWith('.js')) js += size;
    if (file.endsWith('.css')) css += size;
  }
  // What the browser loads up front: the entry script named in index.html (theme chunks load on demand).
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const entryName = /<script[^>]+src="\.\/([^"]+)"/.exec(html)?.[1];
  const entry = entryName === undefined ? 0 : gzipSync(readFileSync(path.join(outDir, entryName))).length;
  return { files: files.length, raw, gzip, js, css, entry };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  const requested = process.argv.slice(2);
  const apps = requested.length > 0 ? requested : APPS;
  const unknown = apps.filter((a) => !APPS.includes(a));
  if (unknown.length > 0) throw new Error(`Unknown app(s): ${unknown.join(', ')}; known: ${APPS.join(', ')}`);
  const started = Date.now();
  // Sequential: the machine has 2 cores and each Rolldown build already uses them.
  for (const app of apps) {
    const t0 = Date.now();
    await build(configFor(app));
    const s = await sizesOf(app);
    console.log(
      `${app.padEnd(18)} ${String(s.files).padStart(3)} files  js ${kb(s.js).padStart(7)}  css ${kb(s.css).padStart(6)}  total ${kb(s.raw).padStart(7)}  entry gzip ${kb(s.entry).padStart(6)}  all gzip ${kb(s.gzip).padStart(6)}  ${Date.now() - t0} ms`,
    );
  }
  console.log(`built ${apps.length} app(s) in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
