import * as api from './api';
import * as delivery from './delivery';
import * as flood from './flood';
import * as tenancy from './tenancy';

/**
 * `npm run bench -w packages/mock-api [-- <name> [options]]`: one benchmark per name, `api` by
 * default. Delivery adds `delivery` with an import and one more entry below.
 */
const BENCHES: Record<string, (argv: string[]) => Promise<void>> = {
  api: api.run,
  delivery: delivery.run,
  flood: flood.run,
  tenancy: tenancy.run,
};

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  const name = first === undefined || first.startsWith('-') ? 'api' : first;
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
  await bench(name === first ? rest : process.argv.slice(2));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
