import { memoryStorage } from '../storage/memory';
import type { Repositories, Storage } from '../storage/repositories';
import { SETTINGS } from '../storage/settings-keys';
import { ApiClientService } from './api-clients';
import { AutoCloseMonitor } from './auto-close';
import type { Clock } from './clock';
import { createClock } from './clock';
import { EventLog } from './event-log';
import { RmaService } from './rma-service';
import { SlaMonitor } from './sla-monitor';
import { monotonicStamps } from './time';

export const DEFAULT_SLA_SECONDS = 14 * 86_400;
export const DEFAULT_AUTO_CLOSE_SECONDS = 7 * 86_400;

export interface ServicesOptions {
  clock?: Clock;
  slaSeconds?: number;
  autoCloseSeconds?: number;
  /** Where the state lives; in memory by default. A durable store's state is resumed. */
  storage?: Storage;
  /** Replace any of the storage's repositories (tests). */
  repositories?: Partial<Repositories>;
}

/** The domain core, with no HTTP in it: what routes, the CLI, seeding and other packages' tests use. */
export interface Services {
  clock: Clock;
  repositories: Storage;
  events: EventLog;
  rmas: RmaService;
  apiClients: ApiClientService;
  sla: SlaMonitor;
  autoClose: AutoCloseMonitor;
  /** Stops the clock's wall timer and closes the storage; nothing scheduled fires after this. */
  stop(): void;
}

export function createServices(options: ServicesOptions = {}): Services {
  const storage: Storage = { ...(options.storage ?? memoryStorage()), ...options.repositories };
  const clock =
    options.clock ??
    createClock({
      startOffsetMs: Number(storage.settings.get(SETTINGS.clockOffset) ?? 0),
      onOffsetChange: (offsetMs) => storage.settings.set(SETTINGS.clockOffset, String(offsetMs)),
    });
  const transact = storage.transaction;
  const stamp = monotonicStamps(clock);
  const events = new EventLog(storage.events, stamp);
  const rmas = new RmaService(
    storage.rmas,
    events,
    stamp,
    options.slaSeconds ?? DEFAULT_SLA_SECONDS,
    transact,
  );
  const sla = new SlaMonitor(rmas, clock);
  sla.resume(storage.rmas.awaitingSla());
  // Requests that were running when the process stopped will never answer: their keys are free again.
  storage.idempotency.releaseUnanswered();
  return {
    clock,
    repositories: storage,
    events,
    rmas,
    apiClients: new ApiClientService(storage.apiClients, stamp),
    sla,
    autoClose: new AutoCloseMonitor(
      rmas,
      events,
      clock,
      options.autoCloseSeconds ?? DEFAULT_AUTO_CLOSE_SECONDS,
      storage.countdowns,
      transact,
    ),
    stop: () => {
      clock.stop();
      storage.close();
    },
  };
}
