/** Every item of a cursor-paged list, in the order the pages give them. */
export function collectPages<T>(
  page: (cursor: string | undefined) => { data: T[]; next_cursor: string | null },
): T[] {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const current = page(cursor);
    out.push(...current.data);
    cursor = current.next_cursor ?? undefined;
  } while (cursor);
  return out;
}
