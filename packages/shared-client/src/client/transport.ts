/**
 * The one seam between the client and the network. Each platform plugs in its own HTTP helper
 * (Zapier's `z.request`, n8n's `httpRequest`, Pipedream's `axios($, …)`) so that its logging,
 * proxying and test tooling keep working; `fetchTransport` is the default.
 */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Already serialised JSON, so every platform sends the exact bytes the client decided on. */
  body?: string;
}

export interface TransportResponse {
  status: number;
  /** Header names in any case. */
  headers: Record<string, string | string[] | undefined>;
  /** The raw text, or a value the platform already parsed from JSON. */
  body: unknown;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export const fetchTransport: Transport = async ({ method, url, headers, body }) => {
  const response = await fetch(url, { method, headers, body, redirect: 'manual' });
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  return { status: response.status, headers: responseHeaders, body: await response.text() };
};

export function headerValue(headers: TransportResponse['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
