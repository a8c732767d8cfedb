export { createReturnsClient } from './create-client';
export type { ReturnsClient, ReturnsClientOptions } from './create-client';
export { fetchTransport, headerValue } from './transport';
export type { Transport, TransportRequest, TransportResponse } from './transport';
export * from './errors';
export { createPacer } from './pacer';
export type { Pacer, PacerOptions } from './pacer';
export { collect, paginate } from './paginate';
export type { CallOptions } from './http';
