import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { ApiError, NetworkError, userMessage } from '@returns-pack/shared-client';

/**
 * n8n's one error mapper: what the API refused becomes a `NodeApiError` carrying the API's code and
 * field messages; what the client refused before sending (bad input) a `NodeOperationError`.
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex?: number,
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  if (error instanceof ApiError && (error.status > 0 || error instanceof NetworkError)) {
    const response: JsonObject = { code: error.code, message: error.message, details: error.details };
    const description = error.details.length
      ? error.details.map((d) => `${d.path}: ${d.message}`).join('\n')
      : error.message;
    return new NodeApiError(node, response, {
      message: userMessage(error),
      description,
      httpCode: error.status > 0 ? String(error.status) : undefined,
      itemIndex,
    });
  }
  return new NodeOperationError(node, userMessage(error), { itemIndex });
}
