import { OPTIONS_PAGE_SIZE } from "./constants.mjs";

/**
 * One page of a dropdown backed by a cursor-paged list. Pipedream hands back the `context` we
 * returned; a null cursor in it means the last page was already shown.
 */
export async function pagedOptions(prevContext, fetchPage, toOption) {
  const done = prevContext && "cursor" in prevContext && !prevContext.cursor;
  if (done) return [];
  const page = await fetchPage({
    cursor: prevContext?.cursor ?? undefined,
    limit: OPTIONS_PAGE_SIZE,
  });
  return {
    options: page.data.map(toOption),
    context: {
      cursor: page.next_cursor,
    },
  };
}
