/**
 * The sidebar's words: every visible string comes from translations/en.json (the `ui` namespace), the
 * same file Zendesk reads for the app's name and settings labels. Keys are checked at compile time.
 */
// Only the `ui` part is bundled; the `app` part (name, settings help) is for Zendesk's admin pages.
import { ui } from '../../translations/en.json';

type Messages = typeof ui;

/** Dotted paths to the string leaves of a translation object, e.g. `'suggestion.escalate'`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the `ui` namespace of translations/en.json. */
export type MessageKey = Leaves<Messages>;

/** Values for `{{name}}` placeholders. */
export type Vars = Readonly<Record<string, string | number>>;

function lookup(key: string): string | null {
  let node: unknown = ui;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

/**
 * The text for `key` with `{{name}}` placeholders filled from `vars`. A placeholder without a value stays
 * visible as written, so a gap shows up in review instead of vanishing. The result is plain text: render
 * it as a React text node, never as HTML.
 */
export function t(key: MessageKey, vars: Vars = {}): string {
  const template = lookup(key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
