/* global navigator */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { html } from './html.mjs';

/** A failure, announced at once by screen readers. */
export const ErrorText = ({ error }) => (error ? html`<p class="error" role="alert">${error}</p>` : null);

/** An outcome or progress line, announced politely; rendered empty so that changes are announced. */
export const StatusText = ({ text, id }) => html`<p class="status" role="status" id=${id}>${text ?? ''}</p>`;

/**
 * A table of records with its column heads; `null` is the actions column, named for screen readers
 * only. A wide table scrolls on its own, keyboard-reachable, instead of widening the page.
 */
export const Table = ({ label, caption, labelledBy, columns, children }) =>
  html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">
    <table aria-labelledby=${labelledBy}>
      ${
        caption
          ? html`<caption>
              ${caption}
            </caption>`
          : null
      }
      <thead>
        <tr>
          ${columns.map(
            (c) => html`<th scope="col">${c ?? html`<span class="visually-hidden">Actions</span>`}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${children}
      </tbody>
    </table>
  </div>`;

export const Time = ({ iso }) =>
  iso ? html`<time datetime=${iso}>${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, 'Z')}</time>` : '—';

/** A read-only value with a copy button; says whether the copy worked. */
export function CopyField({ id, label, value }) {
  const [said, setSaid] = useState('');
  const input = useRef(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setSaid(`${label} copied`);
    } catch {
      // No clipboard access (an insecure origin, a denied permission): leave it selected to copy by hand.
      input.current?.select();
      setSaid(`${label} selected: press Ctrl+C (⌘C) to copy it`);
    }
  };
  return html`<div class="copy-field">
    <label for=${id}>${label}</label>
    <div class="copy-row">
      <input id=${id} ref=${input} value=${value} readonly spellcheck="false" autocomplete="off" />
      <button type="button" onClick=${copy} aria-describedby=${`${id}-said`}>
        Copy<span class="visually-hidden"> ${label}</span>
      </button>
    </div>
    <span class="said" id=${`${id}-said`} aria-live="polite">${said}</span>
  </div>`;
}

/**
 * A confirmation in a native modal dialog: focus moves into it and stays there, Escape cancels,
 * and focus returns to what opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel }) {
  const dialog = useRef(null);
  // Its own id: the page may hold several dialogs (the Sandbox panel's beside a section's).
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const cancel = (event) => {
    // Escape: let the page close it, so that its state and the dialog never disagree.
    event.preventDefault();
    onCancel();
  };
  return html`<dialog ref=${dialog} aria-labelledby=${titleId} onCancel=${cancel}>
    <h2 id=${titleId}>${title}</h2>
    ${children}
    <div class="actions">
      <button type="button" autofocus onClick=${onCancel}>Cancel</button>
      <button type="button" class="danger" onClick=${onConfirm}>${confirmLabel}</button>
    </div>
  </dialog>`;
}
