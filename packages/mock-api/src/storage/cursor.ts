import { invalid } from '../domain/errors';

/**
 * Cursors name the position of the last item handed out. They are opaque to callers (base64url) so
 * that the store may change what they hold; a position is stable because entries never move.
 */
export const encodeCursor = (position: number) => Buffer.from(`p${position}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const digits = /^p(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'))?.[1];
  if (digits === undefined) throw invalid('cursor', 'is not a cursor from a previous page');
  return Number(digits);
}
