import { createClock } from '../../src/domain/clock';
import { IdempotencyGuard } from '../../src/http/idempotency';
import { MemoryIdempotencyRepository } from '../../src/storage/memory/idempotency-repository';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const setup = () => {
  const clock = createClock();
  clock.stop();
  return new IdempotencyGuard(new MemoryIdempotencyRepository(), clock, 60);
};

test('a retry arriving while the first request still runs waits for it and gets its answer', async () => {
  const guard = setup();
  const gate = deferred<{ status: number; body: unknown }>();
  let runs = 0;
  const action = () => {
    runs++;
    return gate.promise;
  };
  const first = guard.run('cli_a', 'k', 'f', action);
  const second = guard.run('cli_a', 'k', 'f', action);
  gate.resolve({ status: 201, body: { id: 'rma_1' } });
  expect(await first).toEqual({ status: 201, body: { id: 'rma_1' }, replayed: false });
  expect(await second).toEqual({ status: 201, body: { id: 'rma_1' }, replayed: true });
  expect(runs).toBe(1);
});

test('a first request that fails frees the key; waiting retries fail with it', async () => {
  const guard = setup();
  const gate = deferred<{ status: number; body: unknown }>();
  const first = guard.run('cli_a', 'k', 'f', () => gate.promise);
  const waiting = guard.run('cli_a', 'k', 'f', () => gate.promise);
  gate.reject(new Error('boom'));
  await expect(first).rejects.toThrow('boom');
  await expect(waiting).rejects.toThrow('boom');
  const retried = await guard.run('cli_a', 'k', 'f', () => ({ status: 201, body: 'ok' }));
  expect(retried).toEqual({ status: 201, body: 'ok', replayed: false });
});

test('a different fingerprint is a conflict, even while the first is running', async () => {
  const guard = setup();
  const gate = deferred<{ status: number; body: unknown }>();
  const first = guard.run('cli_a', 'k', 'f1', () => gate.promise);
  await expect(guard.run('cli_a', 'k', 'f2', () => gate.promise)).rejects.toMatchObject({ code: 'conflict' });
  gate.resolve({ status: 201, body: null });
  await first;
});
