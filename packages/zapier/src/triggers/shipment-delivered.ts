import { defineHookTrigger } from './hook-trigger';

export const shipmentDelivered = defineHookTrigger({
  key: 'shipment_delivered',
  noun: 'Shipment',
  label: 'Shipment Delivered',
  event: 'shipment.delivered',
});
