import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { sameSecret } from '../auth/secrets.js';
import { Forbidden, Unauthorized } from '../http/problems.js';
import { localActor } from '../local/localAccess.js';
import { actorForSecret, sessionHours } from '../services/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: undefined for an anonymous request. */
    actor?: Actor;
  }
}

export const sessionCookie = 'dxmon_session';
const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the actor of every request: this machine's `dxmon` commands (local access), an
 * `Authorization: Bearer` secret (API token or session) or the session cookie. A secret that is sent but unknown, expired or revoked is a 401 rather than
 * an anonymous request, so that scripts learn at once that their token no longer works. Writes
 * authenticated by the cookie must carry the session's CSRF token in `x-csrf-token`: a page on
 * another site can make the browser send the cookie, but cannot read the token.
 */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const local = localActor(app, request);
    if (local) {
      request.actor = local;
      return;
    }
    const header = request.headers.authorization;
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const fromCookie = request.cookies[sessionCookie];
    const secret = bearer ?? fromCookie;
    if (!secret) return;
    const actor = await actorForSecret(app.database, secret, request.ip);
    if (!actor) {
      if (bearer) throw new Unauthorized('the token is unknown, expired or revoked');
      return; // a stale cookie: treat the request as anonymous
    }
    if (!bearer && unsafe.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !sameSecret(sent, actor.csrfToken)) {
        throw new Forbidden(
          'a write with the session cookie needs the x-csrf-token header given at sign-in',
        );
      }
    }
    const { csrfToken: _, ...rest } = actor;
    request.actor = rest;
  });
}

/** Sets the session cookie: httpOnly, SameSite=Strict, Secure over HTTPS. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(sessionCookie, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: sessionHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}
