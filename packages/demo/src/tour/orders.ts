import type { CreateOfflineRepairBody, CreateTradeReturnBody } from '@returns-pack/shared-client';
import type { PlatformId } from '../report/summary';

/** What the tour asks each connector to create: recognisable per platform in the mock's data. */
export function tradeReturnOrder(platform: PlatformId): CreateTradeReturnBody {
  return {
    customer: { email: `${platform}.tour@example.com`, name: 'Tour Customer', company: 'Acme Retail' },
    items: [{ sku: 'TSHIRT-M-BLUE', quantity: 2, reason: 'Too small', unit_price: 19.99 }],
    credit_requested: { amount: 39.98, currency: 'EUR' },
    return_type: 'shop_later_credit',
    external_reference: `TOUR-${platform.toUpperCase()}-1`,
  };
}

export function offlineRepairOrder(platform: PlatformId): CreateOfflineRepairBody {
  return {
    serial: `SN-TOUR-${platform.toUpperCase()}`,
    fault_description: 'Screen flickers after a few minutes',
    customer_email: `${platform}.tour@example.com`,
    customer_name: 'Tour Customer',
    product: 'Tablet T10',
  };
}
