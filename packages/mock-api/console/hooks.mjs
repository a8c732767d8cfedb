/* global fetch, setTimeout, clearTimeout */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, messageOf } from './api.mjs';

/**
 * Calls `load` now and then every `intervalMs` after the previous call finished (never two at once),
 * while `enabled`; reloads at once when `deps` change. Returns a function that reloads on demand.
 */
export function usePoll(load, intervalMs, enabled, deps) {
  const latest = useRef(load);
  latest.current = load;
  const kick = useRef(() => {});
  useEffect(() => {
    let timer;
    let stopped = false;
    const run = async () => {
      clearTimeout(timer);
      await latest.current();
      if (!stopped && enabled) timer = setTimeout(run, intervalMs);
    };
    kick.current = run;
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The caller's deps decide when to start over; `load` itself changes on every render.
  }, [enabled, intervalMs, ...deps]);
  return () => kick.current();
}

/** A GET that loads on mount: `{data, error, reload}`. */
export function useResource(path) {
  const [state, setState] = useState({ data: null, error: null });
  const reload = () =>
    api('GET', path).then(
      (data) => setState({ data, error: null }),
      (error) => setState((s) => ({ data: s.data, error: messageOf(error) })),
    );
  useEffect(() => void reload(), [path]);
  return { ...state, reload };
}

let documentPromise;

/**
 * The values a query parameter takes, read from the server's own OpenAPI document: the page keeps
 * no copy of the contract's enums (statuses, outcomes).
 */
export function useQueryEnum(path, name) {
  const [values, setValues] = useState([]);
  useEffect(() => {
    documentPromise ??= fetch('/openapi.json').then((r) => r.json());
    documentPromise.then(
      (doc) => {
        const parameter = doc.paths?.[path]?.get?.parameters?.find((p) => p.name === name);
        setValues(parameter?.schema?.enum ?? []);
      },
      () => setValues([]),
    );
  }, [path, name]);
  return values;
}
