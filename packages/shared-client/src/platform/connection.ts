/**
 * What every connector's credential form says, so the three platforms ask for the same things in
 * the same words. The base URL is required: there is no hosted default that resolves (#18), so a
 * connection names its server, the bundled mock's for local use.
 */

/** Where a merchant finds the key (Zapier review D002 asks auth help to say so, with a link). */
export const API_KEY_HELP =
  'Generate a key in the returns admin under [Settings → External API](https://admin.returnmate.example/settings/external-api) → Generate API Key. It is shown once: copy it straight away.';

export const BASE_URL_HELP =
  'Required: the root URL of your returns API, without /external/v1. For local use, the mock’s URL that `npm start` prints, e.g. `http://127.0.0.1:4010`.';

/** Where a platform keeps the trigger setting Previous Secret in its connection (Zapier, n8n). */
export const PREVIOUS_SECRET_HELP =
  'Only while a webhook signing secret is rotated: the other secret (the old one, or the new one). Deliveries signed with either verify, so none is dropped; clear it once the grace window has ended.';

/**
 * The base URL a connection uses, without trailing slashes. Empty stays empty: the client then
 * refuses it naming `baseUrl`, rather than calling a default host that cannot resolve.
 */
export function resolveBaseUrl(configured: unknown): string {
  const text = typeof configured === 'string' ? configured.trim() : '';
  return text.replace(/\/+$/, '');
}

/** A label that tells connections apart without showing the key: the API host it talks to. */
export function connectionLabel(baseUrl: unknown): string {
  const resolved = resolveBaseUrl(baseUrl);
  if (!resolved) return 'Returns API (no base URL)';
  try {
    return `Returns API (${new URL(resolved).host})`;
  } catch {
    return 'Returns API';
  }
}
