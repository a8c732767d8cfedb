/**
 * Every auth, create, search and polling-trigger operation of the built app, run by Zapier's own CLI:
 * `zapier invoke --non-interactive` in the unzipped `zapier build` output, auth from its `.env`, against
 * the real mock on a loopback port. The CLI runs the code through core's Lambda handler, as Zapier does.
 * No Zapier login is involved (the CLI gets an empty HOME).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createReturnsClient } from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { App } from '../../src/app';
import { ZAPIER_BIN, pollingTriggerKeys, stageBuild, zapierEnv } from './build-zip';
import type { Staged } from './build-zip';
import { OPERATION_INPUTS, inputsFor } from './operation-inputs';
import type { OperationKind, Seeded } from './operation-inputs';

jest.setTimeout(60_000);
const run = promisify(execFile);

// Test names come from the app's sources; a test below checks they are exactly what the build holds.
const source = App as unknown as {
  triggers: Record<string, { operation: { type?: string } }>;
  creates: Record<string, unknown>;
  searches: Record<string, unknown>;
};
const CREATES = Object.keys(source.creates);
const SEARCHES = Object.keys(source.searches);
const POLLING = pollingTriggerKeys({ ...source });

let staged: Staged;
let mock: MockServer;
let api: ReturnsClient;
let apiKey: string;
let seeded: Seeded;

function writeEnv(key: string) {
  // The format `zapier invoke auth start` writes: one authData_<field> line per auth field.
  writeFileSync(join(staged.dir, '.env'), `authData_api_key=${key}\nauthData_base_url=${mock.url}\n`, {
    mode: 0o600,
  });
}

interface Invoked {
  code: number;
  stdout: string;
  stderr: string;
}

async function invoke(...args: string[]): Promise<Invoked> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [ZAPIER_BIN, 'invoke', ...args, '--non-interactive'],
      { cwd: staged.dir, env: zapierEnv(staged.home), timeout: 50_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** The operation's output, which `zapier invoke` prints as JSON on stdout. */
async function invokeOk<T>(...args: string[]): Promise<T> {
  const result = await invoke(...args);
  if (result.code !== 0) {
    throw new Error(`zapier invoke ${args.slice(0, 2).join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}

const inputArg = (data: unknown) => ['--inputData', JSON.stringify(data)];

beforeAll(async () => {
  [staged, mock] = await Promise.all([stageBuild(), startMockServer({ port: 0, host: '127.0.0.1' })]);
  const client = await mock.createApiClient({ name: 'zapier invoke' });
  apiKey = client.api_key;
  api = createReturnsClient({ baseUrl: mock.url, apiKey });
  const rma = await api.tradeReturns.create({
    customer: { email: 'invoke-seeded@example.com' },
    items: [{ sku: 'SEED-1', quantity: 1, reason: 'Seeded for the searches' }],
    external_reference: 'INVOKE-SEEDED-1',
  });
  const fresh = async () =>
    (
      await api.tradeReturns.create({
        customer: { email: 'invoke-actions@example.com' },
        items: [{ sku: 'A', quantity: 1 }],
      })
    ).id;
  seeded = {
    id: rma.id,
    external_reference: 'INVOKE-SEEDED-1',
    customer_email: 'invoke-seeded@example.com',
    to_approve: await fresh(),
    to_label: await fresh(),
  };
  writeEnv(apiKey);
}, 300_000);

afterAll(async () => {
  await mock?.close();
  staged?.dispose();
});

test('the build holds exactly the operations the sources define, and every one has an input entry', () => {
  const built = staged.definition;
  expect({
    creates: Object.keys(built.creates),
    searches: Object.keys(built.searches),
    polling: pollingTriggerKeys(built),
  }).toEqual({ creates: CREATES, searches: SEARCHES, polling: POLLING });
  const stale = (['creates', 'searches', 'triggers'] as Exclude<OperationKind, 'hooks'>[]).flatMap((kind) =>
    Object.keys(OPERATION_INPUTS[kind])
      .filter(
        (key) => !(kind === 'triggers' ? POLLING : kind === 'creates' ? CREATES : SEARCHES).includes(key),
      )
      .map((key) => `${kind}.${key}`),
  );
  expect(stale).toEqual([]);
});

describe('zapier invoke auth', () => {
  afterEach(() => writeEnv(apiKey));

  test('auth test passes with the .env key', async () => {
    expect(await invokeOk('auth', 'test')).toEqual({ connected: true });
  });

  test('auth test fails with a key the API does not know, saying so', async () => {
    writeEnv('rmk_notAKeyTheMockIssued');
    const result = await invoke('auth', 'test');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/API key/i);
    expect(result.stderr).not.toContain(apiKey);
  });
});

describe.each(CREATES)('zapier invoke create %s', (key) => {
  test('creates (or, for an action, changes) the object in the API and returns it', async () => {
    const created = await invokeOk<{ id: string }>(
      'create',
      key,
      ...inputArg(inputsFor('creates', key).input(seeded)),
    );
    expect(created.id).toEqual(expect.any(String));
    expect(await api.rmas.get(created.id)).toEqual(created);
  });
});

describe.each(SEARCHES)('zapier invoke search %s', (key) => {
  test('finds what exists, and answers [] for what does not', async () => {
    const entry = inputsFor('searches', key);
    const found = await invokeOk<Array<{ id: string }>>('search', key, ...inputArg(entry.input(seeded)));
    expect(found.map((item) => item.id)).toContain(seeded.id);
    if (!entry.noMatch) throw new Error(`operation-inputs.ts: searches.${key} needs a noMatch input`);
    expect(await invokeOk('search', key, ...inputArg(entry.noMatch))).toEqual([]);
  });
});

describe.each(POLLING)('zapier invoke trigger %s', (key) => {
  test('polls a non-empty list of items with unique ids', async () => {
    const items = await invokeOk<Array<{ id: unknown }>>(
      'trigger',
      key,
      ...inputArg(inputsFor('triggers', key).input(seeded)),
    );
    expect(items.length).toBeGreaterThan(0);
    const ids = items.map((item) => item.id);
    expect(ids.every((id) => typeof id === 'string' || typeof id === 'number')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
