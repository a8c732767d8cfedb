import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { toJsonSchema } from '@returns-pack/shared-client';
import { serializationSchema } from './serialization-schema';

type Serialize = (value: unknown) => string;

interface RecordJson {
  serialize: Serialize;
  /** Keyed by the record object itself: a change makes a new object, so an entry never goes stale. */
  cache: WeakMap<object, string>;
}

const bySchema = new Map<z.ZodType, RecordJson>();

function recordJson(schema: z.ZodType): RecordJson {
  let entry = bySchema.get(schema);
  if (!entry) {
    entry = {
      serialize: fastJson(serializationSchema(toJsonSchema(schema, 'output')) as object),
      cache: new WeakMap(),
    };
    bySchema.set(schema, entry);
  }
  return entry;
}

function jsonOf({ serialize, cache }: RecordJson, record: object): string {
  let json = cache.get(record);
  if (json === undefined) {
    json = serialize(record);
    cache.set(record, json);
  }
  return json;
}

/**
 * A serializer for answers made of immutable records (RMAs and events are never changed in place:
 * every change stores a new object). Each record's JSON is made once, by the fast-json-stringify
 * serializer of its schema, and kept beside the record; a page is then its records' JSON joined. A
 * list answer then costs O(limit) string joins instead of serializing 25 nested objects each time.
 * `schema` is the record's schema, or a `Page(record)`.
 */
export function recordSerializer(schema: z.ZodType): Serialize {
  const data = schema instanceof z.ZodObject ? schema.shape.data : undefined;
  if (!(data instanceof z.ZodArray)) {
    const record = recordJson(schema);
    return (value) => jsonOf(record, value as object);
  }
  const item = recordJson(data.element as z.ZodType);
  return (value) => {
    const page = value as { data: object[]; has_more: boolean; next_cursor: string | null };
    const items = page.data.map((record) => jsonOf(item, record)).join(',');
    return `{"data":[${items}],"has_more":${page.has_more},"next_cursor":${JSON.stringify(page.next_cursor)}}`;
  };
}
