// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The engine is pure: no UI, no SDK, no DOM, no I/O. Everything else depends on it, never the reverse.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@zendeskgarden/*', 'zendesk_app_framework_sdk'],
              message: 'src/engine is pure.',
            },
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'src/engine does no I/O.' },
            {
              group: ['../zendesk/*', '../ui/*', '../cli/*', '../../app/*'],
              message: 'Imports flow engine ← zendesk ← ui ← app.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch'],
      // Deterministic: the clock comes in as the bundle's `now`.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the bundle clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the bundle clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The engine is deterministic.',
        },
      ],
    },
  },
  {
    // The review's report, CSV and period are pure too: they sit between the adapters and the page.
    files: ['src/review/**/*.ts'],
    ignores: ['src/review/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@zendeskgarden/*', 'zendesk_app_framework_sdk', 'node:*'],
              message: 'src/review is pure.',
            },
            {
              group: ['../ui/*', '../../app/*'],
              message: 'Imports flow engine ← zendesk ← review ← ui ← app.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'fetch'],
    },
  },
  {
    // The sidebar: React's hook rules (hooks live in .ts files too) and accessible JSX, in the browser.
    files: ['**/*.tsx', 'src/ui/**/*.ts'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.tsx'],
    extends: [jsxA11y.flatConfigs.recommended],
  },
  {
    // The sidebar's 100 KB gzipped budget: these Garden packages bring every variant they have; the
    // sidebar draws the parts it uses in Garden's look from its own small modules instead.
    // The supervisors' page is a bundle of its own, outside that budget, and uses Garden's components.
    files: ['src/ui/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['src/ui/review/**', 'app/supervisor.*'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@zendeskgarden/react-forms',
              message:
                'Use src/ui/forms.tsx (TextField, Choice, Fieldset, Legend): Garden forms cost ~6 KB gzipped.',
            },
            {
              name: '@zendeskgarden/react-buttons',
              message: 'Use src/ui/Button.tsx (same props): Garden buttons cost ~1.5 KB gzipped.',
            },
            {
              name: '@zendeskgarden/react-notifications',
              message: 'Use src/ui/Alert.tsx (Alert, Banner, Well): Garden notifications cost ~2 KB gzipped.',
            },
            {
              name: '@zendeskgarden/react-tags',
              message: 'Use src/ui/TagChip.tsx: Garden tags cost ~1.4 KB gzipped.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
