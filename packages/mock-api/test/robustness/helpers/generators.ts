import fc from 'fast-check';

/** Header values an HTTP client can actually send: visible ASCII, spaces and tabs, Latin-1. */
export const headerValue = fc
  .oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    fc.constantFrom('', ' ', 'null', '0', '-1', 'Bearer', 'Bearer ', '💥', 'a'.repeat(4000)),
  )
  .map((v) => v.replace(/[^\t\x20-\x7e\x80-\xff]/g, ''));

/** Ids as an integrator might mistype them, and as an attacker might craft them. */
export const idLike = (prefix: string, real: string) =>
  fc.oneof(
    fc.constant(real),
    fc.string({ maxLength: 30 }).map((s) => `${prefix}_${s}`),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      '..',
      '../admin',
      '%00',
      'null',
      '0',
      '-1',
      ' ',
      `${real}/`,
      `${real}?x=1`,
      'x'.repeat(3000),
    ),
  );

/** The query parameters any route knows, and some it does not. */
const QUERY_KEYS = [
  'status',
  'customer_email',
  'created_after',
  'created_before',
  'updated_after',
  'breached',
  'kind',
  'limit',
  'cursor',
  'type',
  'subject_id',
  'event_id',
  'outcome',
  '__proto__',
  'constructor',
  'limit[]',
];

const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('true', 'false', 'REQUESTED', 'trade_return', '0', '101', '1e3', 'x'.repeat(5000)),
);

/** A query string: known and unknown keys, repeated keys, or raw bytes that are not a valid encoding. */
export const queryString = fc.oneof(
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), queryValue), {
      maxLength: 5,
    })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom('%', '%zz', 'a=%E0%A4%A', '&&&', '=', 'limit=1&limit=2', 'a[b]=c', '?', '#x'),
);

/** Every path in a JSON value, as lists of keys and indexes, the root included. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_v, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]))];
}

function edit(value: unknown, at: (string | number)[], change: (old: unknown) => unknown): unknown {
  if (at.length === 0) return change(value);
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = edit(copy[head!], rest, change);
  if (copy[head!] === REMOVE) delete copy[head!];
  return copy;
}

const REMOVE = Symbol('remove');

/** A valid body with one to three edits: a value replaced by any JSON, a field removed, or a field added. */
export function mutatedBody(valid: unknown) {
  const all = paths(valid);
  const oneEdit = fc.record({
    at: fc.constantFrom(...all),
    kind: fc.constantFrom('replace', 'remove', 'add'),
    value: fc.jsonValue({ maxDepth: 2 }),
    key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'status')),
  });
  return fc
    .array(oneEdit, { minLength: 1, maxLength: 3 })
    .map((edits) =>
      edits.reduce(
        (body, e) =>
          edit(body, e.at, (old) =>
            e.kind === 'replace'
              ? e.value
              : e.kind === 'remove'
                ? REMOVE
                : old !== null && typeof old === 'object' && !Array.isArray(old)
                  ? { ...old, [e.key]: e.value }
                  : e.value,
          ),
        valid,
      ),
    );
}

/** A request body as bytes: mutated valid JSON, any JSON, or text that is not JSON at all. */
export function bodyText(valid: unknown) {
  return fc.oneof(
    { weight: 4, arbitrary: mutatedBody(valid).map((b) => JSON.stringify(b) ?? '') },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"a":1,"a":2}',
        '[]',
        'null',
        '"x"',
        '{"__proto__":{"polluted":true}}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '['.repeat(5000) + ']'.repeat(5000),
        `{"metadata":{${Array.from({ length: 2000 }, (_v, i) => `"k${i}":"v"`).join(',')}}}`,
      ),
    },
  );
}
