/**
 * Runs `fn` over items with at most `limit` in flight; stops starting new ones on the first
 * error. The error is thrown at once, or with `settle` only once the calls in flight have
 * ended (for work that writes files, so nothing is still writing when the caller cleans up).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
  { settle = false }: { settle?: boolean } = {},
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  if (!settle) await Promise.all(workers);
  else {
    const rejected = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
    if (rejected) throw rejected.reason;
  }
  return results;
}
