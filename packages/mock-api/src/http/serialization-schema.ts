type Schema = Record<string, unknown>;

const isNull = (s: unknown) => typeof s === 'object' && s !== null && (s as Schema).type === 'null';

/**
 * The response JSON Schema reshaped for fast-json-stringify, which only needs shapes: a nullable
 * `anyOf [X, null]` becomes X with `nullable`, and validation keywords (`pattern`, `format`) go.
 * Left as they are, fast-json-stringify runs an ajv validation (regexes, date-time parsing) per
 * nullable field per item to pick the `anyOf` branch, which cost more than the rest of a request.
 */
export function serializationSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(serializationSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const source = schema as Schema;
  const anyOf = source.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNull)) {
    const { anyOf: _branches, ...rest } = source;
    const other = anyOf.find((s) => !isNull(s)) as Schema;
    return { ...(serializationSchema({ ...other, ...rest }) as Schema), nullable: true };
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'pattern' || key === 'format') continue;
    // Inside `properties` the keys are field names (a field may be called "format"): keep them all.
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, serializationSchema(v)]))
        : serializationSchema(value);
  }
  return out;
}
