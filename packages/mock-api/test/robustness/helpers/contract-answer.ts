import { ErrorBody } from '@returns-pack/shared-client';
import { STATUS_OF } from '../../../src/http/errors';

/** Anything that looks like a stack frame, a source path or a dependency: never in an answer. */
const INTERNALS = /\bat \S+ \(|\.[cm]?[tj]s:\d+|node_modules|\/work\//;

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  text: string;
}

/**
 * Throws (naming the request) unless the answer keeps the contract's promises for bad input: no 5xx,
 * JSON, and every refusal the error body with the code its status implies, `validation_failed`
 * naming the field in `details`.
 */
export function expectContractAnswer(answer: RawAnswer, request: string): void {
  const fail = (why: string) => {
    throw new Error(`${request} → ${answer.status}: ${why}\n${answer.text.slice(0, 500)}`);
  };
  if (answer.status >= 500) fail('a 5xx');
  if (!answer.contentType?.startsWith('application/json')) fail(`content type ${answer.contentType}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return fail('not JSON');
  }
  if (INTERNALS.test(answer.text)) fail('internals (a stack frame or a path) in the answer');
  if (answer.status < 400) return;
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return fail('not the contract error body');
  const { code, details } = parsed.data.error;
  const expected =
    answer.status === 415 ? 'validation_failed' : Object.keys(STATUS_OF).find((c) => c === code);
  if (expected !== code || (answer.status !== 415 && STATUS_OF[code] !== answer.status))
    fail(`code ${code} does not go with status ${answer.status}`);
  // A query key may be empty (`?=`): then the empty name is the field's name.
  if (code === 'validation_failed' && !details?.some((d) => d.message.length > 0))
    fail('validation_failed without a detail naming the field');
}
