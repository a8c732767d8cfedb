// Tests and build scripts are not shipped to n8n: they follow the repository's own rules, which
// the root config cannot apply here because it leaves this package to n8n's rule set.
import tseslint from 'typescript-eslint';
import { repositoryRules } from '../../eslint.config.mjs';

export default tseslint.config(...repositoryRules, {
  files: ['scripts/**/*.mjs'],
  languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
});
