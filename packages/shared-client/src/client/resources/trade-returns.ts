import { CreateTradeReturnBody, GenerateLabelBody, KindListFilters, Rma, RmaId } from '../../contract';
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

  /** v1.1: the return label; a REQUESTED return is approved first. 409 if it has one or is past that point. */
  async generateLabel(id: string, body: GenerateLabelBody = {}): Promise<Rma> {
    const checked = Http.input(RmaId, id, 'id');
    return this.http.post(
      Rma,
      `${this.path}/${encodeURIComponent(checked)}/label`,
      Http.input(GenerateLabelBody, body),
    );
  }
}
