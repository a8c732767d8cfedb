import { hash, timingSafeEqual } from 'node:crypto';

/*
 * Digests are taken as text and turned back into bytes from Node's shared buffer pool: a Buffer
 * returned by the native digest() costs about as much as the rest of the checks on a 2 KB body.
 */

/**
 * Compares a received digest with the expected one in constant time. A wrong length still costs a
 * full comparison, so a forger learns nothing from how quickly a short guess fails.
 */
export function digestsEqual(received: Uint8Array, expected: Uint8Array): boolean {
  if (received.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(received, expected);
}

/**
 * Compares a received signature text with the expected one, byte for byte. UTF-8, not latin1: latin1
 * would fold a non-ASCII character onto an ASCII one and let an altered signature match.
 */
export function textsEqual(received: string, expected: string): boolean {
  return digestsEqual(Buffer.from(received, 'utf8'), Buffer.from(expected, 'utf8'));
}

/** Compares two secrets of any length: hashing both first gives equal lengths and hides the real one. */
export function secretsEqual(received: string, expected: string): boolean {
  return timingSafeEqual(
    Buffer.from(hash('sha256', received, 'binary'), 'binary'),
    Buffer.from(hash('sha256', expected, 'binary'), 'binary'),
  );
}
