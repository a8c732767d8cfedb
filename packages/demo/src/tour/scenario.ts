import { OFFLINE_REPAIR_FLOW, Rma, TRADE_RETURN_FLOW } from '@returns-pack/shared-client';
import type { ReturnsClient, RmaStatus } from '@returns-pack/shared-client';
import { TOUR_TRIGGERS } from '../report/summary';
import type { Operation, TourEvent, TourTrigger, TriggerReport } from '../report/summary';
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
 * One platform's tour: subscribe its five triggers and New Event, create a trade return and an offline repair
 * through its actions, approve and label the return through its actions too, move them along on the
 * merchant's side and past their SLA on the test clock,
 * then check that each trigger fired exactly once per event the tour caused, and unsubscribe.
 */
export async function tourPlatform(connector: Connector, ctx: TourContext): Promise<TriggerReport[]> {
  const { recorder, admin } = ctx;
  const platform = connector.id;
  const causes = new Causes();

  const triggers = new Map<TourTrigger, TriggerHandle>();
  for (const trigger of TOUR_TRIGGERS) {
    const subscribed = await recorder.step(
      platform,
      `subscribe ${trigger}`,
      () => connector.subscribe(trigger),
      (handle) => `${handle.name}, signed ${handle.scheme}`,
    );
    if (subscribed) triggers.set(trigger, subscribed);
  }

  /** A step that changes RMAs, each making `event` due from its trigger once it succeeded. */
  const causing = async <T extends Rma | Rma[]>(
    operation: Operation,
    event: TourEvent | undefined,
    run: () => Promise<T>,
    describe: (value: T) => string,
  ): Promise<T | undefined> => {
    const started = performance.now();
    const done = await recorder.step(platform, operation, run, describe);
    if (done && event) for (const rma of [done].flat()) causes.add(event, rma.id, started);
    return done;
  };
  /** Moves an RMA along its status machine, once the step it `needs` has succeeded. */
  const move = async (
    rma: Rma | undefined,
    needs: Operation,
    operation: Operation,
    target: RmaStatus,
    event?: TourEvent,
  ) => {
    if (rma) return causing(operation, event, () => walk(admin, rma, target), describeWalk);
    recorder.skip(platform, operation, needs);
    return undefined;
  };

  /** Runs a connector action on an RMA, once the step it `needs` has succeeded. */
  const actOn = async (
    rma: Rma | undefined,
    needs: Operation,
    operation: Operation,
    event: TourEvent | undefined,
    run: (rma: Rma) => Promise<Rma>,
  ) => {
    if (rma) return causing(operation, event, () => run(rma), describeRma);
    recorder.skip(platform, operation, needs);
    return undefined;
  };

  let trade = await causing(
    'create trade return',
    'return.created',
    async () => Rma.parse(await connector.createTradeReturn(tradeReturnOrder(platform))),
    describeRma,
  );
  // Through the platform's own actions (API v1.1), as a workflow approving and labelling would.
  const approved = await actOn(trade, 'create trade return', 'approve trade return', undefined, async (rma) =>
    Rma.parse(await connector.updateRmaStatus(rma.id, 'APPROVED', 'Approved by the tour')),
  );
  const labelled = await actOn(
    approved,
    'approve trade return',
    'label trade return',
    'label.generated',
    async (rma) => Rma.parse(await connector.generateReturnLabel(rma.id)),
  );
  trade = labelled ?? approved ?? trade;
  let repair = await causing(
    'create offline repair',
    'return.created',
    async () => Rma.parse(await connector.createOfflineRepair(offlineRepairOrder(platform))),
    describeRma,
  );
  trade = await move(trade, 'create trade return', 'ship trade return', 'DELIVERED', 'shipment.delivered');
  trade = await move(trade, 'ship trade return', 'process trade return', 'PROCESSED', 'return.processed');
  repair = await move(repair, 'create offline repair', 'start repair', 'IN_REPAIR');

  const open = [trade, repair].filter((rma): rma is Rma => rma !== undefined);
  if (open.length > 0) {
    await causing(
      'breach SLA',
      'rma.breach',
      () => passSla(admin, open),
      (breach) => breach.detail,
    );
  } else recorder.skip(platform, 'breach SLA', 'creating both RMAs');

  const unsettled = await ctx.settle().then(
    () => undefined,
    (error: unknown) => causeOf(error),
  );
  const reports: TriggerReport[] = [];
  for (const trigger of TOUR_TRIGGERS) {
    const handle = triggers.get(trigger);
    if (!handle) {
      recorder.skip(platform, `trigger ${trigger}`, `subscribe ${trigger}`);
      continue;
    }
    const verdict = judgeTrigger(platform, trigger, handle, causes.of(trigger), unsettled);
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
async function passSla(admin: AdminApi, rmas: Rma[]): Promise<Rma[] & { detail: string }> {
  const due = Math.max(...rmas.map((rma) => Date.parse(rma.sla.due_at)));
  const now = Date.parse((await admin.clock()).now);
  const seconds = Math.max(1, Math.ceil((due - now) / 1000) + 60);
  const clock = await admin.advanceClock(seconds);
  const detail = `test clock +${days(seconds)} to ${clock.now}, past the SLA of ${rmas.map((r) => r.id).join(' and ')}`;
  return Object.assign([...rmas], { detail });
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

const describeRma = (rma: Rma) =>
  rma.label
    ? `${rma.id}, ${rma.status}, label ${rma.label.carrier} ${rma.label.tracking_number}`
    : `${rma.id}, ${rma.status}, SLA due ${rma.sla.due_at}`;

const describeWalk = (rma: Rma & { path: RmaStatus[] }) => `${rma.id} → ${rma.path.join(' → ')}`;
