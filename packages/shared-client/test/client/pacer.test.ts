import { createPacer } from '../../src';

/** A virtual clock: sleeping advances it, so the pacer's waits are exact and instant. */
function virtualTime() {
  let t = 0;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}

it('lets `limit` creations through per window and spaces the rest', async () => {
  const time = virtualTime();
  const pacer = createPacer({ limit: 3, windowMs: 60_000, now: time.now, sleep: time.sleep });
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 7 }, async () => {
      await pacer.acquire();
      starts.push(time.now());
    }),
  );
  expect(starts).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
});

it('never lets more than `limit` start within any window', async () => {
  const time = virtualTime();
  const pacer = createPacer({ limit: 30, windowMs: 60_000, now: time.now, sleep: time.sleep });
  const starts: number[] = [];
  for (let i = 0; i < 100; i++) {
    await pacer.acquire();
    starts.push(time.now());
    await time.sleep(250);
  }
  for (const start of starts) {
    expect(starts.filter((s) => s >= start && s < start + 60_000).length).toBeLessThanOrEqual(30);
  }
});

it('backs off for the server’s Retry-After', async () => {
  const time = virtualTime();
  const pacer = createPacer({ now: time.now, sleep: time.sleep });
  await pacer.backOff(17);
  expect(time.waits).toEqual([17_000]);
});
