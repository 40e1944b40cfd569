/**
 * Runs `work` over items with at most `limit` in flight, so writes are spread instead of
 * bursting into Jira's per-second limits. Stops starting new items once `deadline` passes
 * (Forge ends triggers at 25 s); what was not started is reported, not lost.
 */
export async function mapBounded<T, R>({
  items,
  limit,
  work,
  deadline,
  now = () => Date.now(),
}: {
  items: readonly T[];
  limit: number;
  work: (item: T, index: number) => Promise<R>;
  deadline?: number;
  now?: () => number;
}): Promise<{ results: (R | undefined)[]; errors: { index: number; error: unknown }[]; notStarted: number }> {
  const results: (R | undefined)[] = new Array<R | undefined>(items.length).fill(undefined);
  const errors: { index: number; error: unknown }[] = [];
  // One iterator shared by every lane: each item is taken exactly once.
  const queue = items.entries();
  let notStarted = 0;
  const lane = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (deadline !== undefined && now() > deadline) {
        notStarted++;
        continue;
      }
      try {
        results[index] = await work(item, index);
      } catch (error) {
        errors.push({ index, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return { results, errors, notStarted };
}
