import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  IHookFunctions,
  INodeExecutionData,
  INodeType,
  IWebhookFunctions,
  IWebhookResponseData,
} from 'n8n-workflow';
import { triggerContext } from './trigger-context';
import type { TriggerContextOptions } from './trigger-context';

export interface TriggerOptions extends TriggerContextOptions {
  webhookUrl?: string;
}

export interface Delivery {
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface Answer {
  status: number;
  body: unknown;
  result: IWebhookResponseData;
  emitted: INodeExecutionData[];
}

/** The slice of IHookFunctions and IWebhookFunctions the trigger uses, over a real HTTP stack. */
function context(options: TriggerOptions) {
  return {
    ...triggerContext('CUSTOM.returnsPackTrigger', 'Returns Pack Trigger', options),
    getWorkflow: () => ({ id: 'wf-1', name: 'Trigger tests', active: true }),
    getNodeWebhookUrl: () => options.webhookUrl,
  };
}

export const hookContext = (options: TriggerOptions) => context(options) as unknown as IHookFunctions;

export async function lifecycle(
  node: INodeType,
  options: TriggerOptions,
  method: 'checkExists' | 'create' | 'delete',
) {
  return node.webhookMethods!.default![method]!.call(hookContext(options));
}

/** Hands one request to the trigger's `webhook()` as n8n would, raw body not yet read. */
export async function deliver(node: INodeType, options: TriggerOptions, delivery: Delivery): Promise<Answer> {
  const answer = { status: 200, body: undefined as unknown };
  const request = {
    rawBody: undefined as Buffer | undefined,
    async readRawBody() {
      request.rawBody = Buffer.isBuffer(delivery.body) ? delivery.body : Buffer.from(delivery.body);
    },
  };
  const response = {
    status(code: number) {
      answer.status = code;
      return response;
    },
    json(body: unknown) {
      answer.body = body;
      return response;
    },
    send(body: unknown) {
      answer.body = body;
      return response;
    },
    end: () => response,
  };
  const headers = Object.fromEntries(Object.entries(delivery.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ctx = {
    ...context(options),
    getRequestObject: () => request,
    getResponseObject: () => response,
    getHeaderData: () => headers,
  };
  const result = await node.webhook!.call(ctx as unknown as IWebhookFunctions);
  if (!result.noWebhookResponse && result.webhookResponse !== undefined) answer.body = result.webhookResponse;
  return { ...answer, result, emitted: result.workflowData?.[0] ?? [] };
}

/**
 * n8n's webhook endpoint in miniature: a loopback HTTP server that runs the trigger's `webhook()`
 * for every POST and keeps what it emitted, so the mock's real deliveries can be awaited.
 */
export async function startReceiver(node: INodeType, options: Omit<TriggerOptions, 'webhookUrl'>) {
  const emitted: INodeExecutionData[] = [];
  const answers: Answer[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
      );
      deliver(node, { ...options, webhookUrl: url }, { headers, body: Buffer.concat(chunks) })
        .then((answer) => {
          answers.push(answer);
          emitted.push(...answer.emitted);
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body ?? { message: 'Workflow was started' }));
          waiters.splice(0).forEach((wake) => wake());
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/test-hook/webhook`;
  return {
    url,
    emitted,
    answers,
    /** Resolves once `count` deliveries have been answered (the mock delivers asynchronously). */
    async untilAnswered(count: number): Promise<void> {
      while (answers.length < count) await new Promise<void>((wake) => waiters.push(wake));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
