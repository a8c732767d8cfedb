import { RmaListFilters } from '../../contract';
import type { Http } from '../http';
import { RmaCollection } from './rma-collection';

/** Both kinds together, with the `kind` and `breached` filters only this list has. */
export class Rmas extends RmaCollection<RmaListFilters> {
  constructor(http: Http) {
    super(http, '/external/v1/rmas', RmaListFilters);
  }
}
