/**
 * Signature decoding that admits exactly one spelling of each byte string. Node's decoders are
 * lenient (base64's unused trailing bits, missing padding, the URL-safe alphabet mixed in), which
 * would let an altered spelling of a valid signature verify; refusing it keeps "any change to a
 * signature is refused" true. Checked by hand: a regex or a re-encode costs more than the rest.
 */

/** Hex in either case (the same bytes either way), or undefined. */
export function decodeHex(text: string): Buffer | undefined {
  // Node's hex decoder stops at the first bad pair, so a short result means bad input.
  const bytes = Buffer.from(text, 'hex');
  return bytes.length > 0 && bytes.length * 2 === text.length ? bytes : undefined;
}

/** Canonical standard base64 with its padding, or undefined. */
export function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length > 0 && isCanonical(text, bytes.length, false) ? bytes : undefined;
}

/** Canonical unpadded base64url (JWT segments), or undefined. */
export function decodeBase64url(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length > 0 && isCanonical(text, bytes.length, true) ? bytes : undefined;
}

/** Each base64 character's 6-bit value, -1 outside the alphabet; a table, as this runs per delivery. */
function alphabetTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const LETTERS_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STANDARD = alphabetTable(`${LETTERS_DIGITS}+/`);
const URL_SAFE = alphabetTable(`${LETTERS_DIGITS}-_`);

function isCanonical(text: string, byteLength: number, url: boolean): boolean {
  const table = url ? URL_SAFE : STANDARD;
  const dataChars = Math.ceil((byteLength * 4) / 3);
  const length = url ? dataChars : 4 * Math.ceil(byteLength / 3);
  if (text.length !== length) return false;
  for (let i = 0; i < dataChars; i++) if ((table[text.charCodeAt(i)] ?? -1) < 0) return false;
  for (let i = dataChars; i < length; i++) if (text.charCodeAt(i) !== 61) return false;
  // The last character carries 2 or 4 bits beyond the data when the length is not a multiple of 3.
  const spareBits = [0, 4, 2][byteLength % 3] ?? 0;
  return ((table[text.charCodeAt(dataChars - 1)] ?? 0) & ((1 << spareBits) - 1)) === 0;
}
