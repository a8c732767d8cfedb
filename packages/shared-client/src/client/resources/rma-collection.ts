import type { z } from 'zod';
import { Page, Rma, RmaId } from '../../contract';
import { Http } from '../http';
import type { Query } from '../http';
import { paginate } from '../paginate';

const RmaPage = Page(Rma);

/** What every RMA list endpoint shares: one by id, one page, or an iterator over all pages. */
export class RmaCollection<F extends { cursor?: string }> {
  constructor(
    protected readonly http: Http,
    protected readonly path: string,
    private readonly filterSchema: z.ZodType<unknown, F>,
  ) {}

  async get(id: string): Promise<Rma> {
    const checked = Http.input(RmaId, id, 'id');
    return this.http.get(Rma, `${this.path}/${encodeURIComponent(checked)}`);
  }

  async list(filters: F = {} as F): Promise<Page<Rma>> {
    return this.http.get(RmaPage, this.path, checkedQuery(this.filterSchema, filters));
  }

  async *iterate(filters: F = {} as F): AsyncGenerator<Rma, void, undefined> {
    checkedQuery(this.filterSchema, filters);
    yield* paginate((f: F) => this.list(f), filters);
  }
}

/** Validates for a clear local error; the wire gets the caller's own values. */
export function checkedQuery<F>(schema: z.ZodType<unknown, F>, filters: F): Query {
  Http.input(schema, filters, 'filters');
  return filters as Query;
}
