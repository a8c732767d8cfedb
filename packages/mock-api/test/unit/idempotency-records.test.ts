import { MemoryIdempotencyRepository } from '../../src/storage/memory/idempotency-repository';

const TTL = 60_000;

test('expired keys are dropped as new claims arrive, live ones are kept', () => {
  const repository = new MemoryIdempotencyRepository();
  for (let i = 0; i < 1000; i++) expect(repository.claim('cli_a', `old-${i}`, 'f', 0, TTL)).toBeNull();
  expect(repository.claim('cli_a', 'recent', 'f', 30_000, TTL)).toBeNull();
  expect(repository.size).toBe(1001);

  expect(repository.claim('cli_a', 'new', 'f', TTL, TTL)).toBeNull();
  expect(repository.size).toBe(2);
  // The key claimed within the TTL still holds: a retry of it gets the first request's record.
  expect(repository.claim('cli_a', 'recent', 'g', TTL, TTL)).toEqual(
    expect.objectContaining({ fingerprint: 'f', createdAtMs: 30_000 }),
  );
});

test('a key claimed again after it expired moves to the back, so it is not dropped too early', () => {
  const repository = new MemoryIdempotencyRepository();
  repository.claim('cli_a', 'reused', 'f', 0, TTL);
  repository.claim('cli_a', 'other', 'f', 10_000, TTL);
  expect(repository.claim('cli_a', 'reused', 'f2', 70_000, TTL)).toBeNull();
  // At 75 s "other" (10 s) has expired; "reused" was claimed anew at 70 s and must survive it.
  repository.claim('cli_a', 'third', 'f', 75_000, TTL);
  expect(repository.claim('cli_a', 'reused', 'f3', 75_000, TTL)).toEqual(
    expect.objectContaining({ fingerprint: 'f2', createdAtMs: 70_000 }),
  );
  expect(repository.size).toBe(2);
});
