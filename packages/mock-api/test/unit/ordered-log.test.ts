import fc from 'fast-check';
import { OrderedLog } from '../../src/storage/memory/ordered-log';

interface Item {
  n: number;
  at: number;
}

/** Walks every page; `between` may append to the log after each page, like concurrent inserts. */
function walkAll(log: OrderedLog<Item>, limit: number, between: () => void, keep?: (item: Item) => boolean) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = log.page({ limit, cursor, keep });
    seen.push(...page.data.map((i) => i.n));
    between();
    if (!page.next_cursor) return seen;
    cursor = page.next_cursor;
  }
}

test('pages never skip or repeat an item that existed when the walk started, however inserts interleave', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 1, max: 10 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }),
      fc.integer({ min: 1, max: 3 }),
      (initial, limit, insertsPerPage, modulo) => {
        const log = new OrderedLog<Item>((i) => i.at);
        let n = 0;
        const add = () => log.append({ n: n++, at: n });
        for (let i = 0; i < initial; i++) add();
        let page = 0;
        const keep = (item: Item) => item.n % modulo === 0;
        const seen = walkAll(
          log,
          limit,
          () => {
            for (let i = 0; i < (insertsPerPage[page++] ?? 0); i++) add();
          },
          keep,
        );
        const expected = Array.from({ length: initial }, (_, i) => initial - 1 - i).filter(
          (i) => i % modulo === 0,
        );
        expect(seen).toEqual(expected);
      },
    ),
  );
});

test('a page visits O(limit) items whatever the size of the log and the depth of the cursor', () => {
  const log = new OrderedLog<Item>((i) => i.at);
  for (let i = 0; i < 100_000; i++) log.append({ n: i, at: i });
  let visited = 0;
  const counting = () => {
    visited++;
    return true;
  };
  const first = log.page({ limit: 25, keep: counting });
  expect(visited).toBe(26);
  // Deep in the log: 60,000 items below the newest.
  const deep = log.page({ limit: 25, cursor: Buffer.from('p40000').toString('base64url'), keep: counting });
  expect(visited).toBe(52);
  expect(first.data[0]!.n).toBe(99_999);
  expect(deep.data[0]!.n).toBe(39_998);
});

test('time bounds are binary searches: created_before starts the walk there, created_after stops it', () => {
  const log = new OrderedLog<Item>((i) => i.at);
  for (let i = 0; i < 100_000; i++) log.append({ n: i, at: i * 10 });
  let visited = 0;
  const page = log.page({
    limit: 5,
    createdBeforeMs: 500_000,
    createdAfterMs: 499_950,
    keep: () => {
      visited++;
      return true;
    },
  });
  expect(page.data.map((i) => i.n)).toEqual([49_999, 49_998, 49_997, 49_996]);
  expect(page.has_more).toBe(false);
  expect(visited).toBe(4);
  expect(log.between(100, 130).map((i) => i.n)).toEqual([10, 11, 12, 13]);
});

test('removed and trimmed entries leave their positions empty: pages skip them and cursors stay valid', () => {
  const log = new OrderedLog<Item>((i) => i.at);
  for (let n = 1; n <= 3000; n++) log.append({ n, at: n });
  const first = log.page({ limit: 2 });
  log.remove(2999);
  expect(log.trimTo(2000)).toBe(999);
  expect(log.size).toBe(2000);
  expect(log.at(1)).toBeUndefined();
  expect(log.at(1001)).toEqual({ n: 1001, at: 1001 });
  const next = log.page({ limit: 3, cursor: first.next_cursor! });
  expect(next.data.map((i) => i.n)).toEqual([2998, 2997, 2996]);
  expect(log.page({ limit: 5000 }).data).toHaveLength(2000);
});
