/**
 * What runs the app outside Zapier, for this package's tests and `npm start`'s tour: the definition
 * run by zapier-platform-core's own `createAppTester`, and hook deliveries caught on 127.0.0.1 and
 * handed over as Zapier hands them to `perform`. Workspace-only: not part of the packed app.
 */
export { appRunner, definition, operationOf } from './app-runner';
export type { Action, Operation, Perform, Run } from './app-runner';
export { rawRequestOf, startHookInbox, zapierHeaders } from './hooks';
export type { HookInbox, RawRequest } from './hooks';
