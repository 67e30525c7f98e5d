// ESLint (flat config), run by ./build.sh test: the recommended rules on the extension, the tools
// and the tests. The extension's content scripts are classic scripts sharing one global, `DG`
// (their load order is the manifest's); the service worker, the extension pages and the tools are
// ES modules; the tests and the harness are CommonJS on Node.
import js from '@eslint/js';
import globals from 'globals';

const unused = ['error', { args: 'none', caughtErrors: 'none', varsIgnorePattern: '^_' }];

export default [
  { ignores: ['dist/**', 'target/**', 'node_modules/**', '.cache/**', '.tools/**', 'tests/.run*/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  {
    files: ['extension/content/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, DG: 'writable', cloneInto: 'readonly' /* Firefox content scripts */ },
    },
    rules: { 'no-unused-vars': unused },
  },
  {
    files: ['extension/**/*.js'],
    ignores: ['extension/content/**'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions } },
    rules: { 'no-unused-vars': unused },
  },
  {
    files: ['tests/test-build/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.serviceworker, ...globals.webextensions } },
    rules: { 'no-unused-vars': unused },
  },
  {
    files: ['tools/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
    rules: { 'no-unused-vars': unused },
  },
  {
    files: ['tests/**/*.js', 'tools/**/*.js'],
    ignores: ['tests/test-build/**'],
    // (Their functions evaluated in the pages and the worker use the browser's and the extension's globals.)
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
    rules: { 'no-unused-vars': unused },
  },
];
