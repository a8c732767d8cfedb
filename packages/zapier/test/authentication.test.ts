import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { includeApiKey } from '../src/middleware';
import { definition } from '../harness';
import type { Connected } from './helpers/mock';
import { connectToMock, rejectionOf, zapierErrorBody } from './helpers/mock';

let mock: Connected;
beforeAll(async () => {
  mock = await connectToMock();
});
afterAll(() => mock.server.close());

const testAuth = definition.authentication.test;

describe('authentication', () => {
  test('a good key passes the connection test', async () => {
    await expect(mock.run(testAuth, { authData: mock.authData })).resolves.toEqual({ connected: true });
  });

  test('a wrong key fails with an AuthenticationError that says what to do, without the key', async () => {
    const wrongKey = `${mock.apiKey.slice(0, -4)}XXXX`;
    const error = await rejectionOf(
      mock.run(testAuth, { authData: { ...mock.authData, api_key: wrongKey } }),
    );
    expect(zapierErrorBody(error)).toEqual({
      message: expect.stringMatching(/refused the API key.*Settings → External API/),
      code: 'AuthenticationError',
      status: 401,
    });
    expect(error.message).not.toContain(wrongKey);
  });

  test('a revoked key fails the very next test (no grace period)', async () => {
    const other = await mock.server.createApiClient({ name: 'to revoke' });
    const authData = { api_key: other.api_key, base_url: mock.server.url };
    await expect(mock.run(testAuth, { authData })).resolves.toEqual({ connected: true });
    expect((await mock.admin('POST', `/admin/v1/api-clients/${other.id}/revoke`)).status).toBe(200);
    const error = await rejectionOf(mock.run(testAuth, { authData }));
    expect(zapierErrorBody(error)).toEqual(
      expect.objectContaining({ code: 'AuthenticationError', status: 401 }),
    );
  });

  test('an unreachable API is a clear network error that does not contain the key', async () => {
    const closed = await connectToMock();
    await closed.server.close();
    const error = await rejectionOf(mock.run(testAuth, { authData: closed.authData }));
    expect(zapierErrorBody(error).message).toMatch(
      /Could not reach the returns API at http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(error.message).not.toContain(closed.apiKey);
  });

  test('a malformed base URL is refused naming the field', async () => {
    const error = await rejectionOf(
      mock.run(testAuth, { authData: { api_key: mock.apiKey, base_url: 'not a url' } }),
    );
    expect(zapierErrorBody(error).message).toMatch(/baseUrl: must be an http\(s\) URL/);
  });

  test('the base URL is required, with no hosted default: left out, it is refused naming the field', async () => {
    const field = definition.authentication.fields.find((f: { key: string }) => f.key === 'base_url');
    expect(field).toMatchObject({ required: true });
    expect(field).not.toHaveProperty('default');
    expect(field?.helpText).toContain('http://127.0.0.1:4010');
    const error = await rejectionOf(mock.run(testAuth, { authData: { api_key: mock.apiKey } }));
    expect(zapierErrorBody(error).message).toMatch(/baseUrl: must be an http\(s\) URL/);
    const label = await mock.run<string>(definition.authentication.connectionLabel, { authData: {} });
    expect(label).toBe('Returns API (no base URL)');
  });

  test('the connection label names the API host and never the key', async () => {
    const label = await mock.run<string>(definition.authentication.connectionLabel, {
      authData: mock.authData,
    });
    expect(label).toBe(`Returns API (${new URL(mock.server.url).host})`);
    expect(label).not.toContain(mock.apiKey);
  });
});

describe('the beforeRequest middleware', () => {
  const bundle = {
    authData: { api_key: 'k_secret', base_url: 'https://api.shop.example/' },
  } as unknown as Bundle;
  const z = {} as ZObject;
  const run = (url: string) =>
    includeApiKey(
      { url, headers: {} } as HttpRequestOptions & { url: string },
      z,
      bundle,
    ) as HttpRequestOptions;

  test('puts the key in X-Api-Key for the connected API', () => {
    expect(run('https://api.shop.example/external/v1/rmas').headers).toEqual({ 'X-Api-Key': 'k_secret' });
  });

  test('never sends the key to another host, even one that starts with the same text', () => {
    expect(run('https://api.shop.example.evil.test/external/v1/rmas').headers).toEqual({});
    expect(run('https://elsewhere.example/hook').headers).toEqual({});
  });
});
