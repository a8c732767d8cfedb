/* global FormData */
import { useState } from 'preact/hooks';
import { api, messageOf } from './api.mjs';
import { usePoll } from './hooks.mjs';
import { html } from './html.mjs';
import { ErrorText, StatusText, Time } from './parts.mjs';

const STEPS = [
  { label: '+1 hour', seconds: 3_600 },
  { label: '+1 day', seconds: 86_400 },
  { label: '+7 days', seconds: 7 * 86_400 },
  { label: '+15 days', seconds: 15 * 86_400 },
];

function duration(seconds) {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const parts = [d && `${d} d`, h && `${h} h`, m && `${m} min`, seconds % 60 && `${seconds % 60} s`].filter(
    Boolean,
  );
  return parts.length > 0 ? parts.join(' ') : 'nothing';
}

/** The server's test clock: SLA breaches, auto-closes and webhook retries fall due on it. */
export function TestClock() {
  const [clock, setClock] = useState(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);
  const load = () =>
    api('GET', '/admin/v1/clock').then(
      (c) => setClock(c),
      (e) => setError(messageOf(e)),
    );
  usePoll(load, 2000, true, []);

  const advance = async (seconds) => {
    try {
      setClock(await api('POST', '/admin/v1/clock/advance', { seconds }));
      setStatus(`Advanced ${duration(seconds)}: what fell due has run (breaches, auto-closes, retries).`);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const submit = (event) => {
    event.preventDefault();
    void advance(Number(new FormData(event.currentTarget).get('seconds')));
  };

  return html`
    <dl class="clock">
      <dt>Server time</dt>
      <dd><${Time} iso=${clock?.now} /></dd>
      <dt>Advanced so far</dt>
      <dd>${clock ? duration(clock.offset_seconds) : '—'}</dd>
    </dl>
    <div class="steps" role="group" aria-label="Advance the clock by">
      ${STEPS.map(
        (s) =>
          html`<button key=${s.seconds} type="button" onClick=${() => advance(s.seconds)}>
            ${s.label}
          </button>`,
      )}
    </div>
    <form class="card" onSubmit=${submit} aria-labelledby="advance-heading">
      <h3 id="advance-heading">Advance by any amount</h3>
      <label for="advance-seconds">Seconds</label>
      <input id="advance-seconds" name="seconds" type="number" min="1" step="1" required />
      <button type="submit">Advance the clock</button>
    </form>
    <${StatusText} text=${status} />
    <${ErrorText} error=${error} />
  `;
}
