import { Command } from 'commander';
import {
  CreatedApiClient,
  ErrorBody,
  EventEnvelope,
  EventType,
  createReturnsClient,
} from '@returns-pack/shared-client';

export interface TriggerOptions {
  baseUrl: string;
  adminToken: string;
  type: string;
  /** The RMA the event is about; without it a trade return is created first (which emits return.created). */
  rmaId?: string;
  /** For that creation; without it an API client named "returns-mock trigger" is made. */
  apiKey?: string;
}

export interface TriggerResult {
  event: EventEnvelope;
  createdRmaId: string | null;
}

/**
 * Makes a running server emit a real event through its real pipeline (event log, then every
 * matching webhook), like `stripe trigger`.
 */
export async function triggerEvent(options: TriggerOptions): Promise<TriggerResult> {
  const type = EventType.safeParse(options.type);
  if (!type.success) {
    throw new Error(`"${options.type}" is not an event type; known: ${EventType.options.join(', ')}`);
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const admin = (path: string, body: unknown) => adminPost(baseUrl, options.adminToken, path, body);

  let rmaId = options.rmaId;
  let createdRmaId: string | null = null;
  if (rmaId === undefined) {
    const apiKey =
      options.apiKey ??
      CreatedApiClient.parse(await admin('/admin/v1/api-clients', { name: 'returns-mock trigger' })).api_key;
    const client = createReturnsClient({ baseUrl, apiKey, userAgent: 'returns-mock-trigger/0.1' });
    const rma = await client.tradeReturns.create({
      customer: { email: 'trigger@example.com', name: 'Trigger Sample' },
      items: [{ sku: 'TRIGGER-SAMPLE', quantity: 1, reason: 'Created by returns-mock trigger' }],
    });
    rmaId = createdRmaId = rma.id;
  }
  const event = EventEnvelope.parse(
    await admin(`/admin/v1/rmas/${encodeURIComponent(rmaId)}/events`, { type: type.data }),
  );
  return { event, createdRmaId };
}

async function adminPost(baseUrl: string, token: string, path: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(baseUrl + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error(`could not reach the mock at ${baseUrl}: is \`returns-mock serve\` running there?`);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = ErrorBody.safeParse(parsed);
    const reason = error.success ? `${error.data.error.code}: ${error.data.error.message}` : 'no error body';
    throw new Error(`the mock answered ${response.status} to POST ${path} (${reason})`);
  }
  return parsed;
}

interface TriggerCliOptions {
  rma?: string;
  url: string;
  adminToken?: string;
  apiKey?: string;
}

export function triggerCommand(): Command {
  return new Command('trigger')
    .description('Make a running mock emit an event through its real pipeline, to every matching webhook')
    .argument('<event-type>', `one of: ${EventType.options.join(', ')}`)
    .option('--rma <id>', 'the RMA the event is about (default: create a trade return first)')
    .option(
      '--url <base>',
      'base URL of the running mock',
      process.env.RETURNS_MOCK_URL || 'http://127.0.0.1:4010',
    )
    .option('--admin-token <token>', 'admin bearer token (default: $RETURNS_MOCK_ADMIN_TOKEN)')
    .option('--api-key <key>', 'API key used to create the RMA (default: a new API client)')
    .action(async (type: string, options: TriggerCliOptions) => {
      const adminToken = options.adminToken ?? process.env.RETURNS_MOCK_ADMIN_TOKEN;
      if (!adminToken)
        throw new Error('--admin-token is required (or set RETURNS_MOCK_ADMIN_TOKEN): `serve` prints it');
      const { event, createdRmaId } = await triggerEvent({
        baseUrl: options.url,
        adminToken,
        type,
        rmaId: options.rma,
        apiKey: options.apiKey,
      });
      const lines = [];
      if (createdRmaId) lines.push(`created trade return ${createdRmaId} (which emitted return.created)`);
      lines.push(`triggered ${event.type} ${event.id} for ${event.subject.id} (sequence ${event.sequence})`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
