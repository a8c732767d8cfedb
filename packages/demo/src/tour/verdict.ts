import type { PlatformId, StepResult, TourEvent, TriggerReport } from '../report/summary';
import type { TriggerHandle } from './types';

/** For each event, the RMAs of this platform's tour that must cause it, and when the causing step began. */
export class Causes {
  private readonly byEvent = new Map<TourEvent, Map<string, number>>();

  add(event: TourEvent, rmaId: string, startedAt: number): void {
    const rmas = this.byEvent.get(event) ?? new Map<string, number>();
    rmas.set(rmaId, startedAt);
    this.byEvent.set(event, rmas);
  }

  of(event: TourEvent): ReadonlyMap<string, number> {
    return this.byEvent.get(event) ?? new Map();
  }
}

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
  event: TourEvent,
  handle: TriggerHandle,
  causes: ReadonlyMap<string, number>,
  unsettled?: string,
): TriggerVerdict {
  const ours = handle.received.filter((r) => r.event.type === event && causes.has(r.event.subject.id));
  const expected = Object.fromEntries([...causes.keys()].map((id) => [id, 0]));
  let slowest = 0;
  for (const { event: envelope, at } of ours) {
    const id = envelope.subject.id;
    if (expected[id] === 0) slowest = Math.max(slowest, at - causes.get(id)!);
    expected[id] = (expected[id] ?? 0) + 1;
  }
  const problems = [
    ...(causes.size === 0 ? [`nothing to expect: every step that causes ${event} failed`] : []),
    ...Object.entries(expected)
      .filter(([, count]) => count !== 1)
      .map(([id, count]) =>
        count === 0 ? `no ${event} for ${id}` : `${event} for ${id} fired ${count} times`,
      ),
    ...handle.failures(),
    ...(unsettled && Object.values(expected).includes(0) ? [unsettled] : []),
  ];
  const others = handle.received.length - ours.length;
  const ok = problems.length === 0;
  const report: TriggerReport = {
    platform,
    event,
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
    operation: `trigger ${event}`,
    ok,
    ms: Math.round(slowest * 10) / 10,
    detail:
      `${ours.length} verified for ${ids || 'no RMA'}${ok ? ', each once' : ''}` +
      (others ? `; ${others} more about other RMAs` : ''),
    ...(ok ? {} : { error: problems.join('; ') }),
  };
  return { report, step };
}
