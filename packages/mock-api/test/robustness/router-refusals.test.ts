import { expectContractAnswer } from './helpers/contract-answer';
import { fuzzApp } from './helpers/fuzz-app';
import type { FuzzApp } from './helpers/fuzz-app';

/**
 * Found by endpoint-fuzz: the router refuses these before any route runs, and used to answer with
 * Fastify's own body (`{"error":"Bad Request","code":"FST_ERR_…"}`), not the contract's.
 */

let f: FuzzApp;
beforeAll(async () => {
  f = await fuzzApp();
});
afterAll(() => f.close());

test('an id longer than the router takes is 400 validation_failed naming id', async () => {
  const url = `/external/v1/rmas/rma_${'x'.repeat(200)}`;
  const answer = await f.inject({ method: 'GET', url, headers: { 'x-api-key': f.client.api_key } });
  expectContractAnswer(answer, url);
  expect(JSON.parse(answer.text)).toEqual({
    error: {
      code: 'validation_failed',
      message: 'Path parameter id is too long',
      details: [{ path: 'id', message: 'is longer than 100 characters' }],
    },
  });
});

test('a path that is not validly percent-encoded is 400 validation_failed naming url', async () => {
  const url = '/external/v1/webhooks/%E0%A4%A';
  const answer = await f.inject({ method: 'GET', url, headers: { 'x-api-key': f.client.api_key } });
  expectContractAnswer(answer, url);
  expect(answer.status).toBe(400);
  expect(JSON.parse(answer.text).error.details).toEqual([
    { path: 'url', message: 'is not validly percent-encoded' },
  ]);
});
