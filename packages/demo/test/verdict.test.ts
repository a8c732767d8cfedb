import { sampleEvent } from '@returns-pack/shared-client';
import type { EventEnvelope, EventType } from '@returns-pack/shared-client';
import { Causes, judgeTrigger } from '../src/tour/verdict';
import type { Received, TriggerHandle } from '../src/tour/types';

/** A verified event of `type` about `rmaId`, arrived at `at`. */
function arrival(type: EventType, rmaId: string, at: number, id = `evt_${type}_${rmaId}`): Received {
  const base = sampleEvent(type);
  const event: EventEnvelope = { ...base, id, subject: { type: 'rma', id: rmaId } };
  return { event, at };
}

function handle(received: Received[], failures: string[] = []): TriggerHandle {
  return {
    name: 'New Return',
    scheme: 'hmac-sha256',
    received,
    failures: () => failures,
    unsubscribe: async () => {},
  };
}

function causes(...rmas: Array<[string, number]>) {
  const all = new Causes();
  for (const [id, at] of rmas) all.add('return.created', id, at);
  return all.of('return.created');
}

test('one arrival per caused event passes; the latency is the slowest from cause to arrival', () => {
  const verdict = judgeTrigger(
    'zapier',
    'return.created',
    handle([arrival('return.created', 'rma_a', 110), arrival('return.created', 'rma_b', 250)]),
    causes(['rma_a', 100], ['rma_b', 200]),
  );
  expect(verdict.report).toMatchObject({ ok: true, expected: { rma_a: 1, rma_b: 1 }, others: 0 });
  expect(verdict.step).toMatchObject({ ok: true, operation: 'trigger return.created', ms: 50 });
});

test('an event delivered twice fails, even under two different event ids', () => {
  const verdict = judgeTrigger(
    'n8n',
    'return.created',
    handle([arrival('return.created', 'rma_a', 110), arrival('return.created', 'rma_a', 120, 'evt_again')]),
    causes(['rma_a', 100]),
  );
  expect(verdict.report).toMatchObject({ ok: false, expected: { rma_a: 2 } });
  expect(verdict.step.error).toBe('return.created for rma_a fired 2 times');
});

test('a missing event fails and says why deliveries may not have arrived', () => {
  const verdict = judgeTrigger(
    'pipedream',
    'return.created',
    handle([]),
    causes(['rma_a', 100]),
    'webhook deliveries were still under way after 20 s',
  );
  expect(verdict.step.error).toBe(
    'no return.created for rma_a; webhook deliveries were still under way after 20 s',
  );
});

test('events about other RMAs or of other types are counted, not judged', () => {
  const verdict = judgeTrigger(
    'zapier',
    'return.created',
    handle([
      arrival('return.created', 'rma_seeded', 90),
      arrival('rma.breach', 'rma_a', 300),
      arrival('return.created', 'rma_a', 110),
    ]),
    causes(['rma_a', 100]),
  );
  expect(verdict.report).toMatchObject({ ok: true, expected: { rma_a: 1 }, others: 2 });
});

test('a refused delivery fails the trigger even when every expected event arrived', () => {
  const verdict = judgeTrigger(
    'n8n',
    'return.created',
    handle([arrival('return.created', 'rma_a', 110)], ['answered 401: bad_signature']),
    causes(['rma_a', 100]),
  );
  expect(verdict.report.ok).toBe(false);
  expect(verdict.step.error).toBe('answered 401: bad_signature');
});

test('with nothing caused (every creation failed) the trigger cannot pass', () => {
  const verdict = judgeTrigger('zapier', 'rma.breach', handle([]), new Causes().of('rma.breach'));
  expect(verdict.step.error).toBe('nothing to expect: every step that causes rma.breach failed');
});

test('New Event must see every caused event once, whatever its type', () => {
  const all = new Causes();
  all.add('return.created', 'rma_a', 100);
  all.add('rma.breach', 'rma_a', 300);
  const verdict = judgeTrigger(
    'pipedream',
    'new event',
    handle([arrival('return.created', 'rma_a', 110), arrival('shipment.delivered', 'rma_a', 200)]),
    all.of('new event'),
  );
  expect(verdict.report).toMatchObject({
    ok: false,
    expected: { 'return.created rma_a': 1, 'rma.breach rma_a': 0 },
    others: 1,
  });
  expect(verdict.step).toMatchObject({ operation: 'trigger new event', error: 'no rma.breach for rma_a' });
});
