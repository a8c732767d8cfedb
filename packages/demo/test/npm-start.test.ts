import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { startMockServer } from '@returns-pack/mock-api';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Operation, TOUR_TRIGGERS, TourSummary } from '../src/report/summary';

// Starts npm, tsx, the mock and every connector from cold caches: seconds, not milliseconds.
jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The README's command exactly as a user types it, in a clean environment: a fresh HOME and TMPDIR
 * (no npm cache or config, no tsx cache), no inherited npm_* variables, a free port, no colours.
 */
function npmStart(args: string[]): Promise<Finished> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'returns-pack-start-'));
  const env = { PATH: process.env.PATH ?? '', HOME: scratch, TMPDIR: scratch, NO_COLOR: '1' };
  const child = spawn('npm', ['start', '--silent', '--', ...args], { cwd: repoRoot, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      rmSync(scratch, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

let run: Finished;
let summary: TourSummary;
beforeAll(async () => {
  run = await npmStart(['--json', '--port', '0']);
  try {
    // stdout is the JSON document alone; everything else went to stderr.
    summary = TourSummary.parse(JSON.parse(run.stdout));
  } catch (error) {
    throw new Error(
      `no JSON summary from npm start (exit ${run.code}): ${String(error)}\n${run.stderr.slice(-3000)}`,
    );
  }
});

test('exits 0 after a tour in which every step succeeded', () => {
  expect({ code: run.code, ok: summary.ok, tour: summary.tour }).toEqual({ code: 0, ok: true, tour: true });
  expect(summary.platforms.map((p) => [p.id, p.ok])).toEqual([
    ['zapier', true],
    ['n8n', true],
    ['pipedream', true],
  ]);
});

test('every platform × operation ran and succeeded, once', () => {
  const cells = summary.steps.map((s) => `${s.platform} · ${s.operation} · ${s.ok ? 'ok' : s.error}`);
  const expected = summary.platforms.flatMap((p) => Operation.options.map((o) => `${p.id} · ${o} · ok`));
  expect(cells.sort()).toEqual(expected.sort());
});

test('every trigger saw each event the tour caused exactly once, verified', () => {
  const seen = summary.triggers.map((t) => [t.platform, t.event, Object.values(t.expected), t.failures]);
  const once = (rmas: number) => Array.from({ length: rmas }, () => 1);
  // A trade return and an offline repair are created and both breach; only the return is labelled
  // (through the platform's own action, once) and ships.
  const caused = {
    'return.created': 2,
    'shipment.delivered': 1,
    'return.processed': 1,
    'rma.breach': 2,
    'label.generated': 1,
  };
  const expected = summary.platforms.flatMap((p) =>
    TOUR_TRIGGERS.map((trigger) => [
      p.id,
      trigger,
      // New Event, with the five types chosen, sees every one of them.
      once(trigger === 'new event' ? 7 : caused[trigger]),
      [],
    ]),
  );
  expect(seen).toEqual(expected);
});

test('the n8n part says it ran in the harness, not a real n8n', () => {
  expect(summary.platforms.find((p) => p.id === 'n8n')?.runtime).toMatch(/harness.*not a real n8n/);
  expect(run.stderr).toContain('not a real n8n');
});

test('the summary names the mock and its credentials, and the mock is gone after --json', async () => {
  expect(summary.mock).toEqual({
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    admin_token: expect.stringMatching(/^adm_/),
    api_key: expect.any(String),
    api_client_id: expect.stringMatching(/^cli_/),
    seeded_rmas: 25,
    data_file: null,
    serving: false,
  });
  await expect(fetch(`${summary.mock.url}/openapi.json`)).rejects.toThrow();
});

describe('mistakes are named, never a stack trace, and exit 1', () => {
  test('a bad flag', async () => {
    const bad = await npmStart(['--port', 'abc']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--port must be a whole number from 0 to 65535');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  test('a port already in use', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as { port: number }).port;
    try {
      const busy = await npmStart(['--json', '--port', String(port)]);
      expect(busy.code).toBe(1);
      expect(busy.stdout).toBe('');
      expect(busy.stderr).toContain(`--port ${port}: the port is already in use on 127.0.0.1`);
      expect(busy.stderr).not.toMatch(/\n\s+at /);
    } finally {
      taken.close();
    }
  });

  test('a --data-dir that is a file', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'returns-pack-data-'));
    const file = path.join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    try {
      const bad = await npmStart(['--json', '--port', '0', '--data-dir', file]);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain(`--data-dir ${file}:`);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test('a --data-dir another mock is using', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'returns-pack-data-'));
    const holder = await startMockServer({ dataDir });
    try {
      const busy = await npmStart(['--json', '--port', '0', '--data-dir', dataDir]);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(`${dataDir} is in use by another returns-mock: stop it first`);
      expect(busy.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await holder.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
