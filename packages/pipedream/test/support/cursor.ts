// eslint-disable-next-line @typescript-eslint/no-require-imports -- the component's own ESM helper, as jest loads it
const cursor = require('../../sources/common/cursor.mjs') as CursorModule;

export interface Cursor {
  after: string;
  boundaryIds: string[];
}

interface CreatedEvent {
  id: string;
  created_at: string;
}

interface CursorModule {
  advanceCursor(cursor: Cursor | null, events: CreatedEvent[]): Cursor | null;
  createdAfterFor(cursor: Cursor | null): string | undefined;
  isNewSince(cursor: Cursor | null, event: CreatedEvent): boolean;
}

export const { advanceCursor, createdAfterFor, isNewSince } = cursor;
