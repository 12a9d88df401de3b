import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, cliActor } from '../auth/actor.js';
import { newSecret, sameSecret } from '../auth/secrets.js';

/**
 * The `dxmon` commands of this machine reach the API with full rights, as the command line always
 * has (whoever can open the data directory holds the database): either through the data
 * directory's socket, whose file only the directory's owner may open, or injected in the process
 * that holds the database. Both carry this app's local secret, which never leaves the process:
 * a request over TCP cannot.
 */
export const localHeader = 'x-dxmon-local';
/** Who runs the command (their login name), for the audit trail. */
export const localUserHeader = 'x-dxmon-user';

/** A new secret for one app's local access. */
export function newLocalSecret(): string {
  return newSecret('dxl');
}

/** Serves the socket's requests with the app, marked as local. */
export function localRequestHandler(
  app: FastifyInstance,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    request.headers[localHeader] = app.localSecret;
    app.routing(request, response);
  };
}

/** The command-line actor of a local request, or undefined for any other request. */
export function localActor(app: FastifyInstance, request: FastifyRequest): Actor | undefined {
  const sent = request.headers[localHeader];
  if (typeof sent !== 'string' || !sameSecret(sent, app.localSecret)) return undefined;
  const user = request.headers[localUserHeader];
  return cliActor(typeof user === 'string' && user !== '' ? user.slice(0, 100) : undefined);
}
