import { RecordCache } from '../../src/storage/sqlite/record-cache';

test('a row read again with the same text gives the same object, so its serialised answer is reused', () => {
  const cache = new RecordCache<{ n: number }>(10);
  const first = cache.decode('{"n":1}', 7);
  expect(cache.decode('{"n":1}', 7)).toBe(first);
});

test('a row whose text changed (an update, a rollback, a reset) is decoded again', () => {
  const cache = new RecordCache<{ n: number }>(10);
  const first = cache.decode('{"n":1}', 7);
  const changed = cache.decode('{"n":2}', 7);
  expect(changed).not.toBe(first);
  expect(changed).toEqual({ n: 2 });
});

test('past its capacity the records decoded longest ago go first', () => {
  const cache = new RecordCache<{ n: number }>(2);
  const one = cache.decode('{"n":1}', 1);
  const two = cache.decode('{"n":2}', 2);
  cache.decode('{"n":3}', 3);
  expect(cache.decode('{"n":2}', 2)).toBe(two);
  expect(cache.decode('{"n":1}', 1)).not.toBe(one);
});
