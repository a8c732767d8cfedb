import { createHash } from 'node:crypto';
import type { Harness } from './helpers/harness';
import { startHarness, tradeReturnBody } from './helpers/harness';
import type { Json } from './helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ adminToken: 'the-admin-token-for-tests' });
});
afterAll(() => h.close());

describe('API keys', () => {
  test('a missing key is 401 on every external route', async () => {
    for (const path of [
      '/external/v1/rmas',
      '/external/v1/trade-returns',
      '/external/v1/offline-repairs',
      '/external/v1/events',
    ]) {
      const res = await h.anonymous.get(path);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'unauthorized', message: 'Missing X-Api-Key header' });
    }
  });

  test('an unknown key is 401, and the answer does not echo it', async () => {
    const res = await h.anonymous.as({ 'x-api-key': 'rmk_not-a-real-key' }).get('/external/v1/rmas');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(JSON.stringify(res.body)).not.toContain('rmk_not-a-real-key');
  });

  test('a revoked key is refused on the very next request', async () => {
    const created = await h.admin.post('/admin/v1/api-clients', { name: 'ERP' });
    expect(created.status).toBe(201);
    const erp = h.anonymous.as({ 'x-api-key': created.body.api_key });
    expect((await erp.get('/external/v1/rmas')).status).toBe(200);

    const revoked = await h.admin.post(`/admin/v1/api-clients/${created.body.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked_at).toEqual(expect.any(String));

    const next = await erp.get('/external/v1/rmas');
    expect(next.status).toBe(401);
    expect(next.body.error.message).toBe('Unknown or revoked API key');
    expect((await erp.post('/external/v1/trade-returns', tradeReturnBody())).status).toBe(401);
    // Other clients are untouched.
    expect((await h.api.get('/external/v1/rmas')).status).toBe(200);
  });

  test('revoking twice keeps the first revocation time; unknown and malformed ids are refused', async () => {
    const { body } = await h.admin.post('/admin/v1/api-clients', { name: 'POS' });
    const first = await h.admin.post(`/admin/v1/api-clients/${body.id}/revoke`);
    const second = await h.admin.post(`/admin/v1/api-clients/${body.id}/revoke`);
    expect(second.body.revoked_at).toBe(first.body.revoked_at);
    expect((await h.admin.post('/admin/v1/api-clients/cli_unknown/revoke')).status).toBe(404);
    const malformed = await h.admin.post('/admin/v1/api-clients/nope/revoke');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([
      { path: 'id', message: 'must be an id starting with "cli_"' },
    ]);
  });
});

describe('API clients', () => {
  test('key and webhook secret are shown once and stored only as hashes', async () => {
    const created = await h.admin.post('/admin/v1/api-clients', {
      name: 'Slack bridge',
      webhook_url: 'https://hooks.example.com/returns',
    });
    expect(created.status).toBe(201);
    const { api_key, webhook_secret, id } = created.body;
    expect(api_key).toMatch(/^rmk_/);
    expect(webhook_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(created.body.key_prefix).toBe(api_key.slice(0, 12));
    expect(created.body.webhook_url).toBe('https://hooks.example.com/returns');

    const listed = await h.admin.get('/admin/v1/api-clients');
    expect(listed.status).toBe(200);
    const text = JSON.stringify(listed.body);
    expect(text).toContain(id);
    expect(text).not.toContain(api_key);
    expect(text).not.toContain(webhook_secret);

    const stored = h.server.services.repositories.apiClients.get(id)!;
    expect(JSON.stringify(stored)).not.toContain(api_key);
    expect(JSON.stringify(stored)).not.toContain(webhook_secret);
    expect(stored.key_hash).toBe(createHash('sha256').update(api_key).digest('hex'));
  });

  test('a bad body names the field', async () => {
    const res = await h.admin.post('/admin/v1/api-clients', { name: '', webhook_url: 'ftp://x', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'extra',
      'name',
      'webhook_url',
    ]);
  });
});

describe('admin token', () => {
  const routes: [string, string][] = [
    ['GET', '/admin/v1/api-clients'],
    ['POST', '/admin/v1/api-clients'],
    ['GET', '/admin/v1/clock'],
    ['POST', '/admin/v1/clock/advance'],
    ['POST', '/admin/v1/rmas/rma_abc/transitions'],
    ['POST', '/admin/v1/rmas/rma_abc/events'],
  ];

  test.each(routes)('%s %s refuses a missing, wrong or API-key credential', async (method, path) => {
    const body = method === 'POST' ? {} : undefined;
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: 'Bearer the-admin-token-for-test' },
      { authorization: 'Basic the-admin-token-for-tests' },
      { 'x-api-key': h.client.api_key },
    ];
    for (const credentials of attempts) {
      const res = await h.anonymous.as(credentials).send<Json>(method, path, body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  test('the right token is accepted', async () => {
    expect((await h.admin.get('/admin/v1/clock')).status).toBe(200);
    const lowercase = h.anonymous.as({ authorization: 'bearer the-admin-token-for-tests' });
    expect((await lowercase.get('/admin/v1/clock')).status).toBe(200);
  });
});
