/* global FormData */
import { useState } from 'preact/hooks';
import { api, messageOf, query } from './api.mjs';
import { usePoll, useQueryEnum } from './hooks.mjs';
import { html } from './html.mjs';
import { ErrorText, StatusText, Table, Time } from './parts.mjs';

const PAGE = 25;

/** RMAs of both kinds, filtered, paged, and moved along their status machines. */
export function Rmas() {
  const statuses = useQueryEnum('/admin/v1/rmas', 'status');
  const kinds = useQueryEnum('/admin/v1/rmas', 'kind');
  const [filters, setFilters] = useState({ status: '', kind: '', customer_email: '' });
  const [pages, setPages] = useState({ data: [], next: null });
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);

  const fetchPage = (cursor) => api('GET', `/admin/v1/rmas${query({ ...filters, limit: PAGE, cursor })}`);
  const load = async () => {
    try {
      const page = await fetchPage();
      setPages({ data: page.data, next: page.next_cursor });
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const reload = usePoll(load, 0, false, [JSON.stringify(filters)]);
  const loadMore = async () => {
    try {
      const page = await fetchPage(pages.next);
      setPages({ data: [...pages.data, ...page.data], next: page.next_cursor });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const move = async (rma, to) => {
    try {
      await api('POST', `/admin/v1/rmas/${rma.id}/transitions`, { to });
      setStatus(`${rma.id} moved from ${rma.status} to ${to}.`);
      setError(null);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const submit = (event) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    setFilters({
      status: fields.get('status'),
      kind: fields.get('kind'),
      customer_email: fields.get('customer_email').trim(),
    });
  };

  return html`
    <form class="filters" onSubmit=${submit} aria-label="RMA filters">
      <div>
        <label for="rma-status">Status</label>
        <select id="rma-status" name="status">
          <option value="">Any status</option>
          ${statuses.map((s) => html`<option key=${s} value=${s}>${s}</option>`)}
        </select>
      </div>
      <div>
        <label for="rma-kind">Kind</label>
        <select id="rma-kind" name="kind">
          <option value="">Both kinds</option>
          ${kinds.map((k) => html`<option key=${k} value=${k}>${k.replace('_', ' ')}</option>`)}
        </select>
      </div>
      <div>
        <label for="rma-email">Customer email</label>
        <input id="rma-email" name="customer_email" type="email" autocomplete="off" />
      </div>
      <div><button type="submit">Filter</button></div>
    </form>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error} />
    <${Table}
      label="RMAs"
      caption="RMAs, newest first"
      columns=${['RMA', 'Kind', 'Status', 'Label', 'Customer', 'Created', 'SLA due', 'History', 'Move to']}
    >
      ${pages.data.map((r) => html`<${RmaRow} key=${r.id} rma=${r} onMove=${move} />`)}
    <//>
    ${pages.data.length === 0 ? html`<p>No RMAs match.</p>` : null}
    ${pages.next ? html`<button type="button" onClick=${loadMore}>Load more RMAs</button>` : null}
  `;
}

function RmaRow({ rma: r, onMove }) {
  const selectId = `next-${r.id}`;
  const submit = (event) => {
    event.preventDefault();
    onMove(r, new FormData(event.currentTarget).get('to'));
  };
  return html`<tr data-rma-id=${r.id}>
    <th scope="row"><span class="id">${r.id}</span></th>
    <td>${r.kind.replace('_', ' ')}</td>
    <td><code>${r.status}</code></td>
    <td><${LabelCell} label=${r.label} /></td>
    <td>${r.customer?.email ?? '—'}</td>
    <td><${Time} iso=${r.created_at} /></td>
    <td>
      <${Time} iso=${r.sla?.due_at} />
      ${r.sla?.breached_at ? html` <strong class="breached">breached</strong>` : null}
    </td>
    <td>
      <details>
        <summary>${r.history.length} step${r.history.length === 1 ? '' : 's'}</summary>
        <ol>
          ${r.history.map((h) => html`<li>${h.status} <${Time} iso=${h.at} />${h.note ? ` — ${h.note}` : ''}</li>`)}
        </ol>
      </details>
    </td>
    <td>
      ${
        r.next_statuses.length === 0
          ? 'Final'
          : html`<form class="inline" onSubmit=${submit}>
              <label class="visually-hidden" for=${selectId}>Next status for ${r.id}</label>
              <select id=${selectId} name="to">
                ${r.next_statuses.map((s) => html`<option key=${s} value=${s}>${s}</option>`)}
              </select>
              <button type="submit">Move<span class="visually-hidden"> ${r.id}</span></button>
            </form>`
      }
    </td>
  </tr>`;
}

/** The return label (v1.1): carrier and tracking number, linking to the label's PDF. */
const LabelCell = ({ label }) =>
  label ? html`<a href=${label.url} rel="noreferrer">${label.carrier} ${label.tracking_number}</a>` : '—';
