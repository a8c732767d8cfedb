import { CreateOfflineRepairBody, KindListFilters, Rma } from '../../contract';
import { Http } from '../http';
import type { CallOptions } from '../http';
import { RmaCollection } from './rma-collection';

export class OfflineRepairs extends RmaCollection<KindListFilters> {
  constructor(http: Http) {
    super(http, '/external/v1/offline-repairs', KindListFilters);
  }

  async create(body: CreateOfflineRepairBody, options?: CallOptions): Promise<Rma> {
    return this.http.create(Rma, this.path, Http.input(CreateOfflineRepairBody, body), options);
  }
}
