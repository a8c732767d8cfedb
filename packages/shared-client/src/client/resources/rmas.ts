import { Rma, RmaId, RmaListFilters, TransitionBody } from '../../contract';
import { Http } from '../http';
import { RmaCollection } from './rma-collection';

/** Both kinds together, with the `kind` and `breached` filters only this list has. */
export class Rmas extends RmaCollection<RmaListFilters> {
  constructor(http: Http) {
    super(http, '/external/v1/rmas', RmaListFilters);
  }

  /**
   * v1.1: moves the RMA along its status machine. An invalid move is an `InvalidTransitionError`
   * (409) whose message names the current status and the allowed next ones.
   */
  async transition(id: string, body: TransitionBody): Promise<Rma> {
    const checked = Http.input(RmaId, id, 'id');
    return this.http.post(
      Rma,
      `${this.path}/${encodeURIComponent(checked)}/transitions`,
      Http.input(TransitionBody, body),
    );
  }
}
