import type { z } from 'zod';
import {
  ClockAdvanceBody,
  ClockState,
  CreateApiClientBody,
  CreatedApiClient,
  ErrorBody,
  Rma,
  TransitionBody,
} from '@returns-pack/shared-client';
import type { RmaStatus } from '@returns-pack/shared-client';

/** The merchant's side of the mock (`/admin/v1`), as the returns platform's back office would act. */
export interface AdminApi {
  createApiClient(name: string): Promise<CreatedApiClient>;
  transition(rmaId: string, to: RmaStatus): Promise<Rma>;
  clock(): Promise<ClockState>;
  advanceClock(seconds: number): Promise<ClockState>;
}

export function adminApi(baseUrl: string, adminToken: string): AdminApi {
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    answer: z.ZodType<T>,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = ErrorBody.safeParse(parsed);
      const reason = error.success ? `: ${error.data.error.code}: ${error.data.error.message}` : '';
      throw new Error(`${method} ${path} answered ${response.status}${reason}`);
    }
    return answer.parse(parsed);
  }
  return {
    createApiClient: (name) =>
      call('POST', '/admin/v1/api-clients', CreatedApiClient, CreateApiClientBody.parse({ name })),
    transition: (rmaId, to) =>
      call(
        'POST',
        `/admin/v1/rmas/${encodeURIComponent(rmaId)}/transitions`,
        Rma,
        TransitionBody.parse({ to }),
      ),
    clock: () => call('GET', '/admin/v1/clock', ClockState),
    advanceClock: (seconds) =>
      call('POST', '/admin/v1/clock/advance', ClockState, ClockAdvanceBody.parse({ seconds })),
  };
}
