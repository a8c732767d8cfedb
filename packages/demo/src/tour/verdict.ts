import type { EventEnvelope } from '@returns-pack/shared-client';
import type { PlatformId, StepResult, TourEvent, TourTrigger, TriggerReport } from '../report/summary';
import type { TriggerHandle } from './types';

/** For each event, the RMAs of this platform's tour that must cause it, and when the causing step began. */
export class Causes {
  private readonly byEvent = new Map<TourEvent, Map<string, number>>();

  add(event: TourEvent, rmaId: string, startedAt: number): void {
    const rmas = this.byEvent.get(event) ?? new Map<string, number>();
    rmas.set(rmaId, startedAt);
    this.byEvent.set(event, rmas);
  }

  /**
   * What `trigger` must fire for: the RMAs of its event, or for New Event every caused event as
   * `<event> <RMA>` (the key `expectedKey` gives an arrival).
   */
  of(trigger: TourTrigger): ReadonlyMap<string, number> {
    if (trigger !== 'new event') return this.byEvent.get(trigger) ?? new Map();
    return new Map(
      [...this.byEvent].flatMap(([event, rmas]) =>
        [...rmas].map(([id, at]) => [`${event} ${id}`, at] as const),
      ),
    );
  }
}

/** Which expected entry an arrival counts for, under `trigger`; undefined when none. */
function expectedKey(trigger: TourTrigger, event: EventEnvelope): string | undefined {
  if (trigger === 'new event') return `${event.type} ${event.subject.id}`;
  return event.type === trigger ? event.subject.id : undefined;
}

/** `return.created rma_a` → `return.created for rma_a`; under a single-event trigger the key is the RMA. */
const describeKey = (trigger: TourTrigger, key: string) =>
  trigger === 'new event' ? key.replace(' ', ' for ') : `${trigger} for ${key}`;

export interface TriggerVerdict {
  report: TriggerReport;
  step: StepResult;
}

/**
 * Did the trigger fire exactly once for each event the tour caused? Events about other RMAs
 * (seeded ones breaching at the same clock jump, say) are counted but judged by nobody.
 * `unsettled` says why deliveries may still have been under way when this was judged.
 */
export function judgeTrigger(
  platform: PlatformId,
  trigger: TourTrigger,
  handle: TriggerHandle,
  causes: ReadonlyMap<string, number>,
  unsettled?: string,
): TriggerVerdict {
  const ours = handle.received.filter((r) => causes.has(expectedKey(trigger, r.event) ?? ''));
  const expected = Object.fromEntries([...causes.keys()].map((key) => [key, 0]));
  let slowest = 0;
  for (const { event: envelope, at } of ours) {
    const key = expectedKey(trigger, envelope)!;
    if (expected[key] === 0) slowest = Math.max(slowest, at - causes.get(key)!);
    expected[key] = (expected[key] ?? 0) + 1;
  }
  const problems = [
    ...(causes.size === 0 ? [`nothing to expect: every step that causes ${trigger} failed`] : []),
    ...Object.entries(expected)
      .filter(([, count]) => count !== 1)
      .map(([key, count]) =>
        count === 0 ? `no ${describeKey(trigger, key)}` : `${describeKey(trigger, key)} fired ${count} times`,
      ),
    ...handle.failures(),
    ...(unsettled && Object.values(expected).includes(0) ? [unsettled] : []),
  ];
  const others = handle.received.length - ours.length;
  const ok = problems.length === 0;
  const report: TriggerReport = {
    platform,
    event: trigger,
    trigger: handle.name,
    scheme: handle.scheme,
    expected,
    others,
    failures: handle.failures(),
    ok,
  };
  const ids = Object.keys(expected).join(', ');
  const step: StepResult = {
    platform,
    operation: `trigger ${trigger}`,
    ok,
    ms: Math.round(slowest * 10) / 10,
    detail:
      `${ours.length} verified for ${ids || 'no RMA'}${ok ? ', each once' : ''}` +
      (others ? `; ${others} more about other RMAs` : ''),
    ...(ok ? {} : { error: problems.join('; ') }),
  };
  return { report, step };
}
