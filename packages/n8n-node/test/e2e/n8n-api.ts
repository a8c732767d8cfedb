import { randomUUID } from 'node:crypto';

interface Execution {
  id: string;
  workflowId: string;
  status: string;
  data?: {
    resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: unknown }>> } }>> };
  };
}

/**
 * n8n's public API, for what the CLI cannot do while n8n runs: reading executions and deactivating
 * a workflow. The key comes from the owner account set up over the REST API (cookie and browser-id).
 */
export async function publicApi(baseUrl: string) {
  const browserId = randomUUID();
  const setup = await fetch(`${baseUrl}/rest/owner/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'browser-id': browserId },
    body: JSON.stringify({
      email: 'owner@example.com',
      firstName: 'End',
      lastName: 'ToEnd',
      password: `E2e-${randomUUID()}`,
    }),
  });
  if (!setup.ok) throw new Error(`owner setup: HTTP ${setup.status} ${await setup.text()}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0]!;
  const keyResponse = await fetch(`${baseUrl}/rest/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'browser-id': browserId, cookie },
    body: JSON.stringify({
      label: 'e2e',
      expiresAt: null,
      scopes: [
        'workflow:read',
        'workflow:list',
        'workflow:activate',
        'workflow:deactivate',
        'execution:read',
        'execution:list',
      ],
    }),
  });
  if (!keyResponse.ok) throw new Error(`API key: HTTP ${keyResponse.status} ${await keyResponse.text()}`);
  const { data } = (await keyResponse.json()) as { data: { rawApiKey?: string; apiKey?: string } };
  const apiKey = data.rawApiKey ?? data.apiKey!;

  async function call<T>(method: string, path: string): Promise<T> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'X-N8N-API-KEY': apiKey },
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  return {
    executions: async (workflowId: string) =>
      (
        await call<{ data: Execution[] }>(
          'GET',
          `/executions?workflowId=${workflowId}&includeData=true&limit=100`,
        )
      ).data,
    workflow: (workflowId: string) =>
      call<{ id: string; name: string; active: boolean; nodes: Array<{ type: string }> }>(
        'GET',
        `/workflows/${workflowId}`,
      ),
    /** The node types this n8n has loaded, as its editor reads them (a signed-in session's request). */
    nodeTypes: async () => {
      const response = await fetch(`${baseUrl}/types/nodes.json`, {
        headers: { 'browser-id': browserId, cookie },
      });
      if (!response.ok) throw new Error(`/types/nodes.json: HTTP ${response.status}`);
      return ((await response.json()) as Array<{ name: string }>).map((node) => node.name);
    },
    deactivate: (workflowId: string) =>
      call<{ active: boolean }>('POST', `/workflows/${workflowId}/deactivate`),
  };
}

/** The items one node output in an execution. */
export function nodeOutput(execution: Execution, node: string): unknown[] {
  const runs = execution.data?.resultData?.runData?.[node] ?? [];
  return runs.flatMap((run) => run.data?.main?.[0] ?? []).map((item) => item.json);
}
export type { Execution };

/** Waits for something n8n does asynchronously (a delivery, an execution being saved), up to a deadline. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  logs: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}. n8n log tail:\n${logs().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
