import { GenerateLabelBody, Rma, RmaIdParams, TransitionBody } from '@returns-pack/shared-client';
import { defineRoute } from '../route';

/** Every field is optional, so the body may be left out entirely. */
const LabelBody = GenerateLabelBody.nullable()
  .optional()
  .transform((b) => b ?? {});

/** v1.1: what an integration may do to an RMA besides creating it. Domain rules live in RmaService. */
export const rmaActionRoutes = [
  defineRoute({
    method: 'POST',
    url: '/external/v1/rmas/:id/transitions',
    operationId: 'transitionRmaExternal',
    summary:
      'Move an RMA along its status machine; LABEL_CREATED, IN_TRANSIT and DELIVERED stay admin/label only. 409 invalid_transition names the current status and the allowed next ones',
    tag: 'RMAs',
    auth: 'api-key',
    immutableRecords: true,
    rateBudget: 'transitions',
    params: RmaIdParams,
    body: TransitionBody,
    response: Rma,
    errors: [409],
    handler: ({ params, body }, { services }) =>
      services.rmas.transitionAsIntegration(params.id, body.to, body.note),
  }),
  defineRoute({
    method: 'POST',
    url: '/external/v1/trade-returns/:id/label',
    operationId: 'generateTradeReturnLabel',
    summary:
      'Generate the return label: APPROVED (or REQUESTED, approved first) → LABEL_CREATED, emits label.generated; 409 if it has one or is past that point',
    tag: 'Trade returns',
    auth: 'api-key',
    immutableRecords: true,
    params: RmaIdParams,
    body: LabelBody,
    response: Rma,
    errors: [409],
    handler: ({ params, body }, { services }) => services.rmas.generateLabel(params.id, body.carrier),
  }),
];
