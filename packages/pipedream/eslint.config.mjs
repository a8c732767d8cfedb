// Pipedream's own component rules (every one of them, as errors) on the components, scoped the way the
// PipedreamHQ/pipedream repository scopes them; typescript-eslint on the tests and the harness.
import js from '@eslint/js';
import pipedream from '@pipedream/eslint-plugin-pipedream';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const allPipedreamRules = Object.fromEntries(
  Object.keys(pipedream.rules).map((name) => [`pipedream/${name}`, 'error']),
);

// A shared base is not a component: it has no key, name or version of its own.
const componentIdentityRules = [
  'required-properties-key',
  'required-properties-name',
  'required-properties-version',
  'required-properties-description',
  'required-properties-type',
  'source-name',
  'source-description',
];

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
    files: ['actions/**/*.mjs', 'sources/**/*.mjs', '*.app.mjs'],
    plugins: { pipedream },
    rules: allPipedreamRules,
  },
  {
    files: ['sources/common/**', 'actions/common/**', '**/test-event.mjs', '*.app.mjs'],
    rules: Object.fromEntries(componentIdentityRules.map((name) => [`pipedream/${name}`, 'off'])),
  },
  {
    files: ['test/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  prettier,
);
