import { ClockAdvanceBody, ClockState } from '@returns-pack/shared-client';
import type { Clock } from '../../domain/clock';
import { iso } from '../../domain/time';
import { defineRoute } from '../route';

const stateOf = (clock: Clock): ClockState => ({
  now: iso(clock.now()),
  offset_seconds: clock.offsetSeconds(),
});

export const adminClockRoutes = [
  defineRoute({
    method: 'GET',
    url: '/admin/v1/clock',
    operationId: 'getClock',
    summary: "Read the server's clock: wall time plus everything advanced so far",
    tag: 'Admin',
    auth: 'admin',
    response: ClockState,
    handler: (_input, { services }) => stateOf(services.clock),
  }),
  defineRoute({
    method: 'POST',
    url: '/admin/v1/clock/advance',
    operationId: 'advanceClock',
    summary: 'Move the clock forward: due SLA breaches, auto-closes and retries happen before this answers',
    tag: 'Admin',
    auth: 'admin',
    body: ClockAdvanceBody,
    response: ClockState,
    handler: ({ body }, { services }) => {
      services.clock.advance(body.seconds);
      return stateOf(services.clock);
    },
  }),
];
