import { useEffect, useRef } from 'preact/hooks';
import { api, messageOf } from './api.mjs';
import { html } from './html.mjs';
import { CopyField, ErrorText, Time } from './parts.mjs';

/** A day, the API's default: receivers get that long to add the new secret before the old one stops. */
const GRACE_SECONDS = 86_400;

/** The button beside a subscription: asks the API for a new secret and reports it to `onRotated`. */
export function RotateButton({ sub, onRotated, onError }) {
  const rotate = async () => {
    try {
      const rotated = await api('POST', `/admin/v1/webhooks/${sub.id}/rotate-secret`, {
        grace_seconds: GRACE_SECONDS,
      });
      onRotated({ sub, ...rotated });
    } catch (e) {
      onError(messageOf(e));
    }
  };
  return html`<button type="button" onClick=${rotate}>
    Rotate secret<span class="visually-hidden"> of ${sub.url}</span>
  </button>`;
}

/** The new secret, once (the server keeps it, but never shows it again); focus moves here. */
export function RotatedOnce({ rotated, error, onDone }) {
  const region = useRef(null);
  useEffect(() => region.current?.focus(), [rotated?.secret]);
  if (!rotated) return html`<${ErrorText} error=${error} />`;
  return html`<section class="card once" ref=${region} tabindex="-1" aria-labelledby="rotated-heading">
    <h3 id="rotated-heading">New secret for ${rotated.sub.url}</h3>
    <p class="warning"><strong>Copy it now: you will not see it again.</strong></p>
    <${CopyField} id="rotated-secret" label="New webhook secret" value=${rotated.secret} />
    <p>
      Deliveries keep verifying with the previous secret until
      <${Time} iso=${rotated.previous_secret_expires_at} />: add the new one to the receiver before then
      (${rotated.sub.scheme === 'standard-webhooks' ? 'each delivery carries both signatures' : 'they are signed with the previous one until then'}).
    </p>
    <button type="button" onClick=${onDone}>I have copied it</button>
  </section>`;
}
