import { OFFLINE_REPAIR_FLOW, ReturnType, TRADE_RETURN_FLOW } from '@returns-pack/shared-client';
import type { Rma, RmaStatus } from '@returns-pack/shared-client';
import type { Services } from './services';

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Ken Thompson',
];
const TRADE_TARGETS: RmaStatus[] = [...TRADE_RETURN_FLOW, 'CANCELED', 'PAUSED'];
const REPAIR_TARGETS: RmaStatus[] = [...OFFLINE_REPAIR_FLOW, 'CANCELED'];

/**
 * `count` demo RMAs, two trade returns to one repair, spread over every status of both machines.
 * Deterministic but for ids and times, and made through the service, so every one has its events,
 * SLA tracking and (when DELIVERED) its auto-close countdown, like RMAs made over HTTP.
 */
export function seedDemoRmas(services: Services, count: number): Rma[] {
  const seeded: Rma[] = [];
  for (let i = 0; i < count; i++) {
    const name = NAMES[i % NAMES.length]!;
    const email = `${name.split(' ')[0]!.toLowerCase()}.${i % 40}@example.com`;
    if (i % 3 === 2) {
      const rma = services.rmas.createOfflineRepair({
        serial: `SN-${100_000 + i}`,
        fault_description: i % 2 ? 'Screen flickers after a few minutes' : 'Does not charge',
        customer_email: email,
        customer_name: name,
        product: i % 2 ? 'Tablet T10' : 'Phone P4',
      });
      seeded.push(walk(services, rma, OFFLINE_REPAIR_FLOW, REPAIR_TARGETS[i % REPAIR_TARGETS.length]!, i));
    } else {
      const rma = services.rmas.createTradeReturn({
        customer: { email, name, company: i % 4 === 0 ? 'Acme Retail' : undefined },
        items: [
          { sku: `SKU-${1000 + (i % 97)}`, quantity: 1 + (i % 3), reason: 'Wrong size', unit_price: 19.99 },
        ],
        credit_requested: i % 2 === 0 ? { amount: (1999 * (1 + (i % 3))) / 100, currency: 'EUR' } : undefined,
        return_type: ReturnType.options[i % ReturnType.options.length]!,
        external_reference: `ERP-${10_000 + i}`,
        metadata: { seed: String(i) },
      });
      seeded.push(walk(services, rma, TRADE_RETURN_FLOW, TRADE_TARGETS[i % TRADE_TARGETS.length]!, i));
    }
  }
  return seeded;
}

/** Moves along the flow to `target`; CANCELED and PAUSED branch off a step chosen by `i`. */
function walk(services: Services, rma: Rma, flow: readonly RmaStatus[], target: RmaStatus, i: number): Rma {
  const branch = target === 'CANCELED' || target === 'PAUSED';
  const stop = branch ? flow[i % 4]! : target;
  let current = rma;
  for (const status of flow.slice(1, flow.indexOf(stop) + 1)) {
    current = services.rmas.transition(current.id, status);
  }
  return branch ? services.rmas.transition(current.id, target) : current;
}
