import { defineHookTrigger } from './hook-trigger';

export const returnProcessed = defineHookTrigger({
  key: 'return_processed',
  noun: 'Return',
  label: 'Return Processed',
  event: 'return.processed',
});
