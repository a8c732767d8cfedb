import { memoryRepositories } from '../storage/memory';
import type { Repositories } from '../storage/repositories';
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
  /** Replace any of the in-memory stores, e.g. with a persistent one. */
  repositories?: Partial<Repositories>;
}

/** The domain core, with no HTTP in it: what routes, the CLI, seeding and other packages' tests use. */
export interface Services {
  clock: Clock;
  repositories: Repositories;
  events: EventLog;
  rmas: RmaService;
  apiClients: ApiClientService;
  sla: SlaMonitor;
  autoClose: AutoCloseMonitor;
  /** Stops the clock's wall timer; nothing scheduled fires after this. */
  stop(): void;
}

export function createServices(options: ServicesOptions = {}): Services {
  const clock = options.clock ?? createClock();
  const repositories = { ...memoryRepositories(), ...options.repositories };
  const stamp = monotonicStamps(clock);
  const events = new EventLog(repositories.events, stamp);
  const rmas = new RmaService(repositories.rmas, events, stamp, options.slaSeconds ?? DEFAULT_SLA_SECONDS);
  return {
    clock,
    repositories,
    events,
    rmas,
    apiClients: new ApiClientService(repositories.apiClients, stamp),
    sla: new SlaMonitor(rmas, clock),
    autoClose: new AutoCloseMonitor(
      rmas,
      events,
      clock,
      options.autoCloseSeconds ?? DEFAULT_AUTO_CLOSE_SECONDS,
    ),
    stop: () => clock.stop(),
  };
}
