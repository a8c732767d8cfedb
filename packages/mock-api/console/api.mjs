/* global fetch, sessionStorage, URLSearchParams */

const TOKEN_KEY = 'returns-mock.admin-token';

/** The admin token lives in this tab's sessionStorage only: closing the tab forgets it. */
export const adminToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** An answer that is not a success, in the contract's error shape. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = body?.error;
    super(error?.message ?? `The server answered ${status}`);
    this.status = status;
    this.code = error?.code ?? 'internal';
    this.details = Array.isArray(error?.details) ? error.details : [];
  }

  /** The message, and each field the server named. */
  describe() {
    const fields = this.details.map((d) => `${d.path}: ${d.message}`);
    return fields.length > 0 ? `${this.message} (${fields.join('; ')})` : this.message;
  }
}

const unauthorizedListeners = new Set();

/** Called when the token is refused, so that the page asks for it again. Returns the unsubscribe. */
export function onUnauthorized(listener) {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** One admin API call with the bearer token; resolves to the JSON answer or rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { authorization: `Bearer ${adminToken.get() ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { error: { code: 'network', message: 'The mock server cannot be reached' } });
  }
  const data = await response.json().catch(() => null);
  if (response.ok) return data;
  const error = new ApiError(response.status, data);
  if (response.status === 401) for (const listener of unauthorizedListeners) listener(error);
  throw error;
}

/** A query string from the filters that are set. */
export function query(params) {
  const set = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return set.length === 0 ? '' : `?${new URLSearchParams(set).toString()}`;
}

/** The message to show for any failure. */
export const messageOf = (error) => (error instanceof ApiError ? error.describe() : String(error));
