/* global document */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { adminToken, onUnauthorized } from './api.mjs';
import { ApiClients } from './clients.mjs';
import { TestClock } from './clock.mjs';
import { Deliveries } from './deliveries.mjs';
import { html } from './html.mjs';
import { Rmas } from './rmas.mjs';
import { Sandbox } from './sandbox.mjs';
import { SignIn, adoptFragmentToken } from './sign-in.mjs';
import { Webhooks } from './webhooks.mjs';

const SECTIONS = [
  { id: 'clients', label: 'API clients', View: ApiClients },
  { id: 'webhooks', label: 'Webhooks', View: Webhooks },
  { id: 'deliveries', label: 'Deliveries', View: Deliveries },
  { id: 'rmas', label: 'RMAs', View: Rmas },
  { id: 'clock', label: 'Test clock', View: TestClock },
];

function App() {
  const [signedIn, setSignedIn] = useState(() => adoptFragmentToken() || adminToken.get() !== null);
  const [refused, setRefused] = useState(false);
  const [current, setCurrent] = useState(SECTIONS[0]);
  // Bumped by a sandbox reset: the section on screen mounts afresh, and so reloads its lists.
  const [resets, setResets] = useState(0);
  const heading = useRef(null);
  const switched = useRef(false);

  useEffect(
    () =>
      onUnauthorized(() => {
        adminToken.clear();
        setRefused(true);
        setSignedIn(false);
      }),
    [],
  );
  // After a switch (not on first load), focus goes to the new section's heading, so that keyboard and
  // screen-reader users land on what they asked for.
  useEffect(() => {
    if (switched.current) heading.current?.focus();
    switched.current = true;
  }, [current]);

  if (!signedIn) return html`<${SignIn} refused=${refused} onSignedIn=${() => setSignedIn(true)} />`;
  const signOut = () => {
    adminToken.clear();
    setRefused(false);
    setSignedIn(false);
  };
  const { View } = current;
  return html`
    <a class="skip" href="#section-heading">Skip to the section</a>
    <header>
      <h1>Returns mock · developer console</h1>
      <nav aria-label="Console sections">
        <ul>
          ${SECTIONS.map(
            (s) =>
              html`<li key=${s.id}>
                <button
                  type="button"
                  aria-current=${s === current ? 'page' : undefined}
                  onClick=${() => setCurrent(s)}
                >
                  ${s.label}
                </button>
              </li>`,
          )}
        </ul>
      </nav>
      <button type="button" class="sign-out" onClick=${signOut}>Forget the admin token</button>
    </header>
    <${Sandbox} onReset=${() => setResets((n) => n + 1)} />
    <main>
      <h2 id="section-heading" tabindex="-1" ref=${heading}>${current.label}</h2>
      <${View} key=${`${current.id}:${resets}`} />
    </main>
  `;
}

render(html`<${App} />`, document.getElementById('root'));
