import { EmitEventBody, EventEnvelope, Rma, RmaIdParams, TransitionBody } from '@returns-pack/shared-client';
import { defineRoute } from '../route';

export const adminRmaRoutes = [
  defineRoute({
    method: 'POST',
    url: '/admin/v1/rmas/:id/transitions',
    operationId: 'transitionRma',
    summary: 'Move an RMA along its status machine; 409 invalid_transition names the allowed next states',
    tag: 'Admin',
    auth: 'admin',
    immutableRecords: true,
    params: RmaIdParams,
    body: TransitionBody,
    response: Rma,
    errors: [409],
    handler: ({ params, body }, { services }) => services.rmas.transition(params.id, body.to, body.note),
  }),
  defineRoute({
    method: 'POST',
    url: '/admin/v1/rmas/:id/events',
    operationId: 'emitRmaEvent',
    summary: 'Emit any catalogue event for an RMA through the event log (and so to webhooks)',
    tag: 'Admin',
    auth: 'admin',
    immutableRecords: true,
    params: RmaIdParams,
    body: EmitEventBody,
    status: 201,
    response: EventEnvelope,
    handler: ({ params, body }, { services }) => services.rmas.emit(params.id, body.type),
  }),
];
