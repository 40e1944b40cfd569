// Validates manifest.yml offline with @forge/manifest (FULL + PRODUCT_TRIGGER), because `forge lint`
// needs a login. Usage: node scripts/validate-manifest.mjs [path/to/manifest.yml]
// Our own checks (scopes, event names, handlers, builds) live in test/unit/manifest/manifest.test.ts.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import forgeManifest from '@forge/manifest';

const { ProcessorBuilder, ValidationTypes } = forgeManifest;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const manifestPath = path.resolve(process.argv[2] ?? path.join(ROOT, 'manifest.yml'));
  // Forge resolves function handlers against ./src, so validate from the project root.
  process.chdir(ROOT);
  let failed = false;
  for (const type of [ValidationTypes.FULL, ValidationTypes.PRODUCT_TRIGGER]) {
    const result = await ProcessorBuilder.instance().withValidation(type).build().process(manifestPath);
    for (const error of result.errors ?? []) {
      console.log(`${type} ${error.level} line ${error.line ?? '?'}: ${error.message}`);
    }
    console.log(`${type}: ${result.success ? 'ok' : 'FAILED'}`);
    failed ||= !result.success;
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
