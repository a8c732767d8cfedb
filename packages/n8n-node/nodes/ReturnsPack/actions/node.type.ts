import type * as event from './event/Event.resource';
import type * as offlineRepair from './offlineRepair/OfflineRepair.resource';
import type * as rma from './rma/Rma.resource';
import type * as tradeReturn from './tradeReturn/TradeReturn.resource';

interface ResourceOperations {
  tradeReturn: keyof typeof tradeReturn.operations;
  offlineRepair: keyof typeof offlineRepair.operations;
  rma: keyof typeof rma.operations;
  event: keyof typeof event.operations;
}

/** Every valid resource/operation pair of the node, e.g. `{ resource: 'rma', operation: 'getMany' }`. */
export type ReturnsPackType = {
  [R in keyof ResourceOperations]: { resource: R; operation: ResourceOperations[R] };
}[keyof ResourceOperations];
