/**
 * The build's diet: third-party code the sidebar's bundle would carry without using it, resolved to lean
 * stand-ins (build/shims/) or stripped, for the 100 KB gzipped budget of the sidebar's JavaScript. Each
 * replacement keeps what the app and Garden call; build/shims/*.test.ts check them against the originals.
 * Build only: the component tests run the original packages on React.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const shim = (name: string) => fileURLToPath(new URL(`./shims/${name}.ts`, import.meta.url));

/** Whether a module id lies inside the given package in node_modules. */
const inPackage = (id: string | undefined, name: string) =>
  id !== undefined && id.replaceAll('\\', '/').includes(`/node_modules/${name}/`);

interface Replacement {
  /** The import specifier as written in the importing module. */
  source: string;
  /** Only for imports from this package (any importer when absent). */
  from?: string;
  /** Only for importers whose file name ends so. */
  importerEndsWith?: string;
  to: string;
  why: string;
}

/** What is replaced, for whom, and why; the gzipped sizes are what each saves in the sidebar. */
export const REPLACEMENTS: readonly Replacement[] = [
  {
    source: 'polished',
    to: shim('polished'),
    why: 'polished is one module a bundler cannot shake (top-level curry calls): 3.8 KB',
  },
  {
    source: 'lodash.memoize',
    to: shim('memoize'),
    why: 'CommonJS with its own cache: 1.7 KB with lodash.get',
  },
  { source: 'lodash.get', to: shim('get'), why: 'CommonJS path parser: 1.7 KB with lodash.memoize' },
  {
    source: './vendor/native-promise-only',
    from: 'zendesk_app_framework_sdk',
    to: shim('promise'),
    why: "the SDK's Promise polyfill for browsers without promises: 0.9 KB",
  },
  {
    source: 'stylis',
    from: 'styled-components',
    to: shim('stylis'),
    why: 'the vendor prefixer styled-components only uses with enableVendorPrefixes: 1.5 KB',
  },
  {
    source: './getColorV8.js',
    from: '@zendeskgarden/react-theming',
    importerEndsWith: 'getFocusBoxShadow.js',
    to: shim('color-v8'),
    why: "getFocusBoxShadow's version-8 colour arguments, which Garden 9 components never pass: 0.9 KB",
  },
];

/**
 * Removes `Component.propTypes = { … };` statements from Garden's ES modules: React checks prop types
 * only in development and Preact never does, yet each object and its `PropTypes.oneOf([...])` calls stay
 * in the bundle. Lines are kept (blanked), so source maps still point at the right lines.
 */
export function stripPropTypes(code: string): string {
  return code.replace(/^[\w$]+(?:\.[\w$]+)*\.propTypes = \{(?:\};|\n[\s\S]*?\n\};)$/gm, (statement) =>
    '\n'.repeat(statement.split('\n').length - 1),
  );
}

/**
 * Turns third-party default imports of React (`import React from 'react'`, `import t, { … } from "react"`)
 * into namespace imports. The build resolves `react` to preact/compat, whose default export is one object
 * holding the whole API (Suspense, lazy, portals, hydrate, …), kept whole once anything reads a member of
 * it; a namespace's static member reads (`React.createElement`) bind to the named exports, so the rest is
 * shaken out. The namespace has every member the default object has, so a dynamic read still works.
 */
export function reactDefaultAsNamespace(code: string): string {
  return code.replace(
    /\bimport\s*([\w$]+)\s*(?:,\s*(\{[^}]*\}))?\s*from\s*(["'])react\3;?/g,
    (_statement, name: string, named: string | undefined, quote: string) =>
      `import * as ${name} from ${quote}react${quote};` +
      (named === undefined ? '' : `import ${named} from ${quote}react${quote};`),
  );
}

/** Whether a module id lies in some package in node_modules. */
const inNodeModules = (id: string) => id.replaceAll('\\', '/').includes('/node_modules/');

/** The Vite plugin: the replacements above and the prop types strip, in production builds only. */
export function leanSidebar(): Plugin {
  return {
    name: 'lean-sidebar',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const hit = REPLACEMENTS.find(
        (r) =>
          r.source === source &&
          (r.from === undefined || inPackage(importer, r.from)) &&
          (r.importerEndsWith === undefined || importer?.endsWith(r.importerEndsWith) === true),
      );
      return hit ? hit.to : null;
    },
    transform(code, id) {
      let out = code;
      if (inPackage(id, '@zendeskgarden') && out.includes('.propTypes = {')) out = stripPropTypes(out);
      if (inNodeModules(id) && /from\s*["']react["']/.test(out)) out = reactDefaultAsNamespace(out);
      return out === code ? null : { code: out, map: null };
    },
  };
}
