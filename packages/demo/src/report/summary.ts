import { z } from 'zod';
import { EventType, SignatureScheme } from '@returns-pack/shared-client';

/**
 * The machine-readable summary `npm start -- --json` prints: the schema is the single definition,
 * so the printer and the test that reads the output cannot drift apart.
 */
export const PlatformId = z.enum(['zapier', 'n8n', 'pipedream']);
export type PlatformId = z.infer<typeof PlatformId>;

/** The five triggers every connector offers and the tour subscribes (label.generated: #18). */
export const TourEvent = EventType.extract([
  'return.created',
  'shipment.delivered',
  'return.processed',
  'rma.breach',
  'label.generated',
]);
export type TourEvent = z.infer<typeof TourEvent>;
export const TOUR_EVENTS = TourEvent.options;

/**
 * The triggers the tour subscribes: one per tour event, and New Event with those five types chosen,
 * which must see every event the tour causes, each once.
 */
export const TourTrigger = z.enum([...TOUR_EVENTS, 'new event']);
export type TourTrigger = z.infer<typeof TourTrigger>;
export const TOUR_TRIGGERS = TourTrigger.options;

/** The rows of the final table, the same for every platform. */
export const Operation = z.enum([
  'subscribe return.created',
  'subscribe shipment.delivered',
  'subscribe return.processed',
  'subscribe rma.breach',
  'subscribe label.generated',
  'subscribe new event',
  'create trade return',
  'create offline repair',
  'approve trade return',
  'label trade return',
  'ship trade return',
  'process trade return',
  'start repair',
  'breach SLA',
  'trigger return.created',
  'trigger shipment.delivered',
  'trigger return.processed',
  'trigger rma.breach',
  'trigger label.generated',
  'trigger new event',
  'unsubscribe triggers',
]);
export type Operation = z.infer<typeof Operation>;

export const StepResult = z.object({
  platform: PlatformId,
  operation: Operation,
  ok: z.boolean(),
  /** Wall time of the step; for a trigger, the slowest of its events from cause to verified arrival. */
  ms: z.number().nonnegative(),
  detail: z.string(),
  error: z.string().optional(),
});
export type StepResult = z.infer<typeof StepResult>;

export const TriggerReport = z.object({
  platform: PlatformId,
  event: TourTrigger,
  /** The connector's own name for it. */
  trigger: z.string(),
  scheme: SignatureScheme,
  /**
   * Each RMA of this platform's tour that must cause the event → how many times the trigger fired
   * for it; for New Event, each `<event> <RMA>` the tour caused.
   */
  expected: z.record(z.string(), z.number().int()),
  /** Verified events about other RMAs (seeded ones breaching, a Pipedream source's first sample batch). */
  others: z.number().int(),
  /** Deliveries the trigger refused or failed on, with the cause. */
  failures: z.array(z.string()),
  ok: z.boolean(),
});
export type TriggerReport = z.infer<typeof TriggerReport>;

export const PlatformReport = z.object({
  id: PlatformId,
  name: z.string(),
  /** How the connector's code ran: which runtime or harness. */
  runtime: z.string(),
  ok: z.boolean(),
});
export type PlatformReport = z.infer<typeof PlatformReport>;

export const MockReport = z.object({
  url: z.string(),
  admin_token: z.string(),
  api_key: z.string(),
  api_client_id: z.string(),
  seeded_rmas: z.number().int(),
  /** The database file with `--data-dir`; null when the mock keeps its state in memory. */
  data_file: z.string().nullable(),
  /** Whether the process keeps serving the mock after this summary. */
  serving: z.boolean(),
});
export type MockReport = z.infer<typeof MockReport>;

export const TourSummary = z.object({
  ok: z.boolean(),
  tour: z.boolean(),
  duration_ms: z.number().nonnegative(),
  mock: MockReport,
  platforms: z.array(PlatformReport),
  steps: z.array(StepResult),
  triggers: z.array(TriggerReport),
});
export type TourSummary = z.infer<typeof TourSummary>;
