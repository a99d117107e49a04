/**
 * The review page's words: the `review` part of translations/en.json, kept apart from the sidebar's `ui`
 * part so the sidebar bundles none of them. Keys are checked at compile time; text is plain, never HTML.
 */
import { review } from '../../../translations/en.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the `review` namespace, e.g. `'period.last30'`. */
export type ReviewKey = Leaves<typeof review>;

/** The text for `key`, with `{{name}}` placeholders filled from `vars` (a missing one stays visible). */
export function w(key: ReviewKey, vars: Readonly<Record<string, string | number>> = {}): string {
  let node: unknown = review;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
