import { defineApp, version as platformVersion } from 'zapier-platform-core';
import { authentication } from './authentication';
import { createOfflineRepair } from './creates/offline-repair';
import { createTradeReturn } from './creates/trade-return';
import { includeApiKey } from './middleware';
import { findRma } from './searches/rma';
import { newReturn } from './triggers/new-return';
import { offlineRepairStatusChanged } from './triggers/offline-repair-status-changed';
import { returnCanceled } from './triggers/return-canceled';
import { returnCompleted } from './triggers/return-completed';
import { returnProcessed } from './triggers/return-processed';
import { rmaBreach } from './triggers/rma-breach';
import { rmaList } from './triggers/rma-list';
import { shipmentDelivered } from './triggers/shipment-delivered';
import { tradeReturnCreditRequest } from './triggers/trade-return-credit-request';
import { tradeReturnCredited } from './triggers/trade-return-credited';

/** Kept equal to package.json's version by a test (the bundle does not read package.json). */
export const APP_VERSION = '0.1.0';

export const App = defineApp({
  version: APP_VERSION,
  platformVersion,
  authentication,
  beforeRequest: [includeApiKey],
  triggers: {
    [newReturn.key]: newReturn,
    [returnProcessed.key]: returnProcessed,
    [shipmentDelivered.key]: shipmentDelivered,
    [rmaBreach.key]: rmaBreach,
    [tradeReturnCreditRequest.key]: tradeReturnCreditRequest,
    [tradeReturnCredited.key]: tradeReturnCredited,
    [returnCompleted.key]: returnCompleted,
    [returnCanceled.key]: returnCanceled,
    [offlineRepairStatusChanged.key]: offlineRepairStatusChanged,
    [rmaList.key]: rmaList,
  },
  creates: {
    [createTradeReturn.key]: createTradeReturn,
    [createOfflineRepair.key]: createOfflineRepair,
  },
  searches: {
    [findRma.key]: findRma,
  },
  searchOrCreates: {
    find_rma: {
      key: 'find_rma',
      display: {
        label: 'Find or Create Trade Return',
        description:
          'Finds an RMA by id, external reference or customer email, or creates a trade return if none is found.',
      },
      search: 'find_rma',
      create: 'create_trade_return',
    },
  },
});
