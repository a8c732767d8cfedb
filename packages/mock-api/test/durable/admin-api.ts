import type { z } from 'zod';
import { ClockState, CreatedApiClient, Rma } from '@returns-pack/shared-client';
import type { RmaStatus } from '@returns-pack/shared-client';

/** The request got no answer: the server was gone, or went while it ran. */
export class Unanswered extends Error {}

export type AdminApi = ReturnType<typeof adminApi>;

/** The merchant's side of one server (a body makes a POST), each answer checked against the contract. */
export function adminApi(baseUrl: string, token: string) {
  async function send<S extends z.ZodType>(schema: S, path: string, body?: unknown): Promise<z.output<S>> {
    const method = body === undefined ? 'GET' : 'POST';
    let status: number;
    let text: string;
    try {
      const res = await fetch(baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      throw new Unanswered(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (status < 200 || status >= 300) throw new Error(`${method} ${path} answered ${status}: ${text}`);
    return schema.parse(JSON.parse(text));
  }
  return {
    createApiClient: (name: string) => send(CreatedApiClient, '/admin/v1/api-clients', { name }),
    transition: (id: string, to: RmaStatus) => send(Rma, `/admin/v1/rmas/${id}/transitions`, { to }),
    advanceClock: (seconds: number) => send(ClockState, '/admin/v1/clock/advance', { seconds }),
    clock: () => send(ClockState, '/admin/v1/clock'),
  };
}
