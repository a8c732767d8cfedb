/** One page of options in a dropdown: enough to find recent records, cheap enough to load on open. */
export const OPTIONS_PAGE_SIZE = 50;

/** Pipedream's guideline for a source's first run: a handful of recent events, never the whole log. */
export const DEPLOY_EVENT_COUNT = 25;

export const USER_AGENT = "returns-pack-pipedream/0.0.1";

/** Where a source keeps its state in `db`. */
export const DB_KEYS = {
  SUBSCRIPTION: "subscription",
  CURSOR: "cursor",
  /** Event ids already emitted by an instant source (the catalogue's seen-events list). */
  SEEN_EVENTS: "seenEvents",
};
