/**
 * Jest helper: a fresh sandbox (Jira emulator + KVS + Forge globals) per test file, with the
 * app's real handlers from src/index.ts. Call at the top level of a describe block:
 *
 *   const env = setupSandbox();
 *   it('…', async () => { const result = await env.invoke('getReadiness', {}, { accountId: 'ana', issueKey: 'DEMO-5' }); });
 *
 * Jira retries wait on a virtual clock (`env.time`) unless `realTime: true`: a Retry-After of
 * seconds costs no wall time, and the invocation's retry budget still counts every wait.
 */
import type { JiraEmulator } from '../../sandbox/jira/emulator';
import type { KvsEmulator } from '../../sandbox/kvs';
import type { FaultController } from '../../sandbox/forge/faults';
import { createSandbox, type InvokeOptions, type Sandbox, type SandboxOptions } from '../../sandbox/runtime';
import { createVirtualTime, type VirtualTime } from './virtual-time';

export interface SetupSandboxOptions extends SandboxOptions {
  /** Recreate the sandbox before every test instead of once per file (default false). */
  freshPerTest?: boolean;
  /** Let Jira retries really sleep (default false: they use the virtual clock `env.time`). */
  realTime?: boolean;
}

export interface SandboxEnv {
  readonly sandbox: Sandbox;
  readonly jira: JiraEmulator;
  readonly kvs: KvsEmulator;
  readonly faults: FaultController;
  /** The clock the app's Jira retries and the fault injection read (real time plus all waits). */
  readonly time: VirtualTime;
  invoke<T = unknown>(functionKey: string, payload: unknown, options: InvokeOptions): Promise<T>;
  settle(): Promise<void>;
  /** Throws the current sandbox away and seeds a new one. */
  reset(): Promise<void>;
}

export function setupSandbox(options: SetupSandboxOptions = {}): SandboxEnv {
  const { freshPerTest = false, realTime = false, ...sandboxOptions } = options;
  let current: Sandbox | null = null;
  let time = createVirtualTime();
  const create = async () => {
    current = await createSandbox({ playVotes: false, logErrors: false, ...sandboxOptions });
    time = createVirtualTime();
    if (realTime) return;
    current.faults.setClock(time.now);
    current.setClock(time);
    // A test with its own app module does not run src/ (and must not load it).
    if (sandboxOptions.loadApp) return;
    // Imported only now: the app's modules must load after the sandbox installed the Forge globals.
    const { useRetryTiming } = await import('../../src/wiring');
    useRetryTiming(time);
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
    if (!realTime && !sandboxOptions.loadApp) (await import('../../src/wiring')).useRetryTiming(null);
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
    get time() {
      return time;
    },
    invoke: (functionKey, payload, invokeOptions) => sandbox().invoke(functionKey, payload, invokeOptions),
    settle: () => sandbox().settle(),
    reset: create,
  };
}
