import { defineHookTrigger } from './hook-trigger';

export const tradeReturnCredited = defineHookTrigger({
  key: 'trade_return_credited',
  noun: 'Credit',
  label: 'Trade Return Credited',
  event: 'trade_return.credited',
});
