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
});
