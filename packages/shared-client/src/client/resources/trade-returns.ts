import { CreateTradeReturnBody, KindListFilters, Rma } from '../../contract';
import { Http } from '../http';
import type { CallOptions } from '../http';
import { RmaCollection } from './rma-collection';

export class TradeReturns extends RmaCollection<KindListFilters> {
  constructor(http: Http) {
    super(http, '/external/v1/trade-returns', KindListFilters);
  }

  async create(body: CreateTradeReturnBody, options?: CallOptions): Promise<Rma> {
    return this.http.create(Rma, this.path, Http.input(CreateTradeReturnBody, body), options);
  }
}
