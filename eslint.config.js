import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/architecture.md, so that the linter says when an import crosses one the wrong way.
 * A zone forbids the files under `target` to import anything under `from`.
 */
const features = existsSync('src/features') ? readdirSync('src/features') : [];
/** What the product ships: src/ but its tests and test helpers (folders named testing). */
const SHIPPED = [
  'src/*.{ts,tsx}',
  'src/{app,components,lib}/**/!(*.test).{ts,tsx}',
  'src/{embed,features/*}/!(*.test).{ts,tsx}',
  'src/{embed,features/*}/!(testing)/**/!(*.test).{ts,tsx}',
];
const zones = [
  {
    target: './contract',
    from: ['./src', './server', './e2e', './bench', './scripts'],
    message: 'The contract is shared by the server and the app: it imports neither.',
  },
  {
    target: './server',
    from: ['./src', './e2e', './bench'],
    message: 'The server shares the contract with the app, and nothing else.',
  },
  {
    target: './src',
    from: ['./server', './e2e', './bench', './scripts'],
    message: 'The app shares the contract with the server, and nothing else.',
  },
  {
    target: './e2e',
    from: ['./src', './server'],
    message: 'The QA kit drives the product as a user and a client do: through the page and HTTP.',
  },
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/embed', './src/app'],
    message: 'Shared code never imports a feature, the embeds or the app.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: ['./src/features', './src/embed', './src/app'],
    except: [`./${feature}`],
    message:
      'A feature imports no other feature, and neither the embeds nor the app that compose it; shared code belongs in src/lib or src/components.',
  })),
  {
    target: './src/embed',
    from: './src/app',
    message: 'The embeds are composed by the app, not the other way round.',
  },
  {
    target: SHIPPED,
    from: ['./src/testing', ...features.map((feature) => `./src/features/${feature}/testing`)],
    message: 'Test helpers are for tests; the product never ships them.',
  },
];

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    plugins: { 'import-x': importX },
    settings: {
      // The TypeScript files an import leads to are parsed too: no-cycle follows them.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        // tsconfig.json refers to the four projects, and with them to the app's @/ and @contract/ paths.
        createTypeScriptImportResolver({ project: 'tsconfig.json' }),
      ],
    },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': 'error',
    },
  },
  // The globals each kind of code has where it runs: the contract runs on both sides, so it has neither.
  {
    files: ['src/**', 'public/**', 'bench/stack-floor/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['server/**', 'scripts/**', 'bench/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  // Specs and page objects run in Node and hand functions to the page, which run there.
  { files: ['e2e/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*'], message: 'Import across folders with @/… rather than ../../.' },
          ],
        },
      ],
    },
  },
  {
    // Tests assert on shapes they just checked; expect.any() is typed any by Vitest.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
