import { defineHookTrigger } from './hook-trigger';

export const rmaBreach = defineHookTrigger({
  key: 'rma_breach',
  noun: 'RMA',
  label: 'RMA Breach',
  event: 'rma.breach',
});
