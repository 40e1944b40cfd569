/**
 * Jest helper: a fresh sandbox (Jira emulator + KVS + Forge globals) per test file, with the
 * app's real handlers from src/index.ts. Call at the top level of a describe block:
 *
 *   const env = setupSandbox();
 *   it('…', async () => { const result = await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-5' }); });
 */
import type { JiraEmulator } from '../../sandbox/jira/emulator';
import type { KvsEmulator } from '../../sandbox/kvs';
import type { FaultController } from '../../sandbox/forge/faults';
import { createSandbox, type InvokeOptions, type Sandbox, type SandboxOptions } from '../../sandbox/runtime';

export interface SetupSandboxOptions extends SandboxOptions {
  /** Recreate the sandbox before every test instead of once per file (default false). */
  freshPerTest?: boolean;
}

export interface SandboxEnv {
  readonly sandbox: Sandbox;
  readonly jira: JiraEmulator;
  readonly kvs: KvsEmulator;
  readonly faults: FaultController;
  invoke<T = unknown>(functionKey: string, payload: unknown, options: InvokeOptions): Promise<T>;
  settle(): Promise<void>;
  /** Throws the current sandbox away and seeds a new one. */
  reset(): Promise<void>;
}

export function setupSandbox(options: SetupSandboxOptions = {}): SandboxEnv {
  const { freshPerTest = false, ...sandboxOptions } = options;
  let current: Sandbox | null = null;
  const create = async () => {
    current = await createSandbox({ playVotes: false, logErrors: false, ...sandboxOptions });
  };
  const sandbox = (): Sandbox => {
    if (!current) throw new Error('setupSandbox(): the sandbox exists only inside tests (after beforeAll)');
    return current;
  };

  if (freshPerTest) beforeEach(create);
  else beforeAll(create);
  afterEach(() => current?.faults.clear());
  afterAll(async () => {
    await current?.settle();
    current = null;
  });

  return {
    get sandbox() {
      return sandbox();
    },
    get jira() {
      return sandbox().jira;
    },
    get kvs() {
      return sandbox().kvs;
    },
    get faults() {
      return sandbox().faults;
    },
    invoke: (functionKey, payload, invokeOptions) => sandbox().invoke(functionKey, payload, invokeOptions),
    settle: () => sandbox().settle(),
    reset: create,
  };
}
