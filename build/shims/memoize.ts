/**
 * `lodash.memoize` for the sidebar bundle: Garden's theme code memoizes `getColor` with it. The lodash
 * package is CommonJS with its own Map-like cache; this is the same contract on a Map:
 * the cache key is `resolver(...args)` or the first argument, and the cache is exposed as `.cache`.
 */
type Memoized<F extends (...args: never[]) => unknown> = F & { cache: Map<unknown, ReturnType<F>> };

export default function memoize<F extends (...args: never[]) => unknown>(
  func: F,
  resolver?: (...args: Parameters<F>) => unknown,
): Memoized<F> {
  if (typeof func !== 'function' || (resolver !== undefined && typeof resolver !== 'function')) {
    throw new TypeError('memoize() expects a function (and an optional key resolver function)');
  }
  const memoized = function (this: unknown, ...args: Parameters<F>): ReturnType<F> {
    const key = resolver ? resolver.apply(this, args) : args[0];
    const cache = memoized.cache;
    if (cache.has(key)) return cache.get(key) as ReturnType<F>;
    const result = func.apply(this, args) as ReturnType<F>;
    cache.set(key, result);
    return result;
  } as Memoized<F>;
  memoized.cache = new Map();
  return memoized;
}
