import { EventEnvelope } from '@returns-pack/shared-client';
import type { EventType, Rma } from '@returns-pack/shared-client';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');

/** A contract-valid RMA, with the fields conditions look at overridable. */
export function rma(id: string, overrides: Partial<Rma> = {}): Rma {
  const at = new Date(T0).toISOString();
  return {
    id,
    kind: 'trade_return',
    status: 'REQUESTED',
    created_at: at,
    updated_at: at,
    customer: { email: 'a@example.com', name: null, company: null },
    items: [{ sku: 'SKU-1', quantity: 1, reason: null, unit_price: null }],
    serial: null,
    fault_description: null,
    product: null,
    credit: null,
    label: null,
    shipment: null,
    return_type: 'refund',
    sla: { due_at: new Date(T0 + 86_400_000).toISOString(), breached_at: null },
    metadata: {},
    external_reference: null,
    history: [{ status: 'REQUESTED', at, note: null }],
    ...overrides,
  };
}

let counter = 0;

/** The event log of a test: events are numbered per subject, as the server numbers them. */
export class TestEvents {
  readonly all: EventEnvelope[] = [];
  private readonly sequences = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  emit(subjectId: string, type: EventType = 'return.updated', overrides: Partial<Rma> = {}): EventEnvelope {
    const sequence = (this.sequences.get(subjectId) ?? 0) + 1;
    this.sequences.set(subjectId, sequence);
    const event = EventEnvelope.parse({
      id: `evt_t${(++counter).toString(36)}x${Math.floor(Math.random() * 1e9).toString(36)}`,
      type,
      created_at: new Date(this.now()).toISOString(),
      api_version: 'v1',
      subject: { type: 'rma', id: subjectId },
      sequence,
      test: false,
      replay: false,
      data: { rma: rma(subjectId, overrides) },
    });
    this.all.push(event);
    return event;
  }

  between = (start: number, end: number) =>
    this.all.filter((e) => Date.parse(e.created_at) >= start && Date.parse(e.created_at) <= end);
}
