import type { Agent } from 'undici';

/** Past this many bytes an answer is cut off (its socket closed) instead of drained for reuse. */
const DRAIN_LIMIT = 64 * 1024;

/** What the receiver answered, as far as the attempt log needs it. */
export interface Answer {
  statusCode: number;
  location: string | undefined;
  snippet: string | null;
}

/** The attempt's one deadline passed (connect, headers and body together). */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * One POST through undici's dispatch API: the answer's start is kept for the log and the rest
 * drained, so a small answer leaves its socket reusable; a long one is cut off and its socket closed.
 * Lighter per request than `request()`, which wraps every answer in a stream read back through an
 * async iterator. At `deadlineMs` the request is aborted wherever it is, so a receiver trickling its
 * answer a byte at a time holds the attempt (and its concurrency slot) no longer than that.
 */
export function post(
  agent: Agent,
  target: URL,
  headers: Record<string, string>,
  body: string,
  snippetChars: number,
  deadlineMs: number,
): Promise<Answer> {
  return new Promise((resolvePost, rejectPost) => {
    let settled = false;
    let abort: ((reason: Error) => void) | undefined;
    // Made only when it passes: an Error captures a stack, too dear to build for every attempt.
    let deadline: DeadlineError | undefined;
    const timer = setTimeout(() => {
      deadline = new DeadlineError(`deadline of ${deadlineMs} ms passed`);
      reject(deadline);
      abort?.(deadline);
    }, deadlineMs);
    const resolve = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePost(answer);
    };
    const reject = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      rejectPost(error);
    };
    let statusCode = 0;
    let location: string | undefined;
    const kept: Buffer[] = [];
    let seen = 0;
    let cutOff = false;
    const answer = (): Answer => ({
      statusCode,
      location,
      snippet: seen === 0 ? null : Buffer.concat(kept).toString('utf8').slice(0, snippetChars),
    });
    agent.dispatch(
      { origin: target.origin, path: target.pathname + target.search, method: 'POST', headers, body },
      {
        onRequestStart(controller) {
          abort = (reason) => controller.abort(reason);
          if (deadline) controller.abort(deadline);
        },
        // An interim 1xx answer comes first and is overwritten by the final one.
        onResponseStart(_controller, code, answerHeaders) {
          statusCode = code;
          const value = answerHeaders.location;
          location = typeof value === 'string' ? value : undefined;
        },
        onResponseData(controller, chunk) {
          if (seen < snippetChars * 4) kept.push(chunk);
          seen += chunk.length;
          if (seen > DRAIN_LIMIT && !cutOff) {
            cutOff = true;
            controller.abort(new Error('answer too long to drain'));
          }
        },
        onResponseEnd: () => resolve(answer()),
        // An answer cut off on purpose still counts by its status; any other failure fails the attempt.
        onResponseError: (_controller, error) => (cutOff ? resolve(answer()) : reject(error)),
      },
    );
  });
}
