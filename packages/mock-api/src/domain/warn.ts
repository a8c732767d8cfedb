/**
 * Background work (event listeners, clock tasks) has no caller to throw to. Its failures become a
 * process warning with the message only: no stack, and nothing from the request that might be secret.
 */
export function warnBackgroundFailure(context: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.emitWarning(`${context}: ${message}`, 'ReturnsMockWarning');
}
