import { TRIGGERS } from "../dist/returns-client.mjs";

/** A catalogue trigger by key; a source file names the one it renders. */
export function trigger(key) {
  const found = TRIGGERS.find((candidate) => candidate.key === key);
  if (!found) throw new TypeError(`No trigger "${key}" in the catalogue`);
  return found;
}
