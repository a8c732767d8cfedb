import { defineHookTrigger } from './hook-trigger';

export const newReturn = defineHookTrigger({
  key: 'new_return',
  noun: 'Return',
  label: 'New Return',
  event: 'return.created',
});
