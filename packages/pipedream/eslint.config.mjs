// Pipedream's own component rules, every one of them as an error, on every file under actions/ and
// sources/ (the shared bases in sources/common export named objects, not components, so no rule
// needs turning off for them); the rules about props on the app file's propDefinitions, as in the
// PipedreamHQ/pipedream repository. typescript-eslint on the tests and the harness.
import js from '@eslint/js';
import pipedream from '@pipedream/eslint-plugin-pipedream';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Every rule of @pipedream/eslint-plugin-pipedream 0.3 (test/conventions.test.ts checks the list is whole). */
const COMPONENT_RULES = [
  'required-properties-key',
  'required-properties-name',
  'required-properties-version',
  'required-properties-description',
  'required-properties-type',
  'props-label',
  'props-description',
  'default-value-required-for-optional-props',
  'source-name',
  'source-description',
  'no-ts-version',
  'action-annotations',
];

/** An app is not a component (no key, name or version): only the rules about its props apply. */
const APP_RULES = ['props-label', 'props-description', 'default-value-required-for-optional-props'];

const errors = (names) => Object.fromEntries(names.map((name) => [`pipedream/${name}`, 'error']));

const nodeGlobals = {
  console: 'readonly',
  process: 'readonly',
  setTimeout: 'readonly',
  URL: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', ecmaVersion: 2023, globals: nodeGlobals },
  },
  {
    files: ['actions/**/*.mjs', 'sources/**/*.mjs'],
    plugins: { pipedream },
    rules: errors(COMPONENT_RULES),
  },
  {
    files: ['*.app.mjs'],
    plugins: { pipedream },
    rules: errors(APP_RULES),
  },
  {
    files: ['test/**/*.ts', 'harness/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  prettier,
);
