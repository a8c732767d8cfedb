import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { sampleEvent } from '../../../src';
import { NOW_MS } from '../../webhooks/helpers';

export const NOW_S = Math.floor(NOW_MS / 1000);
export const EVENT = sampleEvent('return.created');

/** A `{jwt, payload}` body for EVENT, signed at NOW with `secret`, bound by all three claims. */
export async function jwtDelivery(secret: string, nonce: string = randomUUID()): Promise<string> {
  const token = await new SignJWT({
    iat: NOW_S,
    exp: NOW_S + 300,
    nonce,
    event_id: EVENT.id,
    event: EVENT.type,
    return_id: EVENT.subject.id,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
  return `{"jwt":"${token}","payload":${JSON.stringify(EVENT)}}`;
}
