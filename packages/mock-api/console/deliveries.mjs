import { useRef, useState } from 'preact/hooks';
import { api, messageOf, query } from './api.mjs';
import { usePoll, useQueryEnum, useResource } from './hooks.mjs';
import { html } from './html.mjs';
import { ErrorText, StatusText, Table, Time } from './parts.mjs';

const POLL_MS = 1500;
const SHOWN = 50;

/** What the delivery log's live region says about attempts that just arrived. */
function announce(fresh) {
  if (fresh.length === 0) return null;
  const latest = fresh[0];
  const code = latest.status_code === null ? 'no response' : `HTTP ${latest.status_code}`;
  const more = fresh.length > 1 ? ` and ${fresh.length - 1} more` : '';
  return `New: ${latest.event_type} ${latest.outcome} (${code})${more}.`;
}

/** The delivery log of every subscription, live, with filters, and a resend of any logged event. */
export function Deliveries() {
  const webhooks = useResource('/admin/v1/webhooks');
  const outcomes = useQueryEnum('/admin/v1/deliveries', 'outcome');
  const [filters, setFilters] = useState({ webhook_id: '', outcome: '', event_id: '' });
  const [live, setLive] = useState(true);
  const [rows, setRows] = useState(null);
  const [more, setMore] = useState(false);
  const [news, setNews] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);
  const seen = useRef(null);

  const load = async () => {
    try {
      const page = await api('GET', `/admin/v1/deliveries${query({ ...filters, limit: SHOWN })}`);
      // The first load of a filter is not news; attempts that appear after it are.
      if (seen.current) {
        const fresh = page.data.filter((a) => !seen.current.has(a.id));
        setNews((old) => announce(fresh) ?? old);
      }
      seen.current = new Set(page.data.map((a) => a.id));
      setRows(page.data);
      setMore(page.has_more);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const filterKey = JSON.stringify(filters);
  const reload = usePoll(load, POLL_MS, live, [filterKey]);

  const change = (name) => (event) => {
    seen.current = null;
    setFilters({ ...filters, [name]: event.currentTarget.value.trim() });
  };
  const resend = async (attempt) => {
    try {
      await api('POST', `/admin/v1/webhooks/${attempt.webhook_id}/resend`, { event_id: attempt.event_id });
      setStatus(`Re-sent ${attempt.event_id} to ${attempt.webhook_id}.`);
      setError(null);
      await reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const subs = webhooks.data?.data ?? [];

  return html`
    <form class="filters" onSubmit=${(e) => e.preventDefault()} aria-label="Delivery filters">
      <div>
        <label for="filter-webhook">Subscription</label>
        <select id="filter-webhook" value=${filters.webhook_id} onChange=${change('webhook_id')}>
          <option value="">All subscriptions</option>
          ${subs.map((s) => html`<option key=${s.id} value=${s.id}>${s.url} (${s.id})</option>`)}
        </select>
      </div>
      <div>
        <label for="filter-outcome">Outcome</label>
        <select id="filter-outcome" value=${filters.outcome} onChange=${change('outcome')}>
          <option value="">Any outcome</option>
          ${outcomes.map((o) => html`<option key=${o} value=${o}>${o.replace('_', ' ')}</option>`)}
        </select>
      </div>
      <div>
        <label for="filter-event">Event id</label>
        <input
          id="filter-event"
          placeholder="evt_…"
          value=${filters.event_id}
          onChange=${change('event_id')}
        />
      </div>
      <div class="check">
        <input
          id="live"
          type="checkbox"
          checked=${live}
          onChange=${(e) => setLive(e.currentTarget.checked)}
        />
        <label for="live">Live (refreshes every ${POLL_MS / 1000} s)</label>
      </div>
    </form>
    <p class="live-news" aria-live="polite" aria-atomic="true">${news}</p>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error} />
    <${Table}
      label="Delivery attempts"
      caption=${`Delivery attempts, newest first${more ? ` (the newest ${SHOWN})` : ''}`}
      columns=${['Time', 'Event', 'Subscription', 'Attempt', 'Status', 'Outcome', 'Latency', 'Response', null]}
    >
      ${(rows ?? []).map((a) => html`<${AttemptRow} key=${a.id} attempt=${a} onResend=${resend} />`)}
    <//>
    ${
      rows?.length === 0
        ? html`<p>
            ${Object.values(filters).some(Boolean) ? 'No attempts match these filters.' : 'No attempts yet.'}
          </p>`
        : null
    }
  `;
}

function AttemptRow({ attempt: a, onResend }) {
  return html`<tr data-event-id=${a.event_id} data-outcome=${a.outcome}>
    <td><${Time} iso=${a.at} /></td>
    <th scope="row">${a.event_type} <span class="id">${a.event_id}</span></th>
    <td><span class="id">${a.webhook_id}</span></td>
    <td>${a.attempt}${a.next_attempt_at ? html` · next <${Time} iso=${a.next_attempt_at} />` : null}</td>
    <td>${a.status_code ?? '—'}</td>
    <td><span class=${`outcome ${a.outcome}`}>${a.outcome.replace('_', ' ')}</span></td>
    <td>${Math.round(a.duration_ms)} ms</td>
    <td class="snippet">${a.error ?? a.response_snippet ?? ''}</td>
    <td>
      <button type="button" onClick=${() => onResend(a)}>
        Resend<span class="visually-hidden"> ${a.event_id} to ${a.webhook_id}</span>
      </button>
    </td>
  </tr>`;
}
