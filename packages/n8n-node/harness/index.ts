// What runs the nodes outside n8n, over a real HTTP stack: the demo tour and this package's tests
// use it. Not published (package.json `files` ships dist/ only).
export { ReturnsPackApi } from '../credentials/ReturnsPackApi.credentials';
// `.js`: without it Node's resolution finds the codex file `ReturnsPack.node.json` first.
export { ReturnsPack } from '../nodes/ReturnsPack/ReturnsPack.node.js';
export { ReturnsPackTrigger } from '../nodes/ReturnsPackTrigger/ReturnsPackTrigger.node.js';
export { ReturnsPackPollTrigger } from '../nodes/ReturnsPackPollTrigger/ReturnsPackPollTrigger.node.js';
export type { ReturnsPackCredentials } from '../nodes/ReturnsPack/transport';
export { execute, testNode } from './execute';
export type { ExecuteOptions } from './execute';
export { httpRequestWithAuthentication } from './http';
export type { RecordedRequest } from './http';
export { poll } from './poll';
export type { PollOptions } from './poll';
export { deliver, hookContext, lifecycle, startReceiver } from './webhook';
export type { Answer, Delivery, TriggerOptions } from './webhook';
