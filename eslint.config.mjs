// ESLint (flat config) with typescript-eslint. Besides the recommended rules it holds the layers apart:
// src/core and src/shared import neither `vscode` nor Node, src/webview imports no Node, and Node
// built-ins are imported as `node:x` everywhere else.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const builtins = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));

const bareBuiltins = {
  paths: builtins.map((name) => ({ name, message: `Import Node built-ins as 'node:${name}'.` })),
};
const noNode = (layer) => ({
  paths: [
    { name: 'vscode', message: `${layer} must not use the vscode API: convert at the feature's edge (src/features).` },
    ...builtins.map((name) => ({ name, message: `${layer} must not use Node (${name}).` })),
  ],
  patterns: [{ group: ['node:*'], message: `${layer} must not use Node.` }],
});
const noNodeInBrowser = {
  paths: [
    { name: 'vscode', message: 'Webview code runs in the browser: talk to the host through src/shared/*Protocol.ts.' },
    ...builtins.map((name) => ({ name, message: `Webview code runs in the browser: no Node (${name}).` })),
  ],
  patterns: [{ group: ['node:*'], message: 'Webview code runs in the browser: no Node.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', 'demo/**', 'test/fixtures/**', '**/*.d.ts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Sanitisers and decoders match control characters on purpose.
      'no-control-regex': 'off',
      'no-restricted-imports': ['error', { paths: bareBuiltins.paths }],
    },
  },
  {
    // Code passed to page.evaluate() runs in the browser, but the test tsconfig has no DOM types.
    files: ['test/ui/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', noNode('src/core')] } },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', noNode('src/shared')] } },
  { files: ['src/webview/**/*.ts'], rules: { 'no-restricted-imports': ['error', noNodeInBrowser] } },
  {
    // Build and test scripts: CommonJS on Node.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.name='require'][arguments.0.value=/^(${builtins.map((name) => name.replace('/', '.')).join('|')})$/]`,
          message: "Require Node built-ins as 'node:x'.",
        },
      ],
    },
  },
);
