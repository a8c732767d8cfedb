import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReturnsClient } from '@returns-pack/shared-client';
import type { ReturnsClient } from '@returns-pack/shared-client';
import { startMockServer } from '@returns-pack/mock-api';
import type { MockServer } from '@returns-pack/mock-api';
import { eventually, publicApi } from './n8n-api';
import { createN8n, ensureBuilt, ensureN8nInstalled, packPackage } from './runtime';
import type { N8nInstance } from './runtime';
import { START_PATH, credentialsFile } from './workflow';

/** The mock API and a real n8n with the packed package installed, workflows imported and active. */
export interface Stack {
  mock: MockServer;
  /** The API as the test sees it, with the same API client as n8n's credential. */
  api: ReturnsClient;
  n8n: N8nInstance;
  n8nApi: Awaited<ReturnType<typeof publicApi>>;
  /** Queue mode: the base URL of the `n8n webhook` process, which serves production webhooks too. */
  webhookProcessUrl?: string;
  /** Waits for something n8n does asynchronously; on time-out the error carries the n8n logs. */
  eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T>;
  dispose(): Promise<void>;
}

export interface StackOptions {
  name: string;
  /** Imported with `n8n import:workflow` and activated before start (start-up activates them). */
  workflows: Array<{ id: string }>;
  /** More credentials beside ours (stubs for third-party nodes). */
  credentials?: unknown[];
  /** More environment for n8n (queue mode, PostgreSQL). */
  env?: NodeJS.ProcessEnv;
  /** Also start an `n8n worker` and an `n8n webhook` process (queue mode). */
  worker?: boolean;
  /** The credential's signing secret for senders outside n8n (empty: none). */
  webhookSecret?: string;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  await ensureN8nInstalled();
  await ensureBuilt();
  const scratch = mkdtempSync(path.join(tmpdir(), `n8n-e2e-${options.name.replace(/\W+/g, '-')}-`));
  let mock: MockServer | undefined;
  let n8n: N8nInstance | undefined;
  const dispose = async () => {
    await n8n?.dispose();
    await mock?.close();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    mock = await startMockServer({ port: 0, host: '127.0.0.1' });
    const client = await mock.createApiClient({ name: `n8n ${options.name}` });
    n8n = await createN8n({ tarball: await packPackage(scratch), env: options.env });
    const workflows = path.join(scratch, 'workflows.json');
    writeFileSync(workflows, JSON.stringify(options.workflows));
    const credentials = path.join(scratch, 'credentials.json');
    writeFileSync(
      credentials,
      JSON.stringify([
        ...credentialsFile(mock.url, client.api_key, options.webhookSecret),
        ...(options.credentials ?? []),
      ]),
    );
    await n8n.cli('import:credentials', `--input=${credentials}`);
    await n8n.cli('import:workflow', `--input=${workflows}`);
    for (const { id } of options.workflows) await n8n.cli('update:workflow', `--id=${id}`, '--active=true');
    await n8n.start();
    const webhookProcessUrl = options.worker
      ? (await n8n.startWorker(), await n8n.startWebhookProcess())
      : undefined;
    const started = n8n;
    const logs = () =>
      options.worker
        ? (['main', 'worker', 'webhook'] as const)
            .map((role) => `--- ${role}\n${started.logs(role).slice(-2000)}`)
            .join('\n')
        : started.logs();
    return {
      mock,
      api: createReturnsClient({ baseUrl: mock.url, apiKey: client.api_key }),
      n8n,
      n8nApi: await publicApi(n8n.url),
      webhookProcessUrl,
      eventually: (what, probe) => eventually(what, probe, logs),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Runs the e2e workflow's Webhook → Create Trade Return chain over HTTP for `reference` (customer
 * `<reference>@example.com`); n8n answers with the RMA, which must then exist in the API.
 */
export async function createThroughStart(stack: Stack, reference: string): Promise<{ id: string }> {
  const email = `${reference.toLowerCase()}@example.com`;
  const response = await fetch(`${stack.n8n.url}/webhook/${START_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, sku: `SKU-${reference}`, reference }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the Start webhook answered ${response.status}: ${text}`);
  const rma = JSON.parse(text) as { id: string };
  expect(await stack.api.rmas.get(rma.id)).toEqual(
    expect.objectContaining({
      id: rma.id,
      external_reference: reference,
      customer: expect.objectContaining({ email }),
    }),
  );
  return rma;
}
