import { ConfigurationError } from "@pipedream/platform";
import {
  ApiError,
  AuthError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
  userMessage,
} from "../dist/returns-client.mjs";

// What the person configuring the step can fix; anything else is the API's or the network's fault.
const USER_FIXABLE = [AuthError, ValidationError, NotFoundError, RateLimitedError, ConflictError];

/**
 * One error a workflow builder can act on. The client's errors never carry the request (and so never
 * the API key); we still build a fresh error so that nothing but the message reaches Pipedream's logs.
 */
export function toPipedreamError(error) {
  if (!(error instanceof ApiError)) return error;
  const message = userMessage(error);
  return USER_FIXABLE.some((type) => error instanceof type)
    ? new ConfigurationError(message)
    : new Error(message);
}
