/**
 * Decoded records by row position, each kept with the JSON text it was decoded from and handed out
 * again only while the row still holds that very text. The HTTP layer keeps each record's serialised
 * answer beside the record object (see http/record-serializer.ts), as it does for the in-memory
 * store's objects: reading a page of unchanged rows then costs neither a JSON.parse nor a
 * serialisation per row, only the comparison of two strings. Checking the text, rather than trusting
 * the writes this process made, keeps it right whatever happened to the row: an update, a rollback,
 * a reset. Past `capacity`, the records decoded longest ago go first.
 */
export class RecordCache<T> {
  private readonly byPos = new Map<number, { json: string; record: T }>();

  constructor(private readonly capacity: number) {}

  decode(json: string, pos: number): T {
    const kept = this.byPos.get(pos);
    if (kept !== undefined && kept.json === json) return kept.record;
    const record = JSON.parse(json) as T;
    this.byPos.delete(pos);
    this.byPos.set(pos, { json, record });
    if (this.byPos.size > this.capacity) this.byPos.delete(this.byPos.keys().next().value!);
    return record;
  }

  clear(): void {
    this.byPos.clear();
  }
}
