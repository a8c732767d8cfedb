import { OFFLINE_REPAIR_FLOW, Rma, TRADE_RETURN_FLOW } from '@returns-pack/shared-client';
import type { ReturnsClient, RmaStatus } from '@returns-pack/shared-client';
import { TOUR_EVENTS } from '../report/summary';
import type { TourEvent, TriggerReport } from '../report/summary';
import type { AdminApi } from './admin';
import { causeOf } from './cause';
import { offlineRepairOrder, tradeReturnOrder } from './orders';
import type { Recorder } from './recorder';
import type { Connector, TriggerHandle } from './types';
import { Causes, judgeTrigger } from './verdict';

export interface TourContext {
  admin: AdminApi;
  recorder: Recorder;
  /** The platform's own API client: what its subscriptions left behind is read with it. */
  client: ReturnsClient;
  /** Resolves once every webhook delivery in flight has been answered; rejects after a deadline. */
  settle(): Promise<void>;
}

/**
 * One platform's tour: subscribe its four triggers, create a trade return and an offline repair
 * through its actions, move them along on the merchant's side and past their SLA on the test clock,
 * then check that each trigger fired exactly once per event the tour caused, and unsubscribe.
 */
export async function tourPlatform(connector: Connector, ctx: TourContext): Promise<TriggerReport[]> {
  const { recorder, admin } = ctx;
  const platform = connector.id;
  const causes = new Causes();

  const triggers = new Map<TourEvent, TriggerHandle>();
  for (const event of TOUR_EVENTS) {
    const subscribed = await recorder.step(
      platform,
      `subscribe ${event}`,
      () => connector.subscribe(event),
      (handle) => `${handle.name}, signed ${handle.scheme}`,
    );
    if (subscribed) triggers.set(event, subscribed);
  }

  let started = performance.now();
  let trade = await recorder.step(
    platform,
    'create trade return',
    async () => Rma.parse(await connector.createTradeReturn(tradeReturnOrder(platform))),
    describeRma,
  );
  if (trade) causes.add('return.created', trade.id, started);

  started = performance.now();
  let repair = await recorder.step(
    platform,
    'create offline repair',
    async () => Rma.parse(await connector.createOfflineRepair(offlineRepairOrder(platform))),
    describeRma,
  );
  if (repair) causes.add('return.created', repair.id, started);

  if (trade) {
    const created = trade;
    started = performance.now();
    trade = await recorder.step(
      platform,
      'ship trade return',
      () => walk(admin, created, 'DELIVERED'),
      describeWalk,
    );
    if (trade) causes.add('shipment.delivered', created.id, started);
  } else recorder.skip(platform, 'ship trade return', 'create trade return');
  if (trade) {
    const shipped = trade;
    started = performance.now();
    trade = await recorder.step(
      platform,
      'process trade return',
      () => walk(admin, shipped, 'PROCESSED'),
      describeWalk,
    );
    if (trade) causes.add('return.processed', shipped.id, started);
  } else recorder.skip(platform, 'process trade return', 'ship trade return');
  if (repair) {
    const created = repair;
    repair = await recorder.step(
      platform,
      'start repair',
      () => walk(admin, created, 'IN_REPAIR'),
      describeWalk,
    );
  } else recorder.skip(platform, 'start repair', 'create offline repair');

  const open = [trade, repair].filter((rma): rma is Rma => rma !== undefined);
  if (open.length > 0) {
    started = performance.now();
    const breached = await recorder.step(
      platform,
      'breach SLA',
      () => passSla(admin, open),
      (s) => s,
    );
    if (breached) for (const rma of open) causes.add('rma.breach', rma.id, started);
  } else recorder.skip(platform, 'breach SLA', 'the RMAs');

  const unsettled = await ctx.settle().then(
    () => undefined,
    (error: unknown) => causeOf(error),
  );
  const reports: TriggerReport[] = [];
  for (const event of TOUR_EVENTS) {
    const handle = triggers.get(event);
    if (!handle) {
      recorder.skip(platform, `trigger ${event}`, `subscribe ${event}`);
      continue;
    }
    const verdict = judgeTrigger(platform, event, handle, causes.of(event), unsettled);
    recorder.add(verdict.step);
    reports.push(verdict.report);
  }

  await recorder.step(
    platform,
    'unsubscribe triggers',
    () => unsubscribeAll(ctx.client, [...triggers.values()]),
    (count) => `${count} subscription${count === 1 ? '' : 's'} deleted by the connector, none left`,
  );
  return reports;
}

/** Moves an RMA along its status machine to `target`, one admin transition at a time. */
async function walk(admin: AdminApi, rma: Rma, target: RmaStatus): Promise<Rma & { path: RmaStatus[] }> {
  const flow: readonly RmaStatus[] = rma.kind === 'trade_return' ? TRADE_RETURN_FLOW : OFFLINE_REPAIR_FLOW;
  const path = flow.slice(flow.indexOf(rma.status) + 1, flow.indexOf(target) + 1);
  let current = rma;
  for (const status of path) current = await admin.transition(current.id, status);
  return { ...current, path };
}

/** Advances the test clock just past the later SLA of `rmas`, so each is breached once. */
async function passSla(admin: AdminApi, rmas: Rma[]): Promise<string> {
  const due = Math.max(...rmas.map((rma) => Date.parse(rma.sla.due_at)));
  const now = Date.parse((await admin.clock()).now);
  const seconds = Math.max(1, Math.ceil((due - now) / 1000) + 60);
  const clock = await admin.advanceClock(seconds);
  return `test clock +${days(seconds)} to ${clock.now}, past the SLA of ${rmas.map((r) => r.id).join(' and ')}`;
}

/** Each trigger's own unsubscribe, then a look at what is left with the platform's key. */
async function unsubscribeAll(client: ReturnsClient, handles: TriggerHandle[]): Promise<number> {
  for (const handle of handles) await handle.unsubscribe();
  const left = await client.webhooks.list({ limit: 100 });
  if (left.data.length > 0) {
    throw new Error(
      `${left.data.length} subscription(s) still there: ${left.data.map((s) => s.id).join(', ')}`,
    );
  }
  return handles.length;
}

const days = (seconds: number) => `${(seconds / 86_400).toFixed(2)} days`;

const describeRma = (rma: Rma) => `${rma.id}, ${rma.status}, SLA due ${rma.sla.due_at}`;

const describeWalk = (rma: Rma & { path: RmaStatus[] }) => `${rma.id} → ${rma.path.join(' → ')}`;
