import type { DeliveryConditions } from '@returns-pack/shared-client';
import { wantsEvent } from '../../src/delivery/event-filter';
import { TestEvents } from './helpers/events';

const events = new TestEvents(() => Date.parse('2025-01-01T00:00:00Z'));
const sub = (events: string[], conditions: DeliveryConditions | null = null) =>
  ({ events, conditions }) as Parameters<typeof wantsEvent>[0];

describe('wantsEvent', () => {
  it('matches by type or by "*"', () => {
    const created = events.emit('rma_1', 'return.created');
    expect(wantsEvent(sub(['*']), created)).toBe(true);
    expect(wantsEvent(sub(['return.created', 'rma.breach']), created)).toBe(true);
    expect(wantsEvent(sub(['return.processed']), created)).toBe(false);
  });

  it('filters on shipping status, an RMA without a shipment counting as pre_transit (seed 003)', () => {
    const noShipment = events.emit('rma_2', 'return.created');
    const inTransit = events.emit('rma_2', 'shipment.in_transit', {
      shipment: { status: 'in_transit', tracking_number: 'T1', delivered_at: null },
    });
    const pre = sub(['*'], { shipping_status: ['pre_transit'] });
    const moving = sub(['*'], { shipping_status: ['in_transit', 'delivered'] });
    expect(wantsEvent(pre, noShipment)).toBe(true);
    expect(wantsEvent(pre, inTransit)).toBe(false);
    expect(wantsEvent(moving, noShipment)).toBe(false);
    expect(wantsEvent(moving, inTransit)).toBe(true);
  });

  it('filters on return type; an RMA without one meets no return-type condition', () => {
    const exchange = events.emit('rma_3', 'return.created', { return_type: 'exchange' });
    const repair = events.emit('rma_4', 'return.created', { kind: 'offline_repair', return_type: null });
    const wantsExchange = sub(['*'], { return_type: ['exchange', 'shop_now_credit'] });
    expect(wantsEvent(wantsExchange, exchange)).toBe(true);
    expect(wantsEvent(sub(['*'], { return_type: ['refund'] }), exchange)).toBe(false);
    expect(wantsEvent(wantsExchange, repair)).toBe(false);
  });

  it('needs every condition to hold', () => {
    const event = events.emit('rma_5', 'return.created', { return_type: 'refund' });
    expect(wantsEvent(sub(['*'], { return_type: ['refund'], shipping_status: ['pre_transit'] }), event)).toBe(
      true,
    );
    expect(wantsEvent(sub(['*'], { return_type: ['refund'], shipping_status: ['delivered'] }), event)).toBe(
      false,
    );
  });
});
