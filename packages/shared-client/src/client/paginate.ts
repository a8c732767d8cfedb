import type { Page } from '../contract';

/** Walks every page from `cursor` on; each page is one request, fetched only when the caller gets there. */
export async function* paginate<T, F extends { cursor?: string }>(
  fetchPage: (filters: F) => Promise<Page<T>>,
  filters: F,
): AsyncGenerator<T, void, undefined> {
  let cursor = filters.cursor;
  for (;;) {
    const page = await fetchPage({ ...filters, cursor });
    yield* page.data;
    if (!page.has_more || !page.next_cursor) return;
    cursor = page.next_cursor;
  }
}

/** Collects up to `max` items across pages: what "Return All / Limit" options on the platforms need. */
export async function collect<T>(items: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  if (max <= 0) return out;
  for await (const item of items) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}
