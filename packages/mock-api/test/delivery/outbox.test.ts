import { createClock } from '../../src/domain/clock';
import { Outbox } from '../../src/delivery/outbox';
import type { DeliveryJob, OutboxOptions } from '../../src/delivery/outbox';
import { TestEvents } from './helpers/events';

/** An attempt function the test resolves by hand, to look at the outbox between steps. */
function manualAttempts() {
  const open: { job: DeliveryJob; attempt: number; finish: (retryAt: number | null) => void }[] = [];
  const attempt = (job: DeliveryJob) =>
    new Promise<number | null>((finish) => open.push({ job, attempt: job.attempt, finish }));
  const subjects = () => open.map((o) => `${o.job.event.subject.id}#${o.job.event.sequence}`);
  return { open, attempt, subjects };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function setup(overrides: Partial<OutboxOptions> = {}) {
  const clock = createClock();
  clock.stop();
  const events = new TestEvents(clock.now);
  const manual = manualAttempts();
  const overflowed: DeliveryJob[] = [];
  const outbox = new Outbox({
    clock,
    attempt: manual.attempt,
    overflow: (job) => overflowed.push(job),
    ...overrides,
  });
  return { clock, events, outbox, overflowed, ...manual };
}

describe('Outbox', () => {
  it('runs one event per subject at a time, in order, while other subjects proceed', async () => {
    const { events, outbox, open, subjects } = setup();
    for (const subject of ['rma_a', 'rma_a', 'rma_b', 'rma_a', 'rma_b'])
      outbox.enqueue('wh_1', events.emit(subject));
    expect(subjects()).toEqual(['rma_a#1', 'rma_b#1']);

    open.splice(1, 1)[0]!.finish(null); // rma_b#1 done
    await tick();
    expect(subjects()).toEqual(['rma_a#1', 'rma_b#2']);

    open.splice(0, 1)[0]!.finish(null);
    await tick();
    expect(subjects()).toEqual(['rma_b#2', 'rma_a#2']);
    expect(outbox.pending()).toBe(3);
  });

  it('holds the next event of a subject while the previous one waits for its retry on the clock', async () => {
    const { clock, events, outbox, open, subjects } = setup();
    outbox.enqueue('wh_1', events.emit('rma_a'));
    outbox.enqueue('wh_1', events.emit('rma_a'));
    outbox.enqueue('wh_1', events.emit('rma_b'));
    open.shift()!.finish(clock.now() + 30_000);
    await tick();
    expect(subjects()).toEqual(['rma_b#1']);

    clock.advance(29);
    expect(subjects()).toEqual(['rma_b#1']);
    clock.advance(1);
    expect(subjects()).toEqual(['rma_b#1', 'rma_a#1']);
    expect(open[1]!.attempt).toBe(2);

    open.pop()!.finish(null);
    await tick();
    expect(subjects()).toEqual(['rma_b#1', 'rma_a#2']);
  });

  it('keeps the same subject apart per subscription', () => {
    const { events, outbox, subjects } = setup();
    const event = events.emit('rma_a');
    outbox.enqueue('wh_1', event);
    outbox.enqueue('wh_2', event);
    expect(subjects()).toEqual(['rma_a#1', 'rma_a#1']);
  });

  it('bounds concurrency globally and per subscription, sharing slots round-robin', async () => {
    const { events, outbox, open } = setup({ maxConcurrency: 4, maxConcurrencyPerSubscription: 3 });
    for (let i = 0; i < 10; i++) outbox.enqueue('wh_slow', events.emit(`rma_s${i}`));
    for (let i = 0; i < 10; i++) outbox.enqueue('wh_fast', events.emit(`rma_f${i}`));
    const bySub = () => open.map((o) => o.job.subscriptionId).sort();
    expect(bySub()).toEqual(['wh_fast', 'wh_slow', 'wh_slow', 'wh_slow']);

    const fast = open.findIndex((o) => o.job.subscriptionId === 'wh_fast');
    open.splice(fast, 1)[0]!.finish(null);
    await tick();
    expect(bySub()).toEqual(['wh_fast', 'wh_slow', 'wh_slow', 'wh_slow']);
  });

  it('refuses past the pending cap through `overflow`, so the refusal can be logged', () => {
    const { events, outbox, overflowed } = setup({ maxPendingPerSubscription: 3 });
    for (let i = 0; i < 5; i++) outbox.enqueue('wh_1', events.emit('rma_a'));
    expect(outbox.pending()).toBe(3);
    expect(overflowed.map((j) => j.event.sequence)).toEqual([4, 5]);
  });

  it('settles when nothing is on the wire, even with retries waiting on the clock', async () => {
    const { clock, events, outbox, open } = setup();
    outbox.enqueue('wh_1', events.emit('rma_a'));
    let settled = false;
    void outbox.settled().then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    open.shift()!.finish(clock.now() + 5000);
    await outbox.settled();
    expect(outbox.pending()).toBe(1);
  });

  it('forgets a canceled subscription, retries included', async () => {
    const { clock, events, outbox, open } = setup();
    outbox.enqueue('wh_1', events.emit('rma_a'));
    outbox.enqueue('wh_1', events.emit('rma_a'));
    open.shift()!.finish(clock.now() + 5000);
    await tick();
    outbox.cancel('wh_1');
    clock.advance(10);
    expect(open).toHaveLength(0);
    expect(outbox.pending()).toBe(0);
    await outbox.settled();
  });

  it('holds a client to its share, and lets another client start although the global bound is reached', () => {
    const { events, outbox, open } = setup({ maxConcurrency: 3, maxConcurrencyPerClient: 3 });
    for (let i = 0; i < 6; i++) outbox.enqueue('wh_a', events.emit(`rma_a${i}`), { ownerId: 'cli_a' });
    expect(open).toHaveLength(3);
    outbox.enqueue('wh_b', events.emit('rma_b'), { ownerId: 'cli_b' });
    expect(open.map((o) => o.job.ownerId)).toEqual(['cli_a', 'cli_a', 'cli_a', 'cli_b']);
  });

  it('takes clients in turn, whatever the number of subscriptions each has', async () => {
    const { events, outbox, open } = setup({ maxConcurrency: 1, maxConcurrencyPerClient: 1 });
    for (let i = 0; i < 6; i++) outbox.enqueue(`wh_a${i}`, events.emit(`rma_a${i}`), { ownerId: 'cli_a' });
    outbox.enqueue('wh_b', events.emit('rma_b'), { ownerId: 'cli_b' });
    outbox.enqueue('wh_c', events.emit('rma_c'), { ownerId: 'cli_c' });
    // Each client is within its guaranteed floor, so the first turn starts one of each.
    expect(open.map((o) => o.job.ownerId).sort()).toEqual(['cli_a', 'cli_b', 'cli_c']);
    const order: string[] = [];
    for (let n = 0; n < 20 && open.length > 0; n++) {
      const next = open.shift()!;
      order.push(next.job.ownerId);
      next.finish(null);
      await tick();
    }
    expect(order.slice(0, 3).sort()).toEqual(['cli_a', 'cli_b', 'cli_c']);
    expect(order).toHaveLength(8);
  });

  it("refuses past the client's pending cap, over all its subscriptions, and says which cap", () => {
    const overflowed: [string, string][] = [];
    const { events, outbox } = setup({
      maxPendingPerClient: 3,
      overflow: (job, cap) => overflowed.push([job.subscriptionId, cap]),
    });
    for (let i = 0; i < 4; i++) outbox.enqueue(`wh_${i}`, events.emit('rma_a'), { ownerId: 'cli_a' });
    outbox.enqueue('wh_other', events.emit('rma_a'), { ownerId: 'cli_b' });
    expect(overflowed).toEqual([['wh_3', 'client']]);
    expect(outbox.room('cli_a')).toBe(0);
    expect(outbox.room('cli_b')).toBe(2);
  });

  it('carries the replay flag on the job, with the event itself', () => {
    const { events, outbox, open } = setup();
    const event = events.emit('rma_a');
    outbox.enqueue('wh_1', event, { replay: true });
    expect(open[0]!.job.event).toBe(event);
    expect(open[0]!.job.replay).toBe(true);
    expect(event.replay).toBe(false);
  });
});
