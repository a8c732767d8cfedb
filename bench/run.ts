/**
 * `npm run bench` at the root: every package benchmark, one after the other (they would disturb each
 * other in parallel), then their tables in bench/RESULTS.md. Each package's output is also echoed to
 * stderr. `npm run bench -- --help` says how to leave the long ones out.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCHES } from './benches';
import type { PackageBench } from './benches';
import { describeMachine } from './machine';
import { renderResults } from './results-file';
import type { Row } from './rows';

const ROOT = join(__dirname, '..');
const OUT = join(__dirname, 'RESULTS.md');

function npmArgs(bench: PackageBench): string[] {
  return ['run', '-s', 'bench', '-w', bench.workspace, '--', ...bench.args];
}

function runBench(bench: PackageBench): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', npmArgs(bench), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      // The api bench exits 1 when a target answered non-2xx; its figures still say so in the table.
      code === 0 || (code === 1 && stdout.trim().length > 0)
        ? resolve(stdout)
        : reject(new Error(`exited with code ${code}`)),
    );
  });
}

/** Workspaces with a `bench` script that BENCHES does not run. */
function uncovered(): string[] {
  const { workspaces } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  return workspaces.filter((w) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, w, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return pkg.scripts?.bench !== undefined && !BENCHES.some((b) => b.workspace === w);
  });
}

function help(): string {
  const skippable = BENCHES.filter((b) => b.skip);
  return [
    'Usage: npm run bench [-- [--help] ' + skippable.map((b) => `[${b.skip!.flag}]`).join(' ') + ']',
    '',
    'Runs every package benchmark in turn and writes bench/RESULTS.md.',
    ...skippable.map(
      (b) =>
        `  ${b.skip!.flag} (or ${b.skip!.env}=1): leaves out \`npm run bench -w ${b.workspace} -- ${b.args[0]}\`, which takes minutes`,
    ),
    '',
    'One benchmark alone, and its options: npm run bench -w packages/mock-api -- --help',
    '',
  ].join('\n');
}

/** Why a bench is left out of this run, if it is. */
function skipped(bench: PackageBench, argv: string[]): string | undefined {
  if (!bench.skip) return undefined;
  if (argv.includes(bench.skip.flag)) return bench.skip.flag;
  const env = process.env[bench.skip.env];
  return env !== undefined && env !== '' && env !== '0' ? `${bench.skip.env}=${env}` : undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(help());
    return;
  }
  const unknown = argv.filter((a) => !BENCHES.some((b) => b.skip?.flag === a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; see npm run bench -- --help`);
  const startedAt = new Date();
  const before = describeMachine();
  const rows: Row[] = [];
  const problems = uncovered().map((w) => `${w} has a bench script that bench/benches.ts does not run`);
  const commands: string[] = [];
  const left: string[] = [];
  for (const bench of BENCHES) {
    const command = `npm ${npmArgs(bench).join(' ')}`;
    const skip = skipped(bench, argv);
    if (skip) {
      process.stderr.write(`\n== skipped (${skip}): ${command}\n`);
      left.push(`\`${command}\` (${skip})`);
      rows.push({
        benchmark: command,
        measurement: 'not run',
        figure: `skipped (${skip})`,
        baseline: '',
        ratio: null,
        section: bench.section,
      });
      continue;
    }
    commands.push(command);
    process.stderr.write(`\n== ${command}\n`);
    try {
      rows.push(...bench.parse(await runBench(bench)).map((row) => ({ ...row, section: bench.section })));
    } catch (error) {
      problems.push(`\`${command}\` failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const text = renderResults({
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
    startedAt,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    before,
    after: describeMachine(),
    rows,
    problems,
    commands,
    skipped: left,
  });
  writeFileSync(OUT, text);
  process.stdout.write(text);
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
