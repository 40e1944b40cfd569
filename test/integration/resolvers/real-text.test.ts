/**
 * Text as real teams write it (issue 13, "Real text was misread"), read through the real
 * getReadiness resolver on seeded demo issues (sandbox/seed/demo.ts, DEMO-60 to DEMO-64): inline
 * AC labels with "*" or numbered items on one line, a German Gherkin scenario, a Chinese user story,
 * and a wiki markup list under "h3. Acceptance Criteria". Each once misread as "no acceptance criteria
 * found" or "too short".
 */
import type { Criterion, IssueReadiness } from '../../../src/contract';
import { setupSandbox } from '../../support/sandbox-env';
import { readinessOf } from './resolver-helpers';

function criterion(readiness: IssueReadiness, id: Criterion['id']): Pick<Criterion, 'status' | 'detail'> {
  const found = readiness.criteria.find((c) => c.id === id);
  if (found === undefined) throw new Error(`${readiness.issueKey} has no ${id} criterion`);
  return { status: found.status, detail: found.detail };
}

describe('real text through getReadiness', () => {
  const env = setupSandbox();

  it.each([
    ['DEMO-60', 'inline "Acceptance criteria: * … * …" on one line', 'an ‘Acceptance criteria’ label with 2 items'],
    ['DEMO-61', '"AC: 1. … 2. … 3. …" on one line', 'an ‘AC’ label with 3 items'],
    ['DEMO-62', 'a German Gherkin scenario (Szenario / Angenommen / Wenn / Dann)', '2 Given/When/Then scenarios'],
    ['DEMO-64', 'a wiki markup list under "h3. Acceptance Criteria"', 'an ‘Acceptance Criteria’ heading with 3 items'],
  ])('%s: finds the acceptance criteria in %s', async (key, _what, detail) => {
    const readiness = await readinessOf({ env, key });
    expect(criterion(readiness, 'acceptance-criteria')).toEqual({ status: 'pass', detail });
    expect(readiness.flags.map((flag) => flag.type)).not.toContain('no-acceptance-criteria');
  });

  it('DEMO-63: counts the words of a ~90-character Chinese user story instead of failing it as too short', async () => {
    const readiness = await readinessOf({ env, key: 'DEMO-63' });
    const description = criterion(readiness, 'description');
    expect(description.status).toBe('pass');
    const words = Number(/^(\d+) words/.exec(description.detail)?.[1] ?? '0');
    expect(words).toBeGreaterThan(30);
  });
});
