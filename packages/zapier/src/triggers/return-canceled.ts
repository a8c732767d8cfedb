import { defineHookTrigger } from './hook-trigger';

export const returnCanceled = defineHookTrigger({
  key: 'return_canceled',
  noun: 'Return',
  label: 'Return Canceled',
  event: 'return.canceled',
});
