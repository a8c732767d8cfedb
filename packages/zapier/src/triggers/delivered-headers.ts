/**
 * Zapier hands a hook's headers over CGI-style (`X-Webhook-Signature` arrives as
 * `Http-X-Webhook-Signature`); the verifier looks them up by the names the sender used.
 */
export function deliveredHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') named[name.replace(/^http-/i, '').toLowerCase()] = value;
  }
  return named;
}
