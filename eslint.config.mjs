import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** The repository's own rules, also used by the n8n package for the files it does not ship. */
export const repositoryRules = [
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  prettier,
];

export default tseslint.config(
  {
    // The n8n and Pipedream packages lint with their platforms' own rule sets (their `lint` scripts).
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.n8n-runtime/**',
      'artifacts/**',
      'packages/n8n-node/**',
      'packages/pipedream/**',
    ],
  },
  ...repositoryRules,
);
