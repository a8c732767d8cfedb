import { h } from 'preact';
import htm from 'htm';

/** Tagged templates instead of JSX: the page runs as served, with no build step. */
export const html = htm.bind(h);
