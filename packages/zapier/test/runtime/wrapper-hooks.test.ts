/**
 * The REST-hook triggers as Zapier's backend runs them: `zapier build`'s zip unzipped into a clean
 * folder, its `zapierwrapper.js` loaded once in a process of its own (a warm Lambda container), and its
 * `handler` called with the events Zapier sends for `performSubscribe`, `perform` (the mock's real signed
 * delivery, caught on 127.0.0.1, as the raw request) and `performUnsubscribe`. `zapier invoke` cannot run
 * hook triggers, hence this.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  EVENT_CATALOGUE,
  createReturnsClient,
  generateWebhookSecret,
  signWebhook,
} from '@returns-pack/shared-client';
import type { EventType } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { App } from '../../src/app';
import { rawRequestOf, startHookInbox } from '../helpers/zapier-hooks';
import type { HookInbox, RawRequest } from '../helpers/zapier-hooks';
import { hookTriggerKeys, stageBuild, zapierEnv } from './build-zip';
import type { Staged } from './build-zip';
import { OPERATION_INPUTS, inputsFor } from './operation-inputs';

jest.setTimeout(60_000);

// Test names come from the sources; the first test checks the build holds exactly these.
const HOOKS = hookTriggerKeys(App as never);

let staged: Staged;
let mock: MockServer;
let lambda: ChildProcess;
let inbox: HookInbox;
const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
let nextId = 0;

/** One invocation of the Lambda handler, with the event Zapier's backend would send. */
function invokeHandler<T>(method: string, bundle: Record<string, unknown>): Promise<T> {
  const id = ++nextId;
  const event = { command: 'execute', method, bundle: { inputData: {}, meta: {}, ...bundle } };
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`${method}: no answer from the handler within 20 s`));
    }, 20_000);
    pending.set(id, {
      resolve: (r) => (clearTimeout(timer), resolve((r as { results: T }).results)),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
    lambda.send({ id, event });
  });
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function startLambda(dir: string, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'lambda-host.cjs'), [], { cwd: dir, env, stdio: 'pipe' });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('message', (message: { id?: number; result?: unknown; error?: { message: string } }) => {
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the handler did not load within 20 s:\n${output}`)),
      20_000,
    );
    child.once('message', () => (clearTimeout(timer), resolve(child)));
    child.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`the host exited (${code}):\n${output}`))),
    );
  });
}

beforeAll(async () => {
  [staged, mock, inbox] = await Promise.all([
    stageBuild(),
    startMockServer({ port: 0, host: '127.0.0.1' }),
    startHookInbox(),
  ]);
  lambda = await startLambda(staged.dir, zapierEnv(staged.home));
}, 300_000);

afterAll(async () => {
  if (lambda && lambda.exitCode === null) {
    const exited = new Promise((resolve) => lambda.once('exit', resolve));
    lambda.kill('SIGTERM');
    await exited;
  }
  await inbox?.close();
  await mock?.close();
  staged?.dispose();
});

test('the build holds exactly the hook triggers the sources define, each with an input entry', () => {
  expect(hookTriggerKeys(staged.definition)).toEqual(HOOKS);
  expect(Object.keys(OPERATION_INPUTS.hooks).filter((key) => !HOOKS.includes(key))).toEqual([]);
});

describe.each(HOOKS)('hook trigger %s through the Lambda handler', (key) => {
  const operation = (fn: string) => `triggers.${key}.operation.${fn}`;

  test('subscribe; a signed delivery fires once; a repeat or a forgery never; unsubscribe', async () => {
    // A connection (API client) of its own: the mock limits test deliveries per client.
    const client = await mock.createApiClient({ name: `zapier ${key}` });
    const authData = { api_key: client.api_key, base_url: mock.url };
    const api = createReturnsClient({ baseUrl: mock.url, apiKey: client.api_key });
    const inputData = inputsFor('hooks', key).input({ id: '', external_reference: '', customer_email: '' });
    const subscribeData = await invokeHandler<{ id: string }>(operation('performSubscribe'), {
      authData,
      targetUrl: inbox.url,
      inputData,
    });
    const subscription = await api.webhooks.get(subscribeData.id);
    expect(subscription).toMatchObject({
      url: inbox.url,
      enabled: true,
      scheme: inputData.scheme ?? 'hmac-sha256',
    });
    const type = subscription.events[0] as EventType;
    expect(Object.keys(EVENT_CATALOGUE)).toContain(type);

    const hook = (rawRequest: RawRequest) =>
      invokeHandler<Array<{ id: string; type: string }>>(operation('perform'), {
        authData,
        targetUrl: inbox.url,
        inputData,
        subscribeData,
        rawRequest,
        cleanedRequest: JSON.parse(rawRequest.content) as unknown,
      });

    // The mock's delivery pipeline sends a real, signed event of a subscribed type to the inbox.
    const { event } = await api.webhooks.test(subscription.id, { type });
    const delivery = await within(20_000, inbox.next(), `the ${type} delivery to the inbox`);
    expect(await hook(delivery)).toEqual([expect.objectContaining({ id: event.id, type })]);
    // Retried by the sender (same event, same bytes): the Zap does not run twice.
    expect(await hook(delivery)).toEqual([]);

    // The same event signed with a secret that is not the subscription's: nothing fires.
    const forged = await signWebhook({
      scheme: subscription.scheme,
      secret: generateWebhookSecret(subscription.scheme),
      event: { ...event, id: `${event.id.slice(0, -1)}X` },
    });
    expect(await hook(rawRequestOf(forged.headers, forged.body))).toEqual([]);

    await invokeHandler(operation('performUnsubscribe'), {
      authData,
      targetUrl: inbox.url,
      inputData,
      subscribeData,
    });
    expect((await api.webhooks.list()).data.map((s) => s.id)).not.toContain(subscription.id);
  });
});
