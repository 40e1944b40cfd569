import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GHERKIN_DIALECTS } from '../../../../src/domain/text/gherkin-keywords.generated';

const ROOT = path.resolve(__dirname, '../../../..');

describe('gherkin-keywords.generated.ts', () => {
  it('is what scripts/generate-gherkin-keywords.mjs writes from the installed @cucumber/gherkin', () => {
    // Runs the script with node (not npm) in print mode: a stale committed file fails here.
    const expected = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-gherkin-keywords.mjs'), '--stdout'], { encoding: 'utf8' });
    expect(readFileSync(path.join(ROOT, 'src', 'domain', 'text', 'gherkin-keywords.generated.ts'), 'utf8')).toBe(expected);
  });

  it('holds the dialects the readers rely on, trimmed and without the "*" step keyword', () => {
    expect(GHERKIN_DIALECTS.en?.given).toEqual(['Given']);
    expect(GHERKIN_DIALECTS.de?.scenario).toEqual(expect.arrayContaining(['Szenario']));
    expect(GHERKIN_DIALECTS.de?.given).toEqual(expect.arrayContaining(['Angenommen', 'Gegeben sei']));
    for (const dialect of Object.values(GHERKIN_DIALECTS)) {
      const words = [dialect.feature, dialect.scenario, dialect.scenarioOutline, dialect.examples, dialect.given, dialect.when, dialect.then, dialect.and, dialect.but].flat();
      for (const word of words) expect(word).toBe(word.trim());
      expect(words).not.toContain('*');
    }
  });
});
