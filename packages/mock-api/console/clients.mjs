/* global document, FormData */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from './api.mjs';
import { useResource } from './hooks.mjs';
import { html } from './html.mjs';
import { ConfirmDialog, CopyField, ErrorText, StatusText, Table, Time } from './parts.mjs';

/** Seed 000's settings screen: generate a key (shown once), list the keys, revoke one. */
export function ApiClients() {
  const clients = useResource('/admin/v1/api-clients');
  const [created, setCreated] = useState(null);
  const [revoking, setRevoking] = useState(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);

  const revoke = async () => {
    const client = revoking;
    setRevoking(null);
    try {
      await api('POST', `/admin/v1/api-clients/${client.id}/revoke`);
      setStatus(`Revoked “${client.name}”: its key is refused from the next request on.`);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
    await clients.reload();
  };

  return html`
    <${NewClientForm}
      onCreated=${(client) => {
        setCreated(client);
        void clients.reload();
      }}
    />
    ${
      created &&
      html`<${ShownOnce}
        client=${created}
        onDone=${() => {
          setCreated(null);
          document.getElementById('client-name')?.focus();
        }}
      />`
    }
    <h3 id="clients-heading">Keys</h3>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error ?? clients.error} />
    <${Table}
      label="API clients"
      labelledBy="clients-heading"
      columns=${['Name', 'Key starts with', 'Webhook URL', 'Created', 'State', null]}
    >
      ${(clients.data?.data ?? []).map(
        (c) =>
          html`<tr key=${c.id}>
            <th scope="row">${c.name} <span class="id">${c.id}</span></th>
            <td><code>${c.key_prefix}…</code></td>
            <td>${c.webhook_url ?? '—'}</td>
            <td><${Time} iso=${c.created_at} /></td>
            <td>${c.revoked_at ? html`Revoked <${Time} iso=${c.revoked_at} />` : 'Active'}</td>
            <td>
              ${
                c.revoked_at
                  ? null
                  : html`<button type="button" class="danger" onClick=${() => setRevoking(c)}>
                      Revoke<span class="visually-hidden"> ${c.name}</span>
                    </button>`
              }
            </td>
          </tr>`,
      )}
    <//>
    ${clients.data?.data.length === 0 ? html`<p>No API clients yet: generate one above.</p>` : null}
    <${ConfirmDialog}
      open=${revoking !== null}
      title=${`Revoke “${revoking?.name ?? ''}”?`}
      confirmLabel="Revoke key"
      onConfirm=${revoke}
      onCancel=${() => setRevoking(null)}
    >
      <p>Its key is refused from the very next request, and its webhooks stop. This cannot be undone.</p>
    <//>
  `;
}

function NewClientForm({ onCreated }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const url = fields.get('webhook_url').trim();
    setBusy(true);
    try {
      const client = await api('POST', '/admin/v1/api-clients', {
        name: fields.get('name'),
        ...(url ? { webhook_url: url } : {}),
      });
      form.reset();
      setError(null);
      onCreated(client);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="card" onSubmit=${submit} aria-labelledby="new-client-heading">
    <h3 id="new-client-heading">Generate API key</h3>
    <label for="client-name">Name</label>
    <input id="client-name" name="name" required maxlength="100" autocomplete="off" />
    <label for="client-webhook-url">Webhook URL <span class="hint">(optional)</span></label>
    <input
      id="client-webhook-url"
      name="webhook_url"
      type="url"
      placeholder="https://example.com/webhooks/returns"
      aria-describedby="client-webhook-hint"
    />
    <p class="hint" id="client-webhook-hint">
      Receives every event, signed with HMAC-SHA256 and the webhook secret, one attempt each (seed 000).
    </p>
    <button type="submit" disabled=${busy}>Generate API key</button>
    <${ErrorText} error=${error} />
  </form>`;
}

/** The key and secret, once: focus moves here so that nobody misses it. */
function ShownOnce({ client, onDone }) {
  const region = useRef(null);
  useEffect(() => region.current?.focus(), [client.id]);
  return html`<section class="card once" ref=${region} tabindex="-1" aria-labelledby="once-heading">
    <h3 id="once-heading">Key for “${client.name}”</h3>
    <p class="warning">
      <strong>Copy them now: you will not see this again.</strong> The server keeps only hashes.
    </p>
    <${CopyField} id="new-api-key" label="API key" value=${client.api_key} />
    <${CopyField} id="new-webhook-secret" label="Webhook secret" value=${client.webhook_secret} />
    ${
      client.webhook_id
        ? html`<p>
            Webhook <code>${client.webhook_id}</code> now sends every event to ${client.webhook_url}.
          </p>`
        : null
    }
    <button type="button" onClick=${onDone}>I have copied them</button>
  </section>`;
}
