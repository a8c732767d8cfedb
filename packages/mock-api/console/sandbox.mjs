import { useState } from 'preact/hooks';
import { api, messageOf } from './api.mjs';
import { usePoll } from './hooks.mjs';
import { html } from './html.mjs';
import { ConfirmDialog, ErrorText, StatusText } from './parts.mjs';

/** The counts follow what the sections create, without a reload. */
const POLL_MS = 3000;

const COUNTS = [
  ['rmas', 'RMAs'],
  ['api_clients', 'API clients'],
  ['webhook_subscriptions', 'Webhook subscriptions'],
  ['deliveries_waiting', 'Deliveries waiting'],
];

const ENGINES = { memory: 'in memory', sqlite: 'SQLite' };

function WhereTheDataLives({ storage }) {
  if (!storage) return html`<p class="where">Data: —</p>`;
  if (storage.file === null) return html`<p class="where">Data: in memory — lost when the server stops</p>`;
  return html`<p class="where">
    Data: <code>${storage.file}</code> <span class="hint">(kept when the server stops)</span>
  </p>`;
}

/**
 * Where the sandbox's data lives, what it holds, and "Reset sandbox…", which asks first. `onReset`
 * tells the page, so that the section on screen reloads its lists.
 */
export function Sandbox({ onReset }) {
  const [state, setState] = useState(null);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);
  const load = () =>
    api('GET', '/admin/v1/sandbox').then(
      (s) => {
        setState(s);
        setError(null);
      },
      (e) => setError(messageOf(e)),
    );
  usePoll(load, POLL_MS, true, []);

  const reset = async () => {
    setAsking(false);
    try {
      setState(await api('POST', '/admin/v1/sandbox/reset', { confirm: 'reset' }));
      setStatus('Sandbox reset: everything was deleted; the admin token and the test clock stay.');
      setError(null);
      onReset();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return html`<aside class="sandbox" aria-labelledby="sandbox-heading">
    <h2 id="sandbox-heading">Sandbox</h2>
    <${WhereTheDataLives} storage=${state?.storage} />
    <dl class="counts">
      <dt>Engine</dt>
      <dd>${state ? (ENGINES[state.storage.engine] ?? state.storage.engine) : '—'}</dd>
      ${COUNTS.map(
        ([key, label]) =>
          html`<dt>${label}</dt>
            <dd data-count=${key}>${state?.counts[key] ?? '—'}</dd>`,
      )}
    </dl>
    <button type="button" class="danger" onClick=${() => setAsking(true)}>Reset sandbox…</button>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error} />
    <${ConfirmDialog}
      open=${asking}
      title="Reset the sandbox?"
      confirmLabel="Reset sandbox"
      onConfirm=${reset}
      onCancel=${() => setAsking(false)}
    >
      <p>
        Every RMA, event, API client (and so every API key), webhook subscription and delivery, queued or
        logged, is deleted. Nothing queued is sent. This cannot be undone.
      </p>
      <p>The admin token keeps working, and the test clock stays where it is.</p>
    <//>
  </aside>`;
}
