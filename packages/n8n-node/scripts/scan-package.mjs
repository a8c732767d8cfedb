// What `npx @n8n/scan-community-package` checks before n8n verifies a community node, run offline
// on this package: its ESLint rule set, inline disables ignored, over the attested sources and over
// the packed tarball (bundle included). The published scanner downloads from npm, which an
// unpublished package cannot do; the rule set below mirrors its buildScanConfig().
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The versions n8n's own node CLI ships with.
const fromCli = createRequire(createRequire(import.meta.url).resolve('@n8n/node-cli/eslint'));
const load = async (name) => import(pathToFileURL(fromCli.resolve(name)).href);

const { ESLint } = await load('eslint');
const { defineConfig } = await load('eslint/config');
const { n8nCommunityNodesPlugin } = await load('@n8n/eslint-plugin-community-nodes');
const tsParser = await load('@typescript-eslint/parser');
const n8nNodesPlugin = (await load('eslint-plugin-n8n-nodes-base')).default;
const parser = tsParser.default ?? tsParser;

const scanConfig = defineConfig(
  n8nCommunityNodesPlugin.configs.recommended,
  { rules: { 'no-console': 'error' } },
  { plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
  { files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
  {
    files: ['**/credentials/**/*.ts'],
    rules: {
      ...n8nNodesPlugin.configs.credentials.rules,
      'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
      'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
    },
  },
  {
    files: ['**/nodes/**/*.ts'],
    rules: {
      ...n8nNodesPlugin.configs.nodes.rules,
      'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
      'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
      'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
    },
  },
  { files: ['**/*.json'], languageOptions: { parser } },
  { files: ['**/*.ts'], languageOptions: { parser } },
);

async function lint(cwd, patterns) {
  const eslint = new ESLint({
    cwd,
    allowInlineConfig: false,
    overrideConfigFile: true,
    overrideConfig: scanConfig,
  });
  const results = await eslint.lintFiles(patterns);
  const failed = results.filter((r) => r.errorCount > 0);
  if (failed.length > 0) process.stdout.write(await (await eslint.loadFormatter('stylish')).format(failed));
  return { files: results.length, failed: failed.length };
}

const work = mkdtempSync(path.join(tmpdir(), 'n8n-scan-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: packageDir,
      encoding: 'utf8',
    }),
  )[0];
  const unpacked = path.join(work, 'package');
  execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);

  const source = await lint(packageDir, ['package.json', '{nodes,credentials}/**/*.{js,ts,json}']);
  const tarball = await lint(unpacked, ['**/*.js', 'package.json']);
  const failed = source.failed + tarball.failed;
  console.log(
    `Community-package scan: ${source.files} source files and ${tarball.files} packed files (${packed.filename}, ` +
      `${packed.entryCount} entries) — ${failed === 0 ? 'passed' : `${failed} files with errors`}.`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
