import path from 'node:path';
import type { AppDefinition, ComponentDefinition } from './types';

const packageDir = path.join(__dirname, '..');

/** A component by its path in the package, e.g. `actions/get-rma/get-rma.mjs` (the file Pipedream loads). */
export function loadComponent(relativePath: string): ComponentDefinition {
  return defaultExport(relativePath) as ComponentDefinition;
}

export function loadApp(): AppDefinition {
  return defaultExport('returns_pack.app.mjs') as AppDefinition;
}

function defaultExport(relativePath: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest turns the ESM files into CommonJS
  const loaded = require(path.join(packageDir, relativePath)) as { default?: unknown };
  return loaded.default ?? loaded;
}
