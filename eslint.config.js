import { existsSync, readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The import boundaries of DESIGN.md and STYLE.md, so that the linter says when one is crossed. */
const ui = [
  { group: ['**/server/*', '**/server/**'], message: 'The UI never imports server code.' },
  { group: ['../../*'], message: 'Import across folders with @/… rather than ../../.' },
];
const shared = {
  group: ['@/features/*', '@/app/*'],
  message: 'Shared code never imports a feature or the app.',
};
const features = existsSync('src/features') ? readdirSync('src/features') : [];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  { files: ['src/**/*.{ts,tsx}'], rules: restrict(ui) },
  { files: ['src/lib/**', 'src/components/**'], rules: restrict([...ui, shared]) },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: restrict([
      ...ui,
      {
        group: ['@/features/*', `!@/features/${feature}`],
        message:
          'A feature never imports another feature; shared code belongs in src/lib or src/components.',
      },
      { group: ['@/app/*'], message: 'The app composes features, not the other way round.' },
    ]),
  })),
  {
    files: ['server/**/*.ts'],
    rules: restrict([
      {
        group: ['react', 'react-dom', '@mui/*', '@tanstack/*'],
        message: 'The server never imports React.',
      },
      {
        group: ['**/src/app/*', '**/src/features/*', '**/src/components/*'],
        message: 'The server shares src/lib only.',
      },
    ]),
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
