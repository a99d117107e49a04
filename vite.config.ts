import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { leanSidebar } from './build/lean.ts';

const here = import.meta.dirname;

/**
 * Copies manifest.json and translations/ beside the built assets/, so the output folder is a complete
 * Zendesk app package (`npm run package` zips it). The logos come from assets/ as Vite's public folder.
 * zcli.apps.config.json (setting values for `zcli apps:server dist`, which otherwise prompts for each)
 * is copied too; the package script leaves it out of the zip. requirements.json goes in beside the manifest.
 */
function appPackage(): Plugin {
  let outDir = '';
  return {
    name: 'zendesk-app-package',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const packageRoot = dirname(outDir);
      for (const file of ['manifest.json', 'zcli.apps.config.json']) {
        copyFileSync(join(here, file), join(packageRoot, file));
      }
      // What Zendesk creates on install (ticket fields, macros, views, automations): npm run requirements.
      copyFileSync(join(here, 'requirements.json'), join(packageRoot, 'requirements.json'));
      mkdirSync(join(packageRoot, 'translations'), { recursive: true });
      for (const file of readdirSync(join(here, 'translations')).filter((f) => f.endsWith('.json'))) {
        copyFileSync(join(here, 'translations', file), join(packageRoot, 'translations', file));
      }
    },
  };
}

/**
 * The built sidebar ships Preact's React-compatible runtime in place of react-dom: the same components
 * and hooks (Garden included), about 35 KB less gzipped JavaScript for every ticket an agent opens.
 * Component tests run the same components on React in jsdom; the browser tests (e2e/) run the built
 * package, so the shipped runtime is tested end to end.
 */
const preactCompat = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/**
 * The supervisors' review page (the nav_bar location) is a second, separate build into the same folder,
 * run when the sidebar's build is written: the two pages share no chunk, so nothing of the review page
 * (nor a split of what both use) changes the files the sidebar loads.
 */
function supervisorPage(): Plugin {
  let outDir = '';
  let mode = 'production';
  let logLevel: 'info' | 'warn' | 'error' | 'silent' = 'info';
  return {
    name: 'supervisor-page',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      mode = config.mode;
      logLevel = config.logLevel ?? 'info';
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: join(here, 'app'),
        base: './',
        mode,
        logLevel,
        publicDir: false,
        resolve: { alias: preactCompat },
        plugins: [react()],
        build: {
          outDir,
          assetsDir: '',
          emptyOutDir: false,
          target: 'es2022',
          rolldownOptions: { input: join(here, 'app/supervisor.html') },
        },
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  resolve: { alias: command === 'build' ? preactCompat : [] },
  // The sidebar: app/index.html becomes dist/assets/index.html, the manifest's ticket_sidebar URL.
  root: join(here, 'app'),
  base: './',
  publicDir: join(here, 'assets'),
  plugins: [react(), appPackage(), leanSidebar(), supervisorPage()],
  build: {
    outDir: join(here, 'dist/assets'),
    assetsDir: '',
    emptyOutDir: true,
    target: 'es2022',
    // build/page-size.ts reads which chunks each page loads from assets/.vite/manifest.json (not shipped).
    manifest: true,
    // One module script per page and no preloads: Vite's modulepreload polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
  test: {
    root: here,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'src/**/*.test.ts',
            'fake/**/*.test.ts',
            'host/**/*.test.ts',
            'bench/**/*.test.ts',
            'build/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          include: ['src/ui/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/ui/test-setup.ts'],
        },
      },
    ],
  },
}));
