/**
 * Timing and memory helpers shared by the scenarios. Wall time uses performance.now();
 * memory is the peak RSS sampled while a scenario runs, plus the heap growth it left behind.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: p95 of 5 samples is the slowest one, never an interpolated value.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

const MB = 1024 * 1024;

const isCallable = (value: unknown): value is () => void => typeof value === 'function';

/** Only available under --expose-gc (the bench script passes it); without it heap Δ is noisier. */
function collectGarbage(): void {
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (isCallable(gc)) gc();
}

export interface MemoryUse {
  peakRssMb: number;
  heapDeltaMb: number;
}

/** Runs `work` while sampling RSS every 25 ms; heap delta is measured after a GC when --expose-gc is on. */
export async function withMemory<T>(work: () => Promise<T>): Promise<{ value: T; memory: MemoryUse }> {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 25);
  sampler.unref();
  try {
    const value = await work();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    collectGarbage();
    const heapDelta = process.memoryUsage().heapUsed - heapBefore;
    return { value, memory: { peakRssMb: round(peakRss / MB), heapDeltaMb: round(heapDelta / MB) } };
  } finally {
    clearInterval(sampler);
  }
}

export const round = (value: number, digits = 1): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export const sumCalls = (calls: Record<string, number>): number => Object.values(calls).reduce((sum, count) => sum + count, 0);

/** Captures console.info lines while `work` runs (the triggers report there), still printing nothing. */
export async function captureInfo<T>(work: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const original = console.info;
  console.info = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  };
  try {
    return { value: await work(), lines };
  } finally {
    console.info = original;
  }
}
