/**
 * `lodash.get` for the sidebar bundle: Garden's theme code reads colour variables such as
 * `'background.primaryEmphasis'` with it. The lodash package is CommonJS (1.7 KB gzipped together with
 * lodash.memoize); this reads the same paths (`a.b.c`, `a[0].b`, `a["dotted.key"]`, or an array of keys)
 * and returns `fallback` when the value is missing. A key that exists as written (`'a.b'` on
 * `{ 'a.b': 1 }`) wins, as in lodash.
 */
type Path = PropertyKey | readonly PropertyKey[];

/** Splits `a.b[0]["c.d"]` into `['a', 'b', '0', 'c.d']`. */
function toKeys(path: string): string[] {
  const keys: string[] = [];
  let key = '';
  let pending = path.startsWith('.');
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '.') {
      if (pending || key) keys.push(key);
      key = '';
      pending = true;
    } else if (c === '[') {
      if (key) keys.push(key);
      key = '';
      const quote = path[i + 1];
      if (quote === '"' || quote === "'") {
        let j = i + 2;
        let text = '';
        while (j < path.length && path[j] !== quote) {
          if (path[j] === '\\') j++;
          text += path[j] ?? '';
          j++;
        }
        keys.push(text);
        i = path.indexOf(']', j);
        if (i < 0) i = path.length;
      } else {
        const end = path.indexOf(']', i);
        keys.push(path.slice(i + 1, end < 0 ? path.length : end));
        i = end < 0 ? path.length : end;
      }
      pending = false;
    } else {
      key += c ?? '';
      pending = false;
    }
  }
  if (key || pending) keys.push(key);
  return keys;
}

export default function get(object: unknown, path: Path, fallback?: unknown): unknown {
  const keys: readonly PropertyKey[] = Array.isArray(path)
    ? path
    : typeof path !== 'string' || !/[.[]/.test(path) || (object != null && path in Object(object))
      ? [path as PropertyKey]
      : toKeys(path);
  let value: unknown = object;
  for (const key of keys) {
    if (value == null) return fallback;
    value = (value as Record<PropertyKey, unknown>)[typeof key === 'symbol' ? key : String(key)];
  }
  return value === undefined || keys.length === 0 ? fallback : value;
}
