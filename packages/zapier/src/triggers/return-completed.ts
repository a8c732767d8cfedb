import { defineHookTrigger } from './hook-trigger';

export const returnCompleted = defineHookTrigger({
  key: 'return_completed',
  noun: 'Return',
  label: 'Return Completed',
  event: 'return.completed',
});
