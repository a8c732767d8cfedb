/**
 * One line saying why a step failed, whichever platform's error it is: Zapier's errors carry JSON
 * in `message`, n8n's add a `description`, the others are plain. Never a stack trace.
 */
export function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const message = zapierMessage(error.message) ?? error.message;
  const description = (error as { description?: unknown }).description;
  const parts = [message, typeof description === 'string' ? description : undefined];
  return parts.filter((part): part is string => Boolean(part)).join(': ') || error.name;
}

function zapierMessage(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return undefined;
  }
}
