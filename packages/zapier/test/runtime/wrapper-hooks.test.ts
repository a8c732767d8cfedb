/**
 * The REST-hook triggers as Zapier's backend runs them: `zapier build`'s zip unzipped into a clean
 * folder, its `zapierwrapper.js` loaded in processes of their own (two warm Lambda containers), and its
 * `handler` called with the events Zapier sends for `performSubscribe`, `perform` (the mock's real signed
 * delivery, caught on 127.0.0.1, as the raw request) and `performUnsubscribe`, with the RPC endpoint
 * (`z.cache`) and the log endpoint Zapier's backend provides, both stood in for on 127.0.0.1.
 * `zapier invoke` cannot run hook triggers, hence this.
 */
import {
  createReturnsClient,
  EVENT_CATALOGUE,
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
import { startLambda } from './lambda';
import type { Lambda } from './lambda';
import { OPERATION_INPUTS, inputsFor } from './operation-inputs';
import { startZapierBackend } from './zapier-backend';
import type { ZapierBackend } from './zapier-backend';

jest.setTimeout(60_000);

// Test names come from the sources; the first test checks the build holds exactly these.
const HOOKS = hookTriggerKeys(App as never);

let staged: Staged;
let mock: MockServer;
let inbox: HookInbox;
let backend: ZapierBackend;
/** Two containers: Zapier runs each invocation in whichever it has warm. */
let containers: Lambda[] = [];
/** Every API key and subscription secret the tests handled: none may reach Zapier's log stream. */
const secrets: string[] = [];

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

beforeAll(async () => {
  [staged, mock, inbox, backend] = await Promise.all([
    stageBuild(),
    startMockServer({ port: 0, host: '127.0.0.1' }),
    startHookInbox(),
    startZapierBackend(),
  ]);
  for (let i = 0; i < 2; i += 1)
    containers.push(await startLambda(staged.dir, zapierEnv(staged.home), backend));
}, 300_000);

afterAll(async () => {
  await Promise.all(containers.map((lambda) => lambda.stop()));
  containers = [];
  await inbox?.close();
  await backend?.close();
  await mock?.close();
  staged?.dispose();
});

test('the build holds exactly the hook triggers the sources define, each with an input entry', () => {
  expect(hookTriggerKeys(staged.definition)).toEqual(HOOKS);
  expect(Object.keys(OPERATION_INPUTS.hooks).filter((key) => !HOOKS.includes(key))).toEqual([]);
});

describe.each(HOOKS)('hook trigger %s through the Lambda handler', (key) => {
  const operation = (fn: string) => `triggers.${key}.operation.${fn}`;

  test('subscribe; a signed delivery fires once; a repeat (in the other container) or a forgery never; unsubscribe', async () => {
    const [first, second] = containers as [Lambda, Lambda];
    // A connection (API client) of its own: the mock limits test deliveries per client.
    const client = await mock.createApiClient({ name: `zapier ${key}` });
    const authData = { api_key: client.api_key, base_url: mock.url };
    secrets.push(client.api_key);
    const api = createReturnsClient({ baseUrl: mock.url, apiKey: client.api_key });
    const inputData = inputsFor('hooks', key).input({
      id: '',
      external_reference: '',
      customer_email: '',
      to_approve: '',
      to_label: '',
    });
    const subscribeData = await first.invoke<{ id: string; secret: string }>(operation('performSubscribe'), {
      authData,
      targetUrl: inbox.url,
      inputData,
    });
    secrets.push(subscribeData.secret);
    const subscription = await api.webhooks.get(subscribeData.id);
    expect(subscription).toMatchObject({
      url: inbox.url,
      enabled: true,
      scheme: inputData.scheme ?? 'hmac-sha256',
    });
    const type = subscription.events[0] as EventType;
    expect(Object.keys(EVENT_CATALOGUE)).toContain(type);

    const hook = (lambda: Lambda, rawRequest: RawRequest) =>
      lambda.invoke<Array<{ id: string; type: string }>>(operation('perform'), {
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
    expect(await hook(first, delivery)).toEqual([expect.objectContaining({ id: event.id, type })]);
    // Retried by the sender (same event, same bytes), run by another container: the Zap does not run
    // twice, because the event id went into z.cache, which every container shares.
    expect(await hook(second, delivery)).toEqual([]);
    expect(backend.cacheKeys().filter((k) => k.includes(`:${subscription.id}:${event.id}`))).toHaveLength(1);

    // The same event signed with a secret that is not the subscription's: nothing fires.
    const forged = await signWebhook({
      scheme: subscription.scheme,
      secret: generateWebhookSecret(subscription.scheme),
      event: { ...event, id: `${event.id.slice(0, -1)}X` },
    });
    expect(await hook(second, rawRequestOf(forged.headers, forged.body))).toEqual([]);

    await second.invoke(operation('performUnsubscribe'), {
      authData,
      targetUrl: inbox.url,
      inputData,
      subscribeData,
    });
    expect((await api.webhooks.list()).data.map((s) => s.id)).not.toContain(subscription.id);
  });
});

test('the log stream Zapier keeps of every invocation used z.cache and carries no API key or secret', () => {
  const logs = backend.logs();
  // The HTTP calls are in it (the subscription's creation answered with its secret), ...
  expect(logs).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/external\/v1\/webhooks/);
  // ... and the repeats were recognised through the shared cache, not a container's memory.
  expect(logs).toContain('Ignored a repeated delivery');
  expect(logs).not.toContain('could not be reached');
  expect(secrets.length).toBe(HOOKS.length * 2);
  expect(secrets.filter((secret) => logs.includes(secret))).toEqual([]);
});
