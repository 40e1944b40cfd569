/**
 * Seeds the 3-vs-13 estimation round on DEMO-9 through the app's real resolvers,
 * exactly as Ana's and Raj's browsers would: two votes, then Ana reveals.
 */
import type { Sandbox } from '../runtime';

/** The story the demo's estimates diverge on (sandbox/README.md). */
const DIVERGENT_ISSUE = 'DEMO-9';

interface Step {
  accountId: string;
  functionKey: 'castVote' | 'revealVotes';
  payload: Record<string, string>;
}

const STEPS: Step[] = [
  { accountId: 'ana', functionKey: 'castVote', payload: { value: '3' } },
  { accountId: 'raj', functionKey: 'castVote', payload: { value: '13' } },
  { accountId: 'ana', functionKey: 'revealVotes', payload: {} },
];

const isFailedEnvelope = (value: unknown): boolean => typeof value === 'object' && value !== null && Reflect.get(value, 'ok') === false;

/** Returns the problems met; never throws, so a half-built app still gets a sandbox. */
export async function playVotes(sandbox: Pick<Sandbox, 'invoke' | 'settle'>): Promise<string[]> {
  const problems: string[] = [];
  for (const step of STEPS) {
    try {
      const result = await sandbox.invoke(step.functionKey, step.payload, { accountId: step.accountId, issueKey: DIVERGENT_ISSUE });
      if (isFailedEnvelope(result)) problems.push(`${step.functionKey} by ${step.accountId}: ${JSON.stringify(Reflect.get(result as object, 'error'))}`);
    } catch (error) {
      problems.push(`${step.functionKey} by ${step.accountId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await sandbox.settle();
  if (problems.length > 0) console.warn(`[sandbox] seeding the 3-vs-13 votes on ${DIVERGENT_ISSUE} did not work yet:\n  ${problems.join('\n  ')}`);
  return problems;
}
