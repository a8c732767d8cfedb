/* global location, history, FormData, URLSearchParams */
import { useState } from 'preact/hooks';
import { adminToken, api, messageOf } from './api.mjs';
import { html } from './html.mjs';
import { ErrorText } from './parts.mjs';

/**
 * `returns-mock serve` prints the console URL with `#token=…`: take it into sessionStorage and drop
 * it from the address bar and history at once. Returns whether a token was found.
 */
export function adoptFragmentToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (!token) return false;
  adminToken.set(token);
  history.replaceState(null, '', location.pathname + location.search);
  return true;
}

/** Asks for the admin token once, and checks it before keeping it. */
export function SignIn({ onSignedIn, refused }) {
  const [error, setError] = useState(refused ? 'The admin token was refused: enter it again.' : null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('token').trim();
    setBusy(true);
    adminToken.set(value);
    try {
      await api('GET', '/admin/v1/clock');
      onSignedIn();
    } catch (e) {
      adminToken.clear();
      setError(e.status === 401 ? 'That admin token was refused.' : messageOf(e));
      setBusy(false);
    }
  };
  return html`<main class="sign-in">
    <h1>Returns mock · developer console</h1>
    <form onSubmit=${submit}>
      <label for="admin-token">Admin token</label>
      <input
        id="admin-token"
        name="token"
        type="password"
        required
        autocomplete="off"
        autofocus
        aria-describedby="admin-token-hint"
      />
      <p class="hint" id="admin-token-hint">
        Printed by <code>returns-mock serve</code>. It is kept in this tab only, and sent as a bearer token.
      </p>
      <button type="submit" disabled=${busy}>Open the console</button>
      <${ErrorText} error=${error} />
    </form>
  </main>`;
}
