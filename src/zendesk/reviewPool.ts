/**
 * Bounded concurrency for the supervisors' review: many independent reads (search pages, ticket audits)
 * run a few at a time, so the page loads in a handful of round trips without flooding Zendesk's rate
 * limit (each 429 is still waited out by rest.ts).
 */

/** How many reads the review keeps in flight at once by default. */
export const REVIEW_CONCURRENCY = 6;

/**
 * Calls `work` on every item with at most `limit` calls unfinished at any time, and returns the results
 * in the items' order. The first failure rejects the whole call once the calls already running settle;
 * no new call starts after it.
 */
export async function mapBounded<Item, Result>(
  items: readonly Item[],
  limit: number,
  work: (item: Item, index: number) => Promise<Result>,
): Promise<Result[]> {
  const results = new Array<Result>(items.length);
  const state: { next: number; failure: { error: unknown } | null } = { next: 0, failure: null };
  const worker = async (): Promise<void> => {
    while (state.failure === null && state.next < items.length) {
      const index = state.next;
      state.next += 1;
      try {
        results[index] = await work(items[index] as Item, index);
      } catch (error) {
        state.failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  const { failure } = state;
  if (failure !== null) {
    throw failure.error instanceof Error ? failure.error : new Error(String(failure.error));
  }
  return results;
}
