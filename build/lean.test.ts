/**
 * The build's replacements: each resolves only for the imports it is meant for, the stand-ins keep
 * what is used (stylis, the SDK's Promise), and the prop types strip and the React import rewrite leave
 * valid modules behind.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import * as stylis from 'stylis';
import { describe, expect, it } from 'vitest';
import { leanSidebar, reactDefaultAsNamespace, REPLACEMENTS, stripPropTypes } from './lean';
import * as leanStylis from './shims/stylis';
import leanPromise from './shims/promise';
import { getColorV8 } from './shims/color-v8';

const NODE_MODULES = join(import.meta.dirname, '../node_modules');

type ResolveId = (source: string, importer?: string) => string | null;
const plugin = leanSidebar();
const resolveId = plugin.resolveId as unknown as ResolveId;

describe('leanSidebar', () => {
  it('is for production builds only, before other resolvers', () => {
    expect(plugin.apply).toBe('build');
    expect(plugin.enforce).toBe('pre');
  });

  it('replaces polished and lodash for every importer', () => {
    const importer = '/x/node_modules/@zendeskgarden/react-theming/dist/esm/utils/getColor.js';
    expect(resolveId('polished', importer)).toMatch(/shims\/polished\.ts$/);
    expect(resolveId('lodash.get', importer)).toMatch(/shims\/get\.ts$/);
    expect(resolveId('lodash.memoize', importer)).toMatch(/shims\/memoize\.ts$/);
    expect(resolveId('react', importer)).toBeNull();
  });

  it("replaces stylis only for styled-components, so the stand-in's own import reaches stylis", () => {
    expect(
      resolveId('stylis', '/x/node_modules/styled-components/dist/styled-components.browser.esm.js'),
    ).toMatch(/shims\/stylis\.ts$/);
    expect(resolveId('stylis', join(import.meta.dirname, 'shims/stylis.ts'))).toBeNull();
  });

  it("replaces the SDK's polyfill and the v8 colour helper only where they are imported", () => {
    expect(
      resolveId('./vendor/native-promise-only', '/x/node_modules/zendesk_app_framework_sdk/lib/client.js'),
    ).toMatch(/shims\/promise\.ts$/);
    expect(resolveId('./vendor/native-promise-only', '/x/src/other.js')).toBeNull();
    const theming = '/x/node_modules/@zendeskgarden/react-theming/dist/esm';
    expect(resolveId('./getColorV8.js', `${theming}/utils/getFocusBoxShadow.js`)).toMatch(
      /shims\/color-v8\.ts$/,
    );
    expect(resolveId('./utils/getColorV8.js', `${theming}/index.js`)).toBeNull();
  });

  it('has a stand-in file and a reason for every replacement', () => {
    for (const r of REPLACEMENTS) {
      expect(statSync(r.to).isFile()).toBe(true);
      expect(r.why).toMatch(/KB/);
    }
  });
});

describe('the stand-ins', () => {
  it('stylis: everything styled-components uses is the real stylis, the prefixer says why it is missing', () => {
    for (const name of ['compile', 'serialize', 'stringify', 'middleware', 'RULESET'] as const) {
      expect(leanStylis[name]).toBe(stylis[name]);
    }
    expect(() => leanStylis.prefixer()).toThrow(/enableVendorPrefixes/);
  });

  it("the SDK's Promise is the browser's", () => {
    expect(leanPromise).toBe(Promise);
  });

  it('getColorV8 names the argument to use instead', () => {
    expect(() => getColorV8('blue')).toThrow(/color: \{ hue \}/);
  });
});

describe('stripPropTypes', () => {
  it('removes the propTypes statement, keeps everything else and the line count', () => {
    const code = [
      "import PropTypes from 'prop-types';",
      'const Button = forwardRef(() => null);',
      'Button.displayName = "Button";',
      'Button.propTypes = {',
      '  isPrimary: PropTypes.bool,',
      "  size: PropTypes.oneOf(['small', 'large'])",
      '};',
      'Button.Icon.propTypes = {};',
      'export { Button };',
    ].join('\n');
    const stripped = stripPropTypes(code);
    expect(stripped).not.toMatch(/propTypes =/);
    expect(stripped).toMatch(/Button.displayName = "Button";/);
    expect(stripped).toMatch(/export \{ Button \};/);
    expect(stripped.split('\n')).toHaveLength(code.split('\n').length);
  });

  it('leaves every Garden module the app installs valid JavaScript with no prop types', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.js')) files.push(path);
      }
    };
    for (const pkg of readdirSync(join(NODE_MODULES, '@zendeskgarden'))) {
      const esm = join(NODE_MODULES, '@zendeskgarden', pkg, 'dist/esm');
      if (statSync(join(NODE_MODULES, '@zendeskgarden', pkg)).isDirectory()) {
        try {
          walk(esm);
        } catch {
          // a container package without an esm folder
        }
      }
    }
    const withPropTypes = files.filter((f) => readFileSync(f, 'utf8').includes('.propTypes = {'));
    expect(withPropTypes.length).toBeGreaterThan(20);
    for (const file of withPropTypes) {
      const stripped = stripPropTypes(readFileSync(file, 'utf8'));
      expect(stripped, file).not.toMatch(/\.propTypes = \{/);
      expect(() => transformSync(stripped, { loader: 'js', format: 'esm' }), file).not.toThrow();
    }
  });
});

describe('reactDefaultAsNamespace', () => {
  it('turns default imports of react into namespace imports, keeping the named ones', () => {
    expect(reactDefaultAsNamespace(`import t,{createElement as n}from"react";t.useContext(x);`)).toBe(
      `import * as t from "react";import {createElement as n} from "react";t.useContext(x);`,
    );
    expect(reactDefaultAsNamespace("import React from 'react';\nReact.createElement('b');")).toBe(
      "import * as React from 'react';\nReact.createElement('b');",
    );
  });

  it('leaves other imports alone: named, namespace, react-dom, other packages', () => {
    for (const code of [
      "import { useId } from 'react';",
      "import * as React from 'react';",
      "import ReactDOM from 'react-dom';",
      "import styled from 'styled-components';",
      'import e from"@emotion/is-prop-valid";',
    ]) {
      expect(reactDefaultAsNamespace(code)).toBe(code);
    }
  });

  it('is safe for the runtime the build ships: its namespace has every member of its default export', async () => {
    const compat = await import('preact/compat');
    const members = Object.keys(compat.default);
    expect(members.length).toBeGreaterThan(30);
    expect(members.filter((name) => !(name in compat))).toEqual([]);
  });

  it('leaves the modules it rewrites valid, with no default import of react left', () => {
    const files = [
      'styled-components/dist/styled-components.browser.esm.js',
      '@zendeskgarden/react-theming/dist/esm/elements/ThemeProvider.js',
      '@zendeskgarden/react-theming/dist/esm/elements/ColorSchemeProvider.js',
    ];
    for (const file of files) {
      const code = readFileSync(join(NODE_MODULES, file), 'utf8');
      const out = reactDefaultAsNamespace(code);
      expect(out, file).not.toBe(code);
      expect(out, file).not.toMatch(/import\s*[\w$]+\s*(,\s*\{[^}]*\})?\s*from\s*["']react["']/);
      expect(() => transformSync(out, { loader: 'js', format: 'esm' }), file).not.toThrow();
    }
  });

  it('runs in the plugin for packages only, with the prop types strip for Garden', () => {
    type Transform = (code: string, id: string) => { code: string } | null;
    const transform = plugin.transform as unknown as Transform;
    const code = "import React from 'react';\nexport const x = React.createElement;";
    expect(transform(code, '/x/node_modules/some-pkg/index.js')?.code).toMatch(/import \* as React/);
    expect(transform(code, '/x/src/ui/App.tsx')).toBeNull();
    const garden = "import React from 'react';\nB.propTypes = {};\nexport { B };";
    const out = transform(garden, '/x/node_modules/@zendeskgarden/react-x/dist/esm/B.js')?.code ?? '';
    expect(out).toMatch(/import \* as React/);
    expect(out).not.toMatch(/propTypes/);
  });
});
