import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BoundComponent } from './instance';
import type { ComponentInstance, HttpEvent, HttpResponse } from './types';

export interface HttpInterfaceServer {
  endpoint: string;
  /** What each request's run answered, in arrival order. */
  responses: HttpResponse[];
  /** Errors a run threw (Pipedream would show them on the source's logs). */
  errors: unknown[];
  /** Resolves once this many requests in all have been answered: deliveries arrive in the background. */
  untilAnswered(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * `$.interface.http` with `customResponse: true`: a real endpoint on 127.0.0.1 that hands each request
 * to `run` as Pipedream's HTTP event (`bodyRaw` untouched, `body` parsed when JSON) and answers with
 * whatever `run` passed to `this.http.respond`; a run that never responds gets a 500.
 */
export async function startHttpInterface(bound: BoundComponent): Promise<HttpInterfaceServer> {
  const responses: HttpResponse[] = [];
  const errors: unknown[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let endpoint = '';

  function answered(response: HttpResponse): void {
    responses.push(response);
    for (const waiter of waiters.filter((w) => responses.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  async function handle(request: IncomingMessage, reply: ServerResponse): Promise<void> {
    const event = await toHttpEvent(request, endpoint);
    let response: HttpResponse | undefined;
    const perRequest: ComponentInstance = Object.create(bound.instance);
    perRequest.http = {
      endpoint,
      respond(answer: HttpResponse) {
        if (response) throw new Error('http.respond called twice for one request');
        response = answer;
      },
    };
    try {
      await bound.component.run.call(perRequest, ...([event] as never[]));
    } catch (error) {
      errors.push(error);
    }
    const answer = response ?? { status: 500, body: { error: 'the source did not respond' } };
    answered(answer);
    const isText = typeof answer.body === 'string' || answer.body === undefined;
    reply.writeHead(answer.status, {
      'content-type': isText ? 'text/plain' : 'application/json',
      ...answer.headers,
    });
    reply.end(isText ? (answer.body as string | undefined) : JSON.stringify(answer.body));
  }

  const server = createServer((request, reply) => {
    handle(request, reply).catch((error: unknown) => {
      errors.push(error);
      reply.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bound.instance.http = {
    endpoint,
    respond() {
      throw new Error('http.respond is only available while run handles a request');
    },
  };
  return {
    endpoint,
    responses,
    errors,
    untilAnswered: (count) =>
      responses.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

async function toHttpEvent(request: IncomingMessage, endpoint: string): Promise<HttpEvent> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const bodyRaw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(request.url ?? '/', endpoint);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    bodyRaw,
    body: parseIfJson(bodyRaw, headers['content-type']),
    url: url.toString(),
    client_ip: request.socket.remoteAddress ?? '',
  };
}

function parseIfJson(text: string, contentType: string | undefined): unknown {
  if (!contentType?.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
