import { ConfigurationError } from "@pipedream/platform";

/** Optional props default to "" (Pipedream's lint asks every optional prop for a default): "" means unset. */
export function optionalText(value) {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

/** Drops unset fields so that the API applies its own defaults. */
export function compact(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/** Entries arrive as JSON text from the form, or as objects from an expression such as `{{steps.x.items}}`. */
export function parseObjectList(values, label) {
  const list = typeof values === "string" ? [values] : values;
  if (!Array.isArray(list)) {
    throw new ConfigurationError(`${label} must be a list of JSON objects.`);
  }
  return list.map((entry, index) => {
    const value =
      typeof entry === "string" ? parseJson(entry, `${label} entry ${index + 1}`) : entry;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new ConfigurationError(`${label} entry ${index + 1} must be a JSON object.`);
    }
    return value;
  });
}

/** An object prop arrives as an object, or as JSON text when set from an expression. */
export function optionalObject(value, label) {
  if (value === undefined || value === null || value === "") return undefined;
  const object = typeof value === "string" ? parseJson(value, label) : value;
  if (typeof object !== "object" || Array.isArray(object) || object === null) {
    throw new ConfigurationError(`${label} must be a JSON object.`);
  }
  return Object.keys(object).length === 0 ? undefined : object;
}

/** Amounts come from a text field (Pipedream has no decimal prop type). */
export function optionalAmount(value, label) {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  const amount = Number(text);
  if (!Number.isFinite(amount)) {
    throw new ConfigurationError(`${label} must be a number such as 19.99 (got "${text}").`);
  }
  return amount;
}

function parseJson(text, label) {
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigurationError(
      `${label} is not valid JSON: write an object such as {"key": "value"}.`,
    );
  }
}
