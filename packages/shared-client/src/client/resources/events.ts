import { EventEnvelope, EventListFilters, Page } from '../../contract';
import type { Http } from '../http';
import { paginate } from '../paginate';
import { checkedQuery } from './rma-collection';

const EventPage = Page(EventEnvelope);

/** The event log, for reconciling webhooks that were missed (seed 000 delivers only once). */
export class Events {
  constructor(private readonly http: Http) {}

  async list(filters: EventListFilters = {}): Promise<Page<EventEnvelope>> {
    const query = checkedQuery(EventListFilters, filters);
    // `types` travels as the comma list the server reads; callers may give an array.
    const types = filters.types;
    return this.http.get(EventPage, '/external/v1/events', {
      ...query,
      ...(Array.isArray(types) ? { types: types.join(',') } : {}),
    });
  }

  async *iterate(filters: EventListFilters = {}): AsyncGenerator<EventEnvelope, void, undefined> {
    checkedQuery(EventListFilters, filters);
    yield* paginate((f: EventListFilters) => this.list(f), filters);
  }
}
