/* global FormData */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from './api.mjs';
import { useResource } from './hooks.mjs';
import { html } from './html.mjs';
import { ErrorText, StatusText, Table, Time } from './parts.mjs';
import { RotateButton, RotatedOnce } from './rotate-secret.mjs';

const describeEvents = (events) => (events.includes('*') ? 'All events' : events.join(', '));

const describeRetries = (sub) =>
  sub.retry_policy === 'none'
    ? 'None (one attempt)'
    : `Exponential: ${sub.retry_schedule.map((s) => `${s} s`).join(', ')}`;

function describeConditions(conditions) {
  if (!conditions) return '—';
  const parts = [];
  if (conditions.shipping_status) parts.push(`shipping ${conditions.shipping_status.join(' or ')}`);
  if (conditions.return_type) parts.push(`return type ${conditions.return_type.join(' or ')}`);
  return parts.join('; ');
}

/** Every client's subscriptions, and a replay of a time window for any of them. */
export function Webhooks() {
  const webhooks = useResource('/admin/v1/webhooks');
  const clients = useResource('/admin/v1/api-clients');
  const [replaying, setReplaying] = useState(null);
  const [rotated, setRotated] = useState(null);
  const [rotateError, setRotateError] = useState(null);
  const nameOf = (id) => clients.data?.data.find((c) => c.id === id)?.name ?? id;
  const subs = webhooks.data?.data ?? [];

  return html`
    <${ErrorText} error=${webhooks.error} />
    <${RotatedOnce} rotated=${rotated} error=${rotateError} onDone=${() => setRotated(null)} />
    <${Table}
      label="Webhook subscriptions"
      caption="Subscriptions, newest first"
      columns=${['URL', 'API client', 'Events', 'Scheme', 'Retries', 'Conditions', 'State', null]}
    >
      ${subs.map(
        (s) =>
          html`<tr key=${s.id}>
            <th scope="row">${s.url} <span class="id">${s.id}</span></th>
            <td>${nameOf(s.api_client_id)}</td>
            <td>${describeEvents(s.events)}</td>
            <td><code>${s.scheme}</code></td>
            <td>${describeRetries(s)}</td>
            <td>${describeConditions(s.conditions)}</td>
            <td>${s.enabled ? 'Enabled' : 'Disabled'} since <${Time} iso=${s.updated_at} /></td>
            <td>
              <button type="button" onClick=${() => setReplaying(s.id)}>
                Replay…<span class="visually-hidden"> events to ${s.url}</span>
              </button>
              <${RotateButton} sub=${s} onRotated=${setRotated} onError=${setRotateError} />
            </td>
          </tr>`,
      )}
    <//>
    ${
      webhooks.data && subs.length === 0
        ? html`<p>
            No subscriptions yet: generate an API key with a webhook URL, or subscribe through the API.
          </p>`
        : null
    }
    ${subs.length > 0 ? html`<${ReplayForm} subs=${subs} selected=${replaying} onSelect=${setReplaying} />` : null}
  `;
}

/** Re-sends a window's events (same ids, flagged replay); the window starts as the last hour of the server's clock. */
function ReplayForm({ subs, selected, onSelect }) {
  const [range, setRange] = useState(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);
  const select = useRef(null);

  useEffect(() => {
    api('GET', '/admin/v1/clock').then(
      (clock) => {
        const end = Date.parse(clock.now);
        // A minute past now, so that events made while the form is open are in the window too.
        setRange({
          start: new Date(end - 3_600_000).toISOString(),
          end: new Date(end + 60_000).toISOString(),
        });
      },
      (e) => setError(messageOf(e)),
    );
  }, []);
  useEffect(() => {
    if (selected) select.current?.focus();
  }, [selected]);

  const submit = async (event) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const id = fields.get('webhook');
    try {
      const result = await api('POST', `/admin/v1/webhooks/${id}/replay`, {
        start_time: fields.get('start_time').trim(),
        end_time: fields.get('end_time').trim(),
      });
      setStatus(
        `Replaying ${result.replayed} event${result.replayed === 1 ? '' : 's'} to ${id}: see Deliveries.`,
      );
      setError(null);
    } catch (e) {
      setError(messageOf(e));
      setStatus('');
    }
  };

  return html`<form class="card" onSubmit=${submit} aria-labelledby="replay-heading">
    <h3 id="replay-heading">Replay a time window</h3>
    <label for="replay-webhook">Subscription</label>
    <select
      id="replay-webhook"
      name="webhook"
      ref=${select}
      value=${selected ?? subs[0].id}
      onChange=${(e) => onSelect(e.currentTarget.value)}
    >
      ${subs.map((s) => html`<option key=${s.id} value=${s.id}>${s.url} (${s.id})</option>`)}
    </select>
    <label for="replay-start">From <span class="hint">(ISO 8601, UTC)</span></label>
    <input id="replay-start" name="start_time" required value=${range?.start ?? ''} autocomplete="off" />
    <label for="replay-end">To <span class="hint">(ISO 8601, UTC)</span></label>
    <input id="replay-end" name="end_time" required value=${range?.end ?? ''} autocomplete="off" />
    <button type="submit">Replay window</button>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error} />
  </form>`;
}
