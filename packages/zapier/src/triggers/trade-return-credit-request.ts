import { defineHookTrigger } from './hook-trigger';

export const tradeReturnCreditRequest = defineHookTrigger({
  key: 'new_trade_return_credit_request',
  noun: 'Credit Request',
  label: 'New Trade Return Credit Request',
  event: 'trade_return.credit_requested',
});
